'use client'

import { useEffect } from 'react'
import { useFormAction } from '@/components/ui/use-form-action'
import type { ActionResult } from '@/lib/action'
import { useRouter } from '@/lib/i18n/navigation'

/** A delete button for one row of a list (a stay, a document): its ids go as hidden fields, the
 * row's own words are read to screen readers, a refusal shows beside the button. */
export function DeleteRowButton<T>({
  action,
  fields,
  label,
  row,
}: {
  action: (previous: ActionResult<T> | null, form: FormData) => Promise<ActionResult<T>>
  fields: Record<string, string>
  label: string
  row: string
}) {
  const router = useRouter()
  const { state, formAction, onSubmit, pending } = useFormAction(action)
  useEffect(() => {
    if (state?.ok) router.refresh()
  }, [state, router])
  return (
    <form action={formAction} onSubmit={onSubmit}>
      {Object.entries(fields).map(([name, value]) => <input key={name} type="hidden" name={name} value={value} />)}
      <button type="submit" className="button secondary small" disabled={pending}>
        {label}<span className="sr-only"> {row}</span>
      </button>
      {state && !state.ok ? <span className="field-error" role="alert">{state.message}</span> : null}
    </form>
  )
}
