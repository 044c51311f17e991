'use client'
// Report a member, a run or a review to the admins: a reason from the list and a comment.
import { useTranslations } from 'next-intl'
import { Field, FormMessage } from '@/components/ui/field'
import { useFormAction } from '@/components/ui/use-form-action'
import type { ActionResult } from '@/lib/action'
import './trust.css'

type Action = (previous: ActionResult<unknown> | null, form: FormData) => Promise<ActionResult<unknown>>

export const REPORT_REASON_CODES = ['UNSAFE', 'HARASSMENT', 'FRAUD', 'FAKE_PROFILE', 'OFFENSIVE', 'NO_SHOW', 'OTHER'] as const

export function ReportForm({ action, fields, summary }: { action: Action; fields: Record<string, string>; summary: string }) {
  const t = useTranslations('trust')
  const { state, formAction, onSubmit, pending, fieldErrors } = useFormAction(action)
  const id = `report-${Object.values(fields).join('-')}`
  if (state?.ok) return <FormMessage message={state.message} tone="ok" />
  return (
    <details className="note-form">
      <summary>{summary}</summary>
      <form className="form stack-sm" action={formAction} onSubmit={onSubmit} noValidate aria-label={summary}>
        {Object.entries(fields).map(([k, v]) => <input key={k} type="hidden" name={k} value={v} />)}
        <Field id={`${id}-reason`} label={t('reportReason')} errors={fieldErrors.reason}>
          <select name="reason" required defaultValue="">
            <option value="" disabled>{t('chooseReason')}</option>
            {REPORT_REASON_CODES.map((r) => <option key={r} value={r}>{t(`reason.${r}`)}</option>)}
          </select>
        </Field>
        <Field id={`${id}-comment`} label={t('reportComment')} hint={t('reportCommentHint')} errors={fieldErrors.comment}>
          <textarea name="comment" rows={3} maxLength={1000} />
        </Field>
        <FormMessage message={state && !state.ok && !fieldErrors.reason && !fieldErrors.comment ? state.message : undefined} tone="block" />
        <div>
          <button type="submit" className="button small danger" disabled={pending}>{t('sendReport')}</button>
        </div>
      </form>
    </details>
  )
}
