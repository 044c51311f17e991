import type { Metadata, Viewport } from 'next'
import { notFound } from 'next/navigation'
import { NextIntlClientProvider, hasLocale } from 'next-intl'
import { getTranslations, setRequestLocale } from 'next-intl/server'
import { SiteHeader } from '@/components/site-header'
import { routing, type Locale } from '@/lib/i18n/routing'
import '../globals.css'

export const viewport: Viewport = { width: 'device-width', initialScale: 1, themeColor: '#0b5cad' }

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const { locale } = await params
  const t = await getTranslations({ locale: hasLocale(routing.locales, locale) ? locale : 'ru', namespace: 'meta' })
  return { title: { default: t('title'), template: `%s · ${t('title')}` }, description: t('description') }
}

export default async function LocaleLayout({ children, params }: { children: React.ReactNode; params: Promise<{ locale: string }> }) {
  const { locale } = await params
  if (!hasLocale(routing.locales, locale)) notFound()
  setRequestLocale(locale)
  const t = await getTranslations('common')
  return (
    <html lang={locale}>
      <body>
        <NextIntlClientProvider>
          <a href="#main" className="skip-link">{t('skipToContent')}</a>
          <SiteHeader locale={locale as Locale} />
          <main id="main" className="container">{children}</main>
          <footer className="site-footer">
            <div className="container">{t('footer')}</div>
          </footer>
        </NextIntlClientProvider>
      </body>
    </html>
  )
}
