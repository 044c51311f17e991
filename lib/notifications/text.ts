// Messages by key outside React (emails, Telegram, change lines), loosely typed: the keys are built
// from notice kinds and field names. messages/messages.test.ts checks that every catalogue has them.
import { translatorFor } from '@/lib/i18n/messages'
import type { Locale } from '@/lib/i18n/routing'

export type Text = (key: string, values?: Record<string, string | number | Date>) => string

// One translator per language for the process: it keeps the parsed messages, and the delivery
// worker renders thousands of notices.
const translators = new Map<Locale, ReturnType<typeof translatorFor>>()

export function textFor(locale: Locale, namespace: string): Text {
  let t = translators.get(locale)
  if (!t) {
    t = translatorFor(locale)
    translators.set(locale, t)
  }
  const translate = t
  return (key, values) => translate(`${namespace}.${key}` as never, values as never)
}
