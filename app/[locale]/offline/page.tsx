// What the service worker shows offline for a page it has no copy of (public/sw.js caches this page
// signed out, in each language, when it installs).
import type { Metadata } from 'next'
import { getTranslations, setRequestLocale } from 'next-intl/server'
import { Link } from '@/lib/i18n/server-link'
import type { Locale } from '@/lib/i18n/routing'

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('offline')
  return { title: t('title') }
}

export default async function OfflinePage({ params }: { params: Promise<{ locale: Locale }> }) {
  const { locale } = await params
  setRequestLocale(locale)
  const t = await getTranslations('offline')
  return (
    <div className="card stack-sm" style={{ maxWidth: 560 }}>
      <h1>{t('title')}</h1>
      <p>{t('text')}</p>
      <ul>
        <li><Link href="/bookings">{t('bookings')}</Link></li>
        <li><Link href="/stay">{t('stay')}</Link></li>
      </ul>
    </div>
  )
}
