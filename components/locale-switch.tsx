'use client'

import { usePathname } from '@/lib/i18n/use-pathname'
import { localeNames, locales, type Locale } from '@/lib/i18n/routing'

/** Each link is named in its own language, so a reader finds theirs whatever the page shows. */
const SWITCH_LABEL: Record<Locale, string> = {
  ru: 'Переключить на русский',
  en: 'Switch to English',
  kk: 'Қазақша — тілді ауыстыру',
}

/** The same page in each other language. Plain links on purpose: the request goes through
 * proxy.ts, which remembers the choice in the NEXT_LOCALE cookie. */
export function LocaleSwitch({ current, label }: { current: Locale; label: string }) {
  const pathname = usePathname()
  const suffix = pathname === '/' ? '' : pathname
  return (
    <ul className="locale-switch" aria-label={label}>
      {locales
        .filter((l) => l !== current)
        .map((l) => (
          <li key={l}>
            <a href={`/${l}${suffix}`} hrefLang={l} lang={l} aria-label={SWITCH_LABEL[l]}>
              {localeNames[l]}
            </a>
          </li>
        ))}
    </ul>
  )
}
