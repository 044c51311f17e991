'use client'
// One report's decision: what to do and a note (the member reads the note with a warning or a
// suspension; it is kept in the moderation log).
import { useTranslations } from 'next-intl'
import { Field, FormMessage } from '@/components/ui/field'
import { useFormAction } from '@/components/ui/use-form-action'
import { resolveReportAction } from './actions'

export function DecisionForm({ reportId, canHideReview }: { reportId: string; canHideReview: boolean }) {
  const t = useTranslations('moderation')
  const { state, formAction, onSubmit, pending, fieldErrors } = useFormAction(resolveReportAction)
  if (state?.ok) return <FormMessage message={state.message} tone="ok" />
  const decisions = ['DISMISS', ...(canHideReview ? ['HIDE_REVIEW'] : []), 'WARN', 'SUSPEND'] as const
  return (
    <form className="form stack-sm" action={formAction} onSubmit={onSubmit} noValidate aria-label={t('decide')}>
      <input type="hidden" name="reportId" value={reportId} />
      <Field id={`decision-${reportId}`} label={t('decision')} errors={fieldErrors.decision}>
        <select name="decision" defaultValue={canHideReview ? 'HIDE_REVIEW' : 'DISMISS'}>
          {decisions.map((d) => <option key={d} value={d}>{t(`decisionName.${d}`)}</option>)}
        </select>
      </Field>
      <Field id={`note-${reportId}`} label={t('note')} hint={t('noteHint')} errors={fieldErrors.note}>
        <textarea name="note" rows={2} maxLength={500} />
      </Field>
      <FormMessage message={state && !state.ok && !fieldErrors.decision && !fieldErrors.note ? state.message : undefined} tone="block" />
      <div>
        <button type="submit" className="button small" disabled={pending}>{t('apply')}</button>
      </div>
    </form>
  )
}
