'use client'

import { useTranslations } from 'next-intl'
import { Field, FormMessage } from '@/components/ui/field'
import { useFormAction } from '@/components/ui/use-form-action'
import { requestPasswordResetAction } from './actions'

export function ForgotForm() {
  const t = useTranslations('accountMail')
  const ta = useTranslations('auth')
  const { state, formAction, onSubmit, pending, fieldErrors } = useFormAction(requestPasswordResetAction)
  if (state?.ok) return <FormMessage message={t('resetSent', { email: state.data.email })} tone="ok" />
  return (
    <form className="form" action={formAction} onSubmit={onSubmit} noValidate>
      <Field id="email" label={ta('email')} errors={fieldErrors.email}>
        <input name="email" type="email" autoComplete="email" required />
      </Field>
      <FormMessage message={state?.message} tone="block" />
      <button type="submit" className="button" disabled={pending}>{t('sendResetLink')}</button>
    </form>
  )
}
