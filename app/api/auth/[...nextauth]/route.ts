// GET|POST /api/auth/* – next-auth (credentials sign-in, session, CSRF token, sign-out)
import NextAuth from 'next-auth'
import type { NextRequest } from 'next/server'
import { getAuthOptions } from '@/lib/auth/options'
import { AppError } from '@/lib/errors'
import { localeFromHeaders } from '@/lib/i18n/messages'
import { errorResponse } from '@/lib/route'

type Context = { params: Promise<{ nextauth: string[] }> }

/** What next-auth accepts as a callbackUrl: an http(s) URL or a path. */
function isUsableCallbackUrl(value: string, origin: string): boolean {
  try {
    return /^https?:$/.test(new URL(value, value.startsWith('/') ? origin : undefined).protocol)
  } catch {
    return false
  }
}

async function handler(request: NextRequest, context: Context): Promise<Response> {
  // next-auth answers a GET of the credentials callback with a 500 ("not supported"): it is a POST.
  const [action, provider] = (await context.params).nextauth ?? []
  if (request.method !== 'POST' && action === 'callback' && provider === 'credentials') {
    const response = errorResponse(new AppError('METHOD_NOT_ALLOWED', { status: 405 }), localeFromHeaders(request.headers))
    response.headers.set('Allow', 'POST')
    return response
  }
  // next-auth answers a callbackUrl it cannot parse with a 500 ("server configuration"); a caller's
  // bad value is dropped here instead, and next-auth falls back to the home page.
  const callbackUrl = request.nextUrl.searchParams.get('callbackUrl')
  if (callbackUrl !== null && !isUsableCallbackUrl(callbackUrl, request.nextUrl.origin)) request.nextUrl.searchParams.delete('callbackUrl')
  // next-auth copies `error` into the Location of its redirect to the sign-in page; a value a header
  // cannot hold (beyond Latin-1, or a line break) threw there — a 500. Its own codes are plain words.
  const error = request.nextUrl.searchParams.get('error')
  if (error !== null && !/^[A-Za-z]{1,64}$/.test(error)) request.nextUrl.searchParams.set('error', 'Default')
  return NextAuth(request, context, getAuthOptions()) as Promise<Response>
}

export { handler as GET, handler as POST }
