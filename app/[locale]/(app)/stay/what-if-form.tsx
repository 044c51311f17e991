'use client'

import { useTranslations } from 'next-intl'
import { RunVerdict } from '@/components/stay/run-verdict'
import { Field, FormMessage } from '@/components/ui/field'
import { useFormAction } from '@/components/ui/use-form-action'
import { whatIfAction } from './actions'

/** "If I leave on X and come back on Y": the check a booking would make, changing nothing. */
export function WhatIfForm({ travellerId, today }: { travellerId: string; today: string }) {
  const t = useTranslations('stay.whatIf')
  const { state, formAction, onSubmit, pending, fieldErrors } = useFormAction(whatIfAction)
  return (
    <div className="stack-sm">
      <form className="form" action={formAction} onSubmit={onSubmit} noValidate aria-label={t('title')}>
        <input type="hidden" name="travellerId" value={travellerId} />
        <div className="grid grid-2">
          <Field id="whatif-exit" label={t('exitOn')} errors={fieldErrors.exitOn}>
            <input name="exitOn" type="date" required min={today} />
          </Field>
          <Field id="whatif-return" label={t('returnOn')} hint={t('returnHint')} errors={fieldErrors.returnOn}>
            <input name="returnOn" type="date" min={today} />
          </Field>
        </div>
        <FormMessage message={state && !state.ok ? state.message : undefined} tone="block" />
        <div>
          <button type="submit" className="button" disabled={pending}>{t('check')}</button>
        </div>
      </form>
      <div aria-live="polite">{state?.ok ? <RunVerdict check={state.data} /> : null}</div>
    </div>
  )
}
