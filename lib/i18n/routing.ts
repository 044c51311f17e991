import { defineRouting } from 'next-intl/routing'

export const locales = ['ru', 'en', 'kk'] as const
export type Locale = (typeof locales)[number]
export const defaultLocale: Locale = 'ru'

/** Russian lives at `/…`, English at `/en/…`, Kazakh at `/kk/…` (see proxy.ts for how the choice is kept). */
export const routing = defineRouting({
  locales,
  defaultLocale,
  localePrefix: 'as-needed',
  // proxy.ts keeps the visitor's choice in NEXT_LOCALE itself.
  localeCookie: false,
})

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (locales as readonly string[]).includes(value)
}

/** Kazakhstan is on one time zone, UTC+5, since 2024-03-01; every date shown is in it. */
export const timeZone = 'Asia/Almaty'

/** Each language's own name, as the language switch shows it (in that language). */
export const localeNames: Record<Locale, string> = { ru: 'Русский', en: 'English', kk: 'Қазақша' }
