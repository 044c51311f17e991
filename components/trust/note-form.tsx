'use client'
// A folded form with one text field and a button: a reply to a review, a dispute of a no-show.
import { Field, FormMessage } from '@/components/ui/field'
import { useFormAction } from '@/components/ui/use-form-action'
import type { ActionResult } from '@/lib/action'
import './trust.css'

type Action = (previous: ActionResult<unknown> | null, form: FormData) => Promise<ActionResult<unknown>>

export function NoteForm({
  action, fields, name, summary, label, hint, submit, required = false,
}: {
  action: Action
  fields: Record<string, string>
  name: string
  summary: string
  label: string
  hint?: string
  submit: string
  required?: boolean
}) {
  const { state, formAction, onSubmit, pending, fieldErrors } = useFormAction(action)
  const id = `${name}-${Object.values(fields).join('-')}`
  if (state?.ok) return <FormMessage message={state.message} tone="ok" />
  return (
    <details className="note-form">
      <summary>{summary}</summary>
      <form className="form stack-sm" action={formAction} onSubmit={onSubmit} noValidate>
        {Object.entries(fields).map(([k, v]) => <input key={k} type="hidden" name={k} value={v} />)}
        <Field id={id} label={label} hint={hint} errors={fieldErrors[name]}>
          <textarea name={name} rows={3} maxLength={1000} required={required} />
        </Field>
        <FormMessage message={state && !state.ok && !fieldErrors[name] ? state.message : undefined} tone="block" />
        <div>
          <button type="submit" className="button small" disabled={pending}>{submit}</button>
        </div>
      </form>
    </details>
  )
}
