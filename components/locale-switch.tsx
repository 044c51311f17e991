'use client'

import { usePathname } from '@/lib/i18n/navigation'
import type { Locale } from '@/lib/i18n/routing'

/** The same page in the other language. A plain link on purpose: the request goes through
 * proxy.ts, which remembers the choice in the NEXT_LOCALE cookie. */
export function LocaleSwitch({ current, label, ariaLabel }: { current: Locale; label: string; ariaLabel: string }) {
  const pathname = usePathname()
  const other: Locale = current === 'ru' ? 'en' : 'ru'
  const href = `/${other}${pathname === '/' ? '' : pathname}`
  return (
    <a href={href} hrefLang={other} lang={other} aria-label={ariaLabel} className="button secondary small">
      {label}
    </a>
  )
}
