'use client'

import { useTranslations } from 'next-intl'
import { useEffect } from 'react'
import { FormMessage } from '@/components/ui/field'
import { useFormAction } from '@/components/ui/use-form-action'
import { useRouter } from '@/lib/i18n/navigation'
import { markRegisteredAction } from './actions'

/** The online-registration reminder (MVD Order No. 923, from 2026-07-01) with its "I registered" tick. */
export function RegistrationNotice({ stayId, title, text }: { stayId: string; title: string; text: string }) {
  const t = useTranslations('stay.registration')
  const router = useRouter()
  const { state, formAction, onSubmit, pending } = useFormAction(markRegisteredAction)
  useEffect(() => {
    if (state?.ok) router.refresh()
  }, [state, router])
  return (
    <section className="notice warn stack-sm" aria-labelledby="registration-title" data-testid="registration-reminder">
      <h2 id="registration-title" className="verdict-title">{title}</h2>
      <p>{text}</p>
      <form action={formAction} onSubmit={onSubmit}>
        <input type="hidden" name="stayId" value={stayId} />
        <button type="submit" className="button secondary small" disabled={pending}>{t('tick')}</button>
      </form>
      <FormMessage message={state && !state.ok ? state.message : undefined} tone="block" />
    </section>
  )
}
