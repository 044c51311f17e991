// Formatting shared by lib/ (CSV, error messages), server and client components. Money is whole
// tenge; every date and time is shown in Kazakhstan time (Asia/Almaty, UTC+5).
//
// Kazakh: Node 20's ICU (78) carries CLDR data for `kk-KZ` ("3 жел., бс, 15:30", "2026 ж. 3
// желтоқсан", "13 500 ₸"). Some browsers ship a reduced ICU without Kazakh month names (Debian's
// Chromium prints "2026 M12 17"): there the same CLDR patterns are written out below, so a date
// reads — and hydrates — the same on the server and in the browser.
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

const KK_MONTHS = ['қаңтар', 'ақпан', 'наурыз', 'сәуір', 'мамыр', 'маусым', 'шілде', 'тамыз', 'қыркүйек', 'қазан', 'қараша', 'желтоқсан']
const KK_MONTHS_SHORT = ['қаң.', 'ақп.', 'нау.', 'сәу.', 'мам.', 'мау.', 'шіл.', 'там.', 'қыр.', 'қаз.', 'қар.', 'жел.']
const KK_WEEKDAYS_SHORT = ['жс', 'дс', 'сс', 'ср', 'бс', 'жм', 'сб'] // Sunday first, as getUTCDay()

/** True when this runtime's Intl knows Kazakh month names (CLDR), false on a reduced ICU. */
export const kkIntlComplete = (() => {
  try {
    return new Intl.DateTimeFormat('kk-KZ', { timeZone: 'UTC', month: 'long' }).format(new Date(Date.UTC(2026, 11, 15))).toLowerCase() === 'желтоқсан'
  } catch {
    return false
  }
})()

/** The Kazakhstan wall clock of an instant, as UTC fields (the whole country is UTC+5). */
function kzFields(at: Date | string) {
  const d = new Date(new Date(at).getTime() + 5 * 3_600_000)
  return { y: d.getUTCFullYear(), m: d.getUTCMonth(), d: d.getUTCDate(), wd: d.getUTCDay(), hh: String(d.getUTCHours()).padStart(2, '0'), mm: String(d.getUTCMinutes()).padStart(2, '0') }
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
  if (locale === 'kk' && !kkIntlComplete) {
    const f = kzFields(at)
    return `${f.d} ${KK_MONTHS_SHORT[f.m]}, ${KK_WEEKDAYS_SHORT[f.wd]}, ${f.hh}:${f.mm}`
  }
  return fmt(locale, { timeZone: TZ, weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' }).format(new Date(at))
}

export function formatTime(locale: Locale, at: Date | string): string {
  return fmt(locale, { timeZone: TZ, hour: '2-digit', minute: '2-digit' }).format(new Date(at))
}

/** A calendar date 'YYYY-MM-DD' (a Kazakhstan date, no time zone arithmetic involved). */
export function formatDay(locale: Locale, on: string, withWeekday = true): string {
  const [y, m, d] = on.split('-').map(Number) as [number, number, number]
  const noonUtc = new Date(Date.UTC(y, m - 1, d, 12))
  if (locale === 'kk' && !kkIntlComplete) return `${y} ж. ${d} ${KK_MONTHS[m - 1]}${withWeekday ? `, ${KK_WEEKDAYS_SHORT[noonUtc.getUTCDay()]}` : ''}`
  return fmt(locale, { timeZone: 'UTC', day: 'numeric', month: 'long', year: 'numeric', ...(withWeekday ? { weekday: 'short' } : {}) }).format(noonUtc)
}

/** "декабрь 2026" / "December 2026" / "2026 ж. желтоқсан" for a 'YYYY-MM' or 'YYYY-MM-DD'. */
export function formatMonth(locale: Locale, on: string): string {
  const [y, m] = on.split('-').map(Number) as [number, number]
  if (locale === 'kk' && !kkIntlComplete) return `${y} ж. ${KK_MONTHS[m - 1]}`
  return fmt(locale, { timeZone: 'UTC', month: 'long', year: 'numeric' }).format(new Date(Date.UTC(y, m - 1, 15)))
}
