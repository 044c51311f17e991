// Formatting shared by server and client components. Money is whole tenge; every date and time is
// shown in Kazakhstan time (Asia/Almaty, UTC+5).
import type { Locale } from '@/lib/i18n/routing'

const TZ = 'Asia/Almaty'

const tengeRu = new Intl.NumberFormat('ru-KZ', { style: 'currency', currency: 'KZT', maximumFractionDigits: 0 })
const numberEn = new Intl.NumberFormat('en', { maximumFractionDigits: 0 })

export function formatTenge(locale: Locale, amountTenge: number): string {
  return locale === 'ru' ? tengeRu.format(amountTenge) : `${numberEn.format(amountTenge)} ₸`
}

const cache = new Map<string, Intl.DateTimeFormat>()
function fmt(locale: Locale, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = locale + JSON.stringify(options)
  let f = cache.get(key)
  if (!f) {
    f = new Intl.DateTimeFormat(locale === 'ru' ? 'ru-RU' : 'en-GB', { timeZone: TZ, ...options })
    cache.set(key, f)
  }
  return f
}

export function formatDateTime(locale: Locale, at: Date | string): string {
  return fmt(locale, { weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' }).format(new Date(at))
}

export function formatTime(locale: Locale, at: Date | string): string {
  return fmt(locale, { hour: '2-digit', minute: '2-digit' }).format(new Date(at))
}

/** A calendar date 'YYYY-MM-DD' (a Kazakhstan date, no time zone arithmetic involved). */
export function formatDay(locale: Locale, on: string, withWeekday = true): string {
  const [y, m, d] = on.split('-').map(Number) as [number, number, number]
  const noonUtc = new Date(Date.UTC(y, m - 1, d, 12))
  return new Intl.DateTimeFormat(locale === 'ru' ? 'ru-RU' : 'en-GB', {
    timeZone: 'UTC',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    ...(withWeekday ? { weekday: 'short' } : {}),
  }).format(noonUtc)
}
