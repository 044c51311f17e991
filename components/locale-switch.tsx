'use client'

import { Link, usePathname } from '@/lib/i18n/navigation'
import type { Locale } from '@/lib/i18n/routing'

/** Links to the same page in the other language; next-intl stores the choice in NEXT_LOCALE. */
export function LocaleSwitch({ current, label, ariaLabel }: { current: Locale; label: string; ariaLabel: string }) {
  const pathname = usePathname()
  const other: Locale = current === 'ru' ? 'en' : 'ru'
  return (
    <Link href={pathname} locale={other} hrefLang={other} lang={other} aria-label={ariaLabel} className="button secondary small">
      {label}
    </Link>
  )
}
