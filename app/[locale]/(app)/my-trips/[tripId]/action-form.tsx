'use client'
// One button (or a small form) bound to a server action, for pages with many of them (the
// manifest). The outcome goes to the page's live region — a form may vanish when the page
// re-renders (an approved request moves to the manifest) — and a refusal also stays beside the
// button that caused it.
import { createContext, useCallback, useContext, useState, type ReactNode } from 'react'
import { useFormAction } from '@/components/ui/use-form-action'
import type { ActionResult } from '@/lib/action'

type Announcement = { id: number; text: string; tone: 'ok' | 'block' }
type Announce = (result: ActionResult<unknown>) => void

const AnnounceContext = createContext<Announce>(() => undefined)

/** The page's single status line for action outcomes, kept in view at the bottom of the screen. */
export function ActionAnnouncer({ children, closeLabel }: { children: ReactNode; closeLabel: string }) {
  const [last, setLast] = useState<Announcement | null>(null)
  const announce = useCallback<Announce>((result) => {
    const text = result.ok ? (result.message ?? '') : (Object.values(result.fieldErrors).flat()[0] ?? result.message)
    if (text) setLast((old) => ({ id: (old?.id ?? 0) + 1, text, tone: result.ok ? 'ok' : 'block' }))
  }, [])
  return (
    <AnnounceContext.Provider value={announce}>
      {children}
      <div className="action-toast" aria-live="polite" role="status" data-testid="action-status">
        {last ? (
          <p key={last.id} className={`notice ${last.tone}`}>
            <span>{last.text}</span>
            <button type="button" className="link-button" onClick={() => setLast(null)}>{closeLabel}</button>
          </p>
        ) : null}
      </div>
    </AnnounceContext.Provider>
  )
}

type ActionFormProps = {
  action: (previous: ActionResult<unknown> | null, form: FormData) => Promise<ActionResult<unknown>>
  fields: Record<string, string>
  label: string
  className?: string
  pressed?: boolean
  /** Extra inputs (e.g. a reason) placed before the button. */
  children?: ReactNode
  formClassName?: string
}

export function ActionForm({ action, fields, label, className = 'button small', pressed, children, formClassName = 'inline-form' }: ActionFormProps) {
  const announce = useContext(AnnounceContext)
  const { state, formAction, onSubmit, pending } = useFormAction<unknown>(async (previous, form) => {
    const result = await action(previous, form)
    announce(result)
    return result
  })
  const error = state && !state.ok ? (Object.values(state.fieldErrors).flat()[0] ?? state.message) : null
  return (
    <form action={formAction} onSubmit={onSubmit} className={formClassName}>
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {children}
      <button type="submit" className={className} disabled={pending} aria-pressed={pressed}>
        {label}
      </button>
      {error ? <span className="field-error small" role="alert">{error}</span> : null}
    </form>
  )
}
