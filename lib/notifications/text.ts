// Messages by key outside React (emails, Telegram, change lines), loosely typed: the keys are built
// from notice kinds and field names. messages/messages.test.ts checks that every catalogue has them.
import { translatorFor } from '@/lib/i18n/messages'
import type { Locale } from '@/lib/i18n/routing'

export type Text = (key: string, values?: Record<string, string | number | Date>) => string

export function textFor(locale: Locale, namespace: string): Text {
  const t = translatorFor(locale)
  return (key, values) => t(`${namespace}.${key}` as never, values as never)
}
