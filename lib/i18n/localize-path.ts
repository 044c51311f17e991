// A path of ours in a language, as next-intl's getPathname gives it for our routing (no localised
// path names; the default language without a prefix: "/trips", "/en/trips", "/kk/trips"), without
// importing next-intl's navigation: that module registers its client Link with every page whose
// server code imports it, and the Link brings next-intl's client-side translator along (ADR 011).
import { defaultLocale, type Locale } from './routing'

export function localizePath(href: string, locale: Locale): string {
  if (!href.startsWith('/')) throw new Error(`localizePath: "${href}" is not a path of ours`)
  if (locale === defaultLocale) return href
  const [path, rest] = splitPath(href)
  return `/${locale}${path === '/' ? '' : path}${rest}`
}

function splitPath(href: string): [string, string] {
  const at = href.search(/[?#]/)
  return at === -1 ? [href, ''] : [href.slice(0, at), href.slice(at)]
}
