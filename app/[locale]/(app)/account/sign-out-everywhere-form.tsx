'use client'

import { useTranslations } from 'next-intl'
import { useEffect } from 'react'
import { FormMessage } from '@/components/ui/field'
import { useFormAction } from '@/components/ui/use-form-action'
import { signOutEverywhereAction } from './session-actions'

/** Opens a confirmation first (works without JavaScript too: <details>); on success the browser
 * goes to sign-in, as every other device will on its next request. */
export function SignOutEverywhereForm({ signInHref }: { signInHref: string }) {
  const t = useTranslations('sessions')
  const { state, formAction, onSubmit, pending } = useFormAction(signOutEverywhereAction)
  useEffect(() => {
    if (state?.ok) window.location.assign(signInHref)
  }, [state, signInHref])
  return (
    <details className="stack-sm">
      <summary className="button secondary">{t('everywhereOpen')}</summary>
      <form className="form" action={formAction} onSubmit={onSubmit} aria-label={t('everywhereOpen')}>
        <p>{t('everywhereConfirmText')}</p>
        <input type="hidden" name="confirm" value="everywhere" />
        <FormMessage message={state?.message} tone={state?.ok ? 'ok' : 'block'} />
        <div>
          <button type="submit" className="button danger" disabled={pending}>{t('everywhereButton')}</button>
        </div>
      </form>
    </details>
  )
}
