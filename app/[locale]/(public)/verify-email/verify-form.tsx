'use client'

import { useTranslations } from 'next-intl'
import { FormMessage } from '@/components/ui/field'
import { useFormAction } from '@/components/ui/use-form-action'
import { verifyEmailAction } from './actions'

export function VerifyForm({ token }: { token: string }) {
  const t = useTranslations('accountMail')
  const { state, formAction, onSubmit, pending } = useFormAction(verifyEmailAction)
  if (state?.ok) return <FormMessage message={state.message} tone="ok" />
  return (
    <form className="form" action={formAction} onSubmit={onSubmit} noValidate>
      <input type="hidden" name="token" value={token} />
      <FormMessage message={state?.message} tone="block" />
      <button type="submit" className="button" disabled={pending}>{t('confirmAddress')}</button>
    </form>
  )
}
