'use client'
// The page's path without its locale prefix ("/trips", never "/en/trips"), like next-intl's
// usePathname but without next-intl: the header's client components use it on every page, and
// next-intl's client hooks bring its whole client-side translator (use-intl and
// intl-messageformat) along — about a fifth of a public page's JavaScript (ADR 011).
import { usePathname as useNextPathname } from 'next/navigation'
import { locales } from './routing'

export function usePathname(): string {
  return stripLocale(useNextPathname() ?? '/')
}

export function stripLocale(pathname: string): string {
  const first = pathname.split('/')[1]
  if (!first || !(locales as readonly string[]).includes(first)) return pathname
  return pathname.slice(first.length + 1) || '/'
}
