'use client'
import { FormMessage } from '@/components/ui/field'
import { useFormAction } from '@/components/ui/use-form-action'
import { markNotificationsReadAction } from './actions'

export function MarkAllForm({ label }: { label: string }) {
  const { state, formAction, onSubmit, pending } = useFormAction(markNotificationsReadAction)
  return (
    <form action={formAction} onSubmit={onSubmit}>
      <button type="submit" className="button small secondary" disabled={pending}>{label}</button>
      <FormMessage message={state?.ok ? undefined : state?.message} tone="block" />
    </form>
  )
}
