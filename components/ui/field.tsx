import { cloneElement, isValidElement, type ReactElement } from 'react'

type FieldProps = {
  id: string
  label: string
  hint?: string
  errors?: string[] | undefined
  children: ReactElement<Record<string, unknown>>
}

/** A labelled input with its hint and its errors beside it, announced politely to screen readers. */
export function Field({ id, label, hint, errors, children }: FieldProps) {
  const hintId = hint ? `${id}-hint` : undefined
  const errorId = `${id}-error`
  const hasError = Boolean(errors && errors.length)
  const describedBy = [hintId, hasError ? errorId : undefined].filter(Boolean).join(' ') || undefined
  const input = isValidElement(children)
    ? cloneElement(children, { id, 'aria-describedby': describedBy, 'aria-invalid': hasError ? true : undefined })
    : children
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {input}
      {hint ? <span id={hintId} className="hint">{hint}</span> : null}
      <div aria-live="polite">
        {hasError ? (
          <p id={errorId} className="field-error">
            {errors!.join(' ')}
          </p>
        ) : null}
      </div>
    </div>
  )
}

export function FormMessage({ message, tone }: { message?: string | undefined; tone: 'ok' | 'block' | 'warn' | 'info' }) {
  return (
    <div aria-live="polite" data-testid="form-message">
      {message ? <p className={`notice ${tone}`} role={tone === 'block' ? 'alert' : 'status'}>{message}</p> : null}
    </div>
  )
}
