// Runs before every page: picks the language (next-intl) and sends signed-out visitors of
// protected pages to sign-in. It is a convenience, never the only check: every page, action and
// route handler calls requireUser()/requireRole() itself.
import createMiddleware from 'next-intl/middleware'
import { NextRequest, NextResponse } from 'next/server'
import { routing } from '@/lib/i18n/routing'

const intl = createMiddleware(routing)

const PROTECTED = ['/account', '/admin', '/stay', '/bookings', '/my-trips', '/dispatch', '/trips/new', '/receipts']
const SESSION_COOKIES = ['next-auth.session-token', '__Secure-next-auth.session-token']

function stripLocale(pathname: string): { locale: string | null; path: string } {
  const match = /^\/(ru|en)(\/.*)?$/.exec(pathname)
  return match ? { locale: match[1] ?? null, path: match[2] ?? '/' } : { locale: null, path: pathname }
}

export default function proxy(request: NextRequest) {
  const { locale, path } = stripLocale(request.nextUrl.pathname)
  const needsUser = PROTECTED.some((p) => path === p || path.startsWith(p + '/'))
  if (needsUser && !SESSION_COOKIES.some((c) => request.cookies.has(c))) {
    const url = request.nextUrl.clone()
    url.pathname = `${locale && locale !== routing.defaultLocale ? `/${locale}` : ''}/sign-in`
    url.search = `?callbackUrl=${encodeURIComponent(path + request.nextUrl.search)}`
    return NextResponse.redirect(url)
  }
  // Russian unless the visitor chose English (the NEXT_LOCALE cookie): the browser's
  // Accept-Language is ignored on purpose, the product's language is Russian first.
  const headers = new Headers(request.headers)
  headers.delete('accept-language')
  return intl(new NextRequest(request, { headers }))
}

export const config = {
  // Everything but API routes, Next internals and files with an extension.
  matcher: ['/((?!api|_next|_vercel|.*\\..*).*)'],
}
