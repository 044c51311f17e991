'use client'

import { useTranslations } from 'next-intl'

// Unexpected errors end here; the raw message never reaches the page.
export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations('error')
  return (
    <div className="card stack-sm" role="alert">
      <h1>{t('title')}</h1>
      <p>{t('text')}</p>
      <button type="button" className="button" onClick={reset}>{t('retry')}</button>
    </div>
  )
}
