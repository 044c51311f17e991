'use client'

import { signOut } from 'next-auth/react'
import { useTranslations } from 'next-intl'
import { useEffect } from 'react'
import { Field, FormMessage } from '@/components/ui/field'
import { useFormAction } from '@/components/ui/use-form-action'
import { deleteAccountAction } from './actions'

export function DeleteAccountForm({ homeHref }: { homeHref: string }) {
  const t = useTranslations('account')
  const { state, formAction, onSubmit, pending, fieldErrors } = useFormAction(deleteAccountAction)
  useEffect(() => {
    if (state?.ok) void signOut({ callbackUrl: homeHref })
  }, [state, homeHref])
  return (
    <form className="form" action={formAction} onSubmit={onSubmit} noValidate aria-label={t('deleteTitle')}>
      <p>{t('deleteText')}</p>
      <Field id="delete-password" label={t('deletePassword')} errors={fieldErrors.password}>
        <input name="password" type="password" autoComplete="current-password" required />
      </Field>
      <label className="checkbox">
        <input type="checkbox" name="confirm" required />
        <span>{t('deleteConfirm')}</span>
      </label>
      {fieldErrors.confirm ? <p className="field-error">{fieldErrors.confirm.join(' ')}</p> : null}
      <FormMessage message={state?.message} tone={state?.ok ? 'ok' : 'block'} />
      <div>
        <button type="submit" className="button danger" disabled={pending}>{t('deleteButton')}</button>
      </div>
    </form>
  )
}
