// Messages for code that runs outside a React render (route handlers, actions, scripts).
import { createTranslator } from 'next-intl'
import en from '@/messages/en.json'
import kk from '@/messages/kk.json'
import ru from '@/messages/ru.json'
import { defaultLocale, isLocale, timeZone, type Locale } from './routing'

export type Messages = typeof ru
export const allMessages: Record<Locale, Messages> = { ru, en: en as Messages, kk: kk as Messages }

function createTranslatorFor(locale: Locale, namespace?: string) {
  return createTranslator({ locale, messages: allMessages[locale], timeZone, namespace: namespace as never })
}

const translators = new Map<string, ReturnType<typeof createTranslatorFor>>()

/** One translator per language and namespace for the process: making one costs ~0.25 ms and its
 * cache of parsed messages lives with it (every error answer, email and notice asks for one). */
export function translatorFor(locale: Locale, namespace?: string) {
  const key = `${locale}:${namespace ?? ''}`
  let translator = translators.get(key)
  if (!translator) {
    translator = createTranslatorFor(locale, namespace)
    translators.set(key, translator)
  }
  return translator
}

/** The request's language: the NEXT_LOCALE cookie, else Accept-Language, else Russian. */
export function localeFromHeaders(headers: Headers): Locale {
  const cookie = headers.get('cookie') ?? ''
  const match = /(?:^|;\s*)NEXT_LOCALE=([a-z]{2})/.exec(cookie)
  if (match && isLocale(match[1])) return match[1]
  const accept = headers.get('accept-language') ?? ''
  for (const part of accept.split(',')) {
    const tag = part.trim().slice(0, 2).toLowerCase()
    if (isLocale(tag)) return tag
  }
  return defaultLocale
}
