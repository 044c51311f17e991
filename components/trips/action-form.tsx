'use client'
// One button bound to a server action, with the record it acts on in hidden fields and the outcome
// announced beside it. With `confirm`, the button first opens a confirmation step (a <details>, so it
// works without JavaScript too).
import { FormMessage } from '@/components/ui/field'
import { useFormAction } from '@/components/ui/use-form-action'
import type { ActionResult } from '@/lib/action'
import './trips.css'

type Action = (previous: ActionResult<unknown> | null, form: FormData) => Promise<ActionResult<unknown>>

export type ActionFormProps = {
  action: Action
  fields: Record<string, string>
  label: string
  /** Button style: primary (default), secondary or danger. */
  variant?: 'primary' | 'secondary' | 'danger'
  confirm?: { summary: string; text?: string }
}

export function ActionForm({ action, fields, label, variant = 'primary', confirm }: ActionFormProps) {
  const { state, formAction, onSubmit, pending } = useFormAction(action)
  const className = `button small${variant === 'primary' ? '' : ` ${variant}`}`
  const form = (
    <form action={formAction} onSubmit={onSubmit} className="action-form" noValidate>
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <button type="submit" className={className} disabled={pending} aria-disabled={pending}>
        {label}
      </button>
    </form>
  )
  const message = <FormMessage message={state?.message} tone={state?.ok ? 'ok' : 'block'} />
  if (!confirm) {
    return (
      <div className="action-block">
        {form}
        {message}
      </div>
    )
  }
  return (
    <div className="action-block">
      <details className="confirm-step">
        <summary className="button small secondary">{confirm.summary}</summary>
        <div className="confirm-body stack-sm">
          {confirm.text ? <p className="small">{confirm.text}</p> : null}
          {form}
        </div>
      </details>
      {message}
    </div>
  )
}
