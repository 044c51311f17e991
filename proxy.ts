// Runs before every page: refuses server actions from another origin or with a broken body
// (lib/server-action-guard.ts), picks the language and sends signed-out visitors of protected pages to
// sign-in. It is a convenience, never the only check: every page, action and route handler calls
// requireUser()/requireRole() itself.
//
// Language: Russian at `/…`, English at `/en/…`, Kazakh at `/kk/…`. The visitor's choice is kept in
// the NEXT_LOCALE cookie: `/en/…` and `/kk/…` set it, `/ru/…` sets it to Russian and redirects to
// `/…`, and an unprefixed path with the cookie on English or Kazakh redirects to `/en/…`/`/kk/…`. The browser's Accept-Language
// is ignored on purpose: the product speaks Russian first.
import createMiddleware from 'next-intl/middleware'
import { NextResponse, type NextRequest } from 'next/server'
import { env } from '@/lib/env'
import { routing, type Locale } from '@/lib/i18n/routing'
import { buildContentSecurityPolicy } from '@/lib/security-headers'
import { guardPagePost } from '@/lib/server-action-guard'

const intl = createMiddleware({ ...routing, localeDetection: false })

const PROTECTED = ['/account', '/admin', '/stay', '/bookings', '/notifications', '/my-trips', '/dispatch', '/trips/new', '/receipts']
const SESSION_COOKIES = ['next-auth.session-token', '__Secure-next-auth.session-token']
const COOKIE = { name: 'NEXT_LOCALE', maxAge: 60 * 60 * 24 * 365, sameSite: 'lax' as const, path: '/' }

function splitLocale(pathname: string): { prefix: Locale | null; path: string } {
  const match = /^\/(ru|en|kk)(\/.*)?$/.exec(pathname)
  return match ? { prefix: match[1] as Locale, path: match[2] ?? '/' } : { prefix: null, path: pathname }
}

/** A page the visitor opens (not a router prefetch or RSC fetch, which may arrive late). */
function isPageNavigation(request: NextRequest): boolean {
  const mode = request.headers.get('sec-fetch-mode')
  if (mode) return mode === 'navigate'
  return !request.headers.has('rsc') && !request.nextUrl.searchParams.has('_rsc')
}

export default async function proxy(request: NextRequest) {
  // Server actions from another origin or with a body React cannot decode: 403 / 400 here, not a
  // 500 thrown inside Next.js.
  const refused = await guardPagePost(request, env.TRUST_PROXY)
  if (refused) return refused

  const { prefix, path } = splitLocale(request.nextUrl.pathname)
  const chosen = request.cookies.get(COOKIE.name)?.value

  const prefixed = chosen === 'en' || chosen === 'kk' ? chosen : null
  if (prefix === 'ru' || (prefix === null && prefixed)) {
    const url = request.nextUrl.clone()
    url.pathname = prefix === 'ru' ? path : `/${prefixed}${path === '/' ? '' : path}`
    const response = NextResponse.redirect(url)
    if (prefix === 'ru') response.cookies.set({ ...COOKIE, value: 'ru' })
    return response
  }
  const locale = prefix ?? 'ru'

  const needsUser = PROTECTED.some((p) => path === p || path.startsWith(p + '/'))
  if (needsUser && !SESSION_COOKIES.some((c) => request.cookies.has(c))) {
    const url = request.nextUrl.clone()
    url.pathname = `${locale === routing.defaultLocale ? '' : `/${locale}`}/sign-in`
    url.search = `?callbackUrl=${encodeURIComponent(path + request.nextUrl.search)}`
    return NextResponse.redirect(url)
  }

  // A fresh nonce per page: Next.js finds it in the request's CSP and puts it on its scripts.
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString('base64')
  const csp = buildContentSecurityPolicy({ nonce, dev: process.env.NODE_ENV === 'development', tileUrl: process.env.MAP_TILE_URL })
  request.headers.set('content-security-policy', csp)
  request.headers.set('x-nonce', nonce)
  const response = intl(request)
  response.headers.set('Content-Security-Policy', csp)
  // Only a page the visitor opens records the choice: a prefetch of an English link still in
  // flight after switching to Russian must not switch the cookie back.
  if ((prefix === 'en' || prefix === 'kk') && chosen !== prefix && isPageNavigation(request)) response.cookies.set({ ...COOKIE, value: prefix })
  return response
}

export const config = {
  // Everything but API routes, Next internals and files with an extension.
  matcher: ['/((?!api|_next|_vercel|.*\\..*).*)'],
}
