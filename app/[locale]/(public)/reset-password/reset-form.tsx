'use client'

import { useTranslations } from 'next-intl'
import { Field, FormMessage } from '@/components/ui/field'
import { useFormAction } from '@/components/ui/use-form-action'
import { Link } from '@/lib/i18n/navigation'
import { resetPasswordAction } from './actions'

export function ResetForm({ token }: { token: string }) {
  const t = useTranslations('accountMail')
  const ta = useTranslations('auth')
  const { state, formAction, onSubmit, pending, fieldErrors } = useFormAction(resetPasswordAction)
  if (state?.ok) {
    return (
      <div className="stack-sm">
        <FormMessage message={state.message} tone="ok" />
        <p><Link href="/sign-in" className="button">{ta('submitSignIn')}</Link></p>
      </div>
    )
  }
  return (
    <form className="form" action={formAction} onSubmit={onSubmit} noValidate>
      <input type="hidden" name="token" value={token} />
      <Field id="password" label={t('newPassword')} hint={ta('passwordHint')} errors={fieldErrors.password}>
        <input name="password" type="password" autoComplete="new-password" required minLength={10} />
      </Field>
      <FormMessage message={state?.message} tone="block" />
      <button type="submit" className="button" disabled={pending}>{t('setPassword')}</button>
    </form>
  )
}
