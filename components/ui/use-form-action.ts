'use client'

import { startTransition, useActionState, type FormEvent } from 'react'
import type { ActionResult } from '@/lib/action'

/**
 * A server action bound to a form that keeps what the user typed when the server refuses it
 * (React resets a form after an action submitted natively). Without JavaScript the form still
 * posts to the action.
 */
export function useFormAction<T>(action: (previous: ActionResult<T> | null, form: FormData) => Promise<ActionResult<T>>) {
  const [state, formAction, pending] = useActionState<ActionResult<T> | null, FormData>(action, null)
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    const data = new FormData(event.currentTarget)
    startTransition(() => formAction(data))
  }
  const fieldErrors: Record<string, string[]> = state && !state.ok ? state.fieldErrors : {}
  return { state, formAction, onSubmit, pending, fieldErrors }
}
