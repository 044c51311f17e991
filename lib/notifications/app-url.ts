// Absolute links to our pages for messages that leave the app (email, Telegram): the public URL
// (NEXTAUTH_URL) when set, else http://localhost:PORT; English pages under /en.
import { env } from '@/lib/env'
import type { Locale } from '@/lib/i18n/routing'

export function appBaseUrl(): string {
  return (env.NEXTAUTH_URL ?? `http://localhost:${env.PORT}`).replace(/\/+$/, '')
}

export function appUrl(locale: Locale, path: string): string {
  const prefix = locale === 'ru' ? '' : `/${locale}`
  return `${appBaseUrl()}${prefix}${path === '/' && prefix ? '' : path}`
}

/** A map link for a pickup point (OpenStreetMap: no account, works in any browser). */
export function mapUrl(lat: number, lng: number): string {
  const la = lat.toFixed(5)
  const lo = lng.toFixed(5)
  return `https://www.openstreetmap.org/?mlat=${la}&mlon=${lo}#map=17/${la}/${lo}`
}
