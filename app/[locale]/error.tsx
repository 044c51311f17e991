'use client'

import { useSyncExternalStore } from 'react'

// Unexpected errors end here; the raw message never reaches the page. Its words come from the
// layout (meta tags rendered on the server in the page's language), so that no page carries a
// client-side translator for them: this boundary's code loads with every page.
const WORDS = ['title', 'text', 'retry'] as const

function read(): string {
  return WORDS.map((w) => document.querySelector<HTMLMetaElement>(`meta[name="poputka-error-${w}"]`)?.content ?? '').join('\n')
}
const subscribe = () => () => undefined

export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const [title, text, retry] = useSyncExternalStore(subscribe, read, () => '\n\n').split('\n')
  return (
    <div className="card stack-sm" role="alert">
      <h1>{title}</h1>
      <p>{text}</p>
      <button type="button" className="button" onClick={reset}>{retry}</button>
    </div>
  )
}
