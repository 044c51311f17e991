'use client'

import { useTranslations } from 'next-intl'
import { useEffect } from 'react'
import { Field, FormMessage } from '@/components/ui/field'
import { useFormAction } from '@/components/ui/use-form-action'
import { useRouter } from '@/lib/i18n/navigation'
import { ensureSelfTravellerAction } from './actions'
import { CitizenshipSelect } from './citizenship-select'

/** First visit: the rider says which citizenship they hold; the rule depends on it. */
export function SelfTravellerForm() {
  const t = useTranslations('travellers')
  const router = useRouter()
  const { state, formAction, onSubmit, pending, fieldErrors } = useFormAction(ensureSelfTravellerAction)
  useEffect(() => {
    if (state?.ok) router.refresh()
  }, [state, router])
  return (
    <form className="form" action={formAction} onSubmit={onSubmit} noValidate aria-label={t('selfFormLabel')}>
      <Field id="self-citizenship" label={t('yourCitizenship')} errors={fieldErrors.citizenship}>
        <CitizenshipSelect />
      </Field>
      <FormMessage message={state && !state.ok ? state.message : undefined} tone="block" />
      <div>
        <button type="submit" className="button" disabled={pending}>{t('saveSelf')}</button>
      </div>
    </form>
  )
}
