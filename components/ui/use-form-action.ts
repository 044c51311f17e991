'use client'

import { startTransition, useActionState, type FormEvent } from 'react'
import type { ActionResult } from '@/lib/action'

/** The layout renders the sentence in the page's language (no client-side translator needed). */
function offlineMessage(): string {
  return document.querySelector<HTMLMetaElement>('meta[name="poputka-offline-refused"]')?.content ?? 'Offline'
}

/**
 * With no network a change is never sent and never silently lost: the form says so plainly and
 * keeps what was typed (and its idempotency key), so pressing again once online sends it once.
 * A request that fails on the way (signal lost mid-send) gets the same answer; if it did reach
 * the server, the retry with the same key returns that booking instead of a second one.
 */
function refusedOffline<T>(action: (previous: ActionResult<T> | null, form: FormData) => Promise<ActionResult<T>>) {
  const offline = (): ActionResult<T> => ({ ok: false, code: 'OFFLINE', message: offlineMessage(), fieldErrors: {} })
  return async (previous: ActionResult<T> | null, form: FormData): Promise<ActionResult<T>> => {
    if (typeof navigator !== 'undefined' && navigator.onLine === false) return offline()
    try {
      return await action(previous, form)
    } catch (error) {
      if (error instanceof TypeError || (typeof navigator !== 'undefined' && navigator.onLine === false)) return offline()
      throw error
    }
  }
}

/**
 * A server action bound to a form that keeps what the user typed when the server refuses it
 * (React resets a form after an action submitted natively). Without JavaScript the form still
 * posts to the action.
 */
export function useFormAction<T>(action: (previous: ActionResult<T> | null, form: FormData) => Promise<ActionResult<T>>) {
  const [state, formAction, pending] = useActionState<ActionResult<T> | null, FormData>(refusedOffline(action), null)
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    const data = new FormData(event.currentTarget)
    startTransition(() => formAction(data))
  }
  const fieldErrors: Record<string, string[]> = state && !state.ok ? state.fieldErrors : {}
  return { state, formAction, onSubmit, pending, fieldErrors }
}
