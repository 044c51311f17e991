import type { Metadata, Viewport } from 'next'
import { notFound } from 'next/navigation'
import { getTranslations, setRequestLocale } from 'next-intl/server'
import { ServiceWorkerRegistration } from '@/components/service-worker'
import { SiteHeader } from '@/components/site-header'
import { formatDateTime } from '@/lib/format'
import { isLocale, type Locale } from '@/lib/i18n/routing'
import '../globals.css'

export const viewport: Viewport = { width: 'device-width', initialScale: 1, themeColor: '#0b5cad' }

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const { locale } = await params
  const t = await getTranslations({ locale: isLocale(locale) ? locale : 'ru', namespace: 'meta' })
  return {
    title: { default: t('title'), template: `%s · ${t('title')}` },
    description: t('description'),
    appleWebApp: { capable: true, title: 'Попутка', statusBarStyle: 'default' },
    icons: { apple: '/icons/apple-touch-icon.png' },
  }
}

export default async function LocaleLayout({ children, params }: { children: React.ReactNode; params: Promise<{ locale: string }> }) {
  const { locale } = await params
  if (!isLocale(locale)) notFound()
  setRequestLocale(locale)
  const [t, to, te] = await Promise.all([getTranslations('common'), getTranslations('offline'), getTranslations('error')])
  return (
    <html lang={locale}>
      <head>
        <meta name="poputka-offline-refused" content={to('refused')} />
        {/* The error page's words (app/[locale]/error.tsx reads them: no translator on the client). */}
        <meta name="poputka-error-title" content={te('title')} />
        <meta name="poputka-error-text" content={te('text')} />
        <meta name="poputka-error-retry" content={te('retry')} />
      </head>
      <body>
        {/* No NextIntlClientProvider here: public pages whose client components need no translator
            (the home page) ship none of next-intl's client code or the catalogue; the (app) group
            and the public pages with forms have a layout that provides it (ADR 011). */}
        <a href="#main" className="skip-link">{t('skipToContent')}</a>
        <SiteHeader locale={locale as Locale} />
        <main id="main" className="container">
          {/* Hidden online; the service worker shows it on a copy it serves with no network. */}
          <p className="notice warn offline-note" role="status" data-offline-note hidden>
            {to('asOf', { time: formatDateTime(locale as Locale, new Date()) })}
          </p>
          {children}
        </main>
        <footer className="site-footer">
          <div className="container">{t('footer')}</div>
        </footer>
        <ServiceWorkerRegistration />
      </body>
    </html>
  )
}
