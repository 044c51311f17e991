'use client'

import Link from 'next/link'
import { usePathname } from '@/lib/i18n/use-pathname'

/** href: the page's path without a locale (matched against the current page); localizedHref: the
 * same in the page's language (the server localises it: no next-intl client code in the header). */
export type NavItem = { href: string; label: string; localizedHref: string }

export function SiteNav({ items, label }: { items: NavItem[]; label: string }) {
  const pathname = usePathname()
  return (
    <nav className="nav" aria-label={label}>
      {items.map((item) => {
        const current = item.href === '/' ? pathname === '/' : pathname === item.href || pathname.startsWith(item.href + '/')
        return (
          <Link key={item.href} href={item.localizedHref} aria-current={current ? 'page' : undefined}>
            {item.label}
          </Link>
        )
      })}
    </nav>
  )
}
