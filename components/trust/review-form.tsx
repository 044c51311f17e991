'use client'
// Rate the other side of a completed run: 1–5 (radio buttons, each a 44 px target) and a comment.
import { useTranslations } from 'next-intl'
import { Field, FormMessage } from '@/components/ui/field'
import { useFormAction } from '@/components/ui/use-form-action'
import type { ActionResult } from '@/lib/action'
import './trust.css'

type Action = (previous: ActionResult<unknown> | null, form: FormData) => Promise<ActionResult<unknown>>

export function ReviewForm({ action, bookingId, title }: { action: Action; bookingId: string; title: string }) {
  const t = useTranslations('trust')
  const { state, formAction, onSubmit, pending, fieldErrors } = useFormAction(action)
  if (state?.ok) return <FormMessage message={state.message} tone="ok" />
  return (
    <form className="form stack-sm" action={formAction} onSubmit={onSubmit} noValidate aria-label={title}>
      <input type="hidden" name="bookingId" value={bookingId} />
      <fieldset className="star-choice" aria-describedby={fieldErrors.rating ? `rating-${bookingId}-error` : undefined}>
        <legend>{title}</legend>
        <div className="options">
          {[1, 2, 3, 4, 5].map((n) => (
            <label key={n}>
              <input type="radio" name="rating" value={n} required />
              <span>{t('stars', { count: n })}</span>
            </label>
          ))}
        </div>
        <div aria-live="polite">
          {fieldErrors.rating ? <p id={`rating-${bookingId}-error`} className="field-error">{fieldErrors.rating.join(' ')}</p> : null}
        </div>
      </fieldset>
      <Field id={`review-comment-${bookingId}`} label={t('comment')} hint={t('commentHint')} errors={fieldErrors.comment}>
        <textarea name="comment" rows={3} maxLength={1000} />
      </Field>
      <FormMessage message={state && !state.ok && !fieldErrors.rating && !fieldErrors.comment ? state.message : undefined} tone="block" />
      <div>
        <button type="submit" className="button" disabled={pending}>{t('sendReview')}</button>
      </div>
    </form>
  )
}
