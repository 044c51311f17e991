// Formatting shared by lib/ (CSV, error messages), server and client components. Money is whole
// tenge; every date and time is shown in Kazakhstan time (Asia/Almaty, UTC+5).
//
// Kazakh: Node 20's ICU (78) and Chromium both carry CLDR data for `kk-KZ` ("3 жел., бс, 15:30",
// "2026 ж. 3 желтоқсан", "13 500 ₸"), so kk is formatted by Intl like the other two.
import type { Locale } from '@/lib/i18n/routing'

const TZ = 'Asia/Almaty'

/** The BCP 47 tag Intl gets for each UI language. */
export const INTL_LOCALE: Record<Locale, string> = { ru: 'ru-RU', en: 'en-GB', kk: 'kk-KZ' }

const tenge: Record<Locale, Intl.NumberFormat> = {
  ru: new Intl.NumberFormat('ru-KZ', { style: 'currency', currency: 'KZT', maximumFractionDigits: 0 }),
  kk: new Intl.NumberFormat('kk-KZ', { style: 'currency', currency: 'KZT', maximumFractionDigits: 0 }),
  en: new Intl.NumberFormat('en', { maximumFractionDigits: 0 }),
}

export function formatTenge(locale: Locale, amountTenge: number): string {
  return locale === 'en' ? `${tenge.en.format(amountTenge)} ₸` : tenge[locale].format(amountTenge)
}

const cache = new Map<string, Intl.DateTimeFormat>()
function fmt(locale: Locale, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = locale + JSON.stringify(options)
  let f = cache.get(key)
  if (!f) {
    f = new Intl.DateTimeFormat(INTL_LOCALE[locale], options)
    cache.set(key, f)
  }
  return f
}

export function formatDateTime(locale: Locale, at: Date | string): string {
  return fmt(locale, { timeZone: TZ, weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' }).format(new Date(at))
}

export function formatTime(locale: Locale, at: Date | string): string {
  return fmt(locale, { timeZone: TZ, hour: '2-digit', minute: '2-digit' }).format(new Date(at))
}

/** A calendar date 'YYYY-MM-DD' (a Kazakhstan date, no time zone arithmetic involved). */
export function formatDay(locale: Locale, on: string, withWeekday = true): string {
  const [y, m, d] = on.split('-').map(Number) as [number, number, number]
  const noonUtc = new Date(Date.UTC(y, m - 1, d, 12))
  return fmt(locale, { timeZone: 'UTC', day: 'numeric', month: 'long', year: 'numeric', ...(withWeekday ? { weekday: 'short' } : {}) }).format(noonUtc)
}

/** "декабрь 2026" / "December 2026" / "2026 ж. желтоқсан" for a 'YYYY-MM' or 'YYYY-MM-DD'. */
export function formatMonth(locale: Locale, on: string): string {
  const [y, m] = on.split('-').map(Number) as [number, number]
  return fmt(locale, { timeZone: 'UTC', month: 'long', year: 'numeric' }).format(new Date(Date.UTC(y, m - 1, 15)))
}
