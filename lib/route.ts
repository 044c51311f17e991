// The one wrapper every JSON route handler goes through: it maps AppErrors and zod errors to a
// status and one shape, `{ "error": { "code", "message", "fields" } }`, in the caller's language.
// Anything unexpected becomes a 500 with no internals in the body, logged with the request id.
import { NextResponse, type NextRequest } from 'next/server'
import { z } from 'zod'
import { formatDay } from '@/lib/format'
import { MAX_JSON_BYTES } from '@/lib/body-limits'
import { AppError, isAppError, isDatabaseUnavailable, type FieldMessage } from '@/lib/errors'
import { env } from '@/lib/env'
import { log } from '@/lib/log'
import { localeFromHeaders, translatorFor } from '@/lib/i18n/messages'
import { isSameOrigin } from '@/lib/request-origin'
import type { Locale } from '@/lib/i18n/routing'
import { fieldMessagesFromZod } from '@/lib/validation'

export type ErrorBody = {
  error: { code: string; message: string; fields?: Record<string, string[]>; details?: unknown }
}

type RouteContext<P> = { params: Promise<P> }

export type RouteHandler<P> = (request: NextRequest, context: { params: P; locale: Locale }) => Promise<Response>

/** Message parameters as a reader expects them: ISO dates become "31 июля 2026 г." / "31 July 2026". */
export function localizeParams(locale: Locale, params: Record<string, string | number> | undefined): Record<string, string | number> | undefined {
  if (!params) return params
  const out: Record<string, string | number> = {}
  for (const [k, v] of Object.entries(params)) out[k] = typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) ? formatDay(locale, v, false) : v
  return out
}

export function translateFieldMessages(locale: Locale, fields: Record<string, FieldMessage[]>): Record<string, string[]> {
  const t = translatorFor(locale)
  // Object.fromEntries defines own keys: a field named "__proto__" stays a field.
  return Object.fromEntries(Object.entries(fields).map(([field, messages]) => [field, messages.map((m) => t(m.key as never, localizeParams(locale, m.params) as never))]))
}

export function errorResponse(error: unknown, locale: Locale, requestId?: string): Response {
  const t = translatorFor(locale)
  if (error instanceof z.ZodError) {
    const body: ErrorBody = {
      error: { code: 'VALIDATION', message: t('errors.VALIDATION'), fields: translateFieldMessages(locale, fieldMessagesFromZod(error)) },
    }
    return NextResponse.json(body, { status: 400 })
  }
  if (isAppError(error)) {
    const key = `errors.${error.code}`
    const message = t.has(key as never) ? t(key as never, localizeParams(locale, error.options.params) as never) : t('errors.BAD_REQUEST')
    const body: ErrorBody = { error: { code: error.code, message } }
    if (error.options.fields) body.error.fields = translateFieldMessages(locale, error.options.fields)
    if (error.options.details !== undefined) body.error.details = error.options.details
    const headers: Record<string, string> = {}
    if (error.options.retryAfterSeconds) headers['Retry-After'] = String(error.options.retryAfterSeconds)
    return NextResponse.json(body, { status: error.status, headers })
  }
  if (isDatabaseUnavailable(error)) {
    log.warn('database unavailable', { requestId, error: String((error as Error)?.message ?? error) })
    return NextResponse.json(
      { error: { code: 'SERVICE_UNAVAILABLE', message: t('errors.SERVICE_UNAVAILABLE') } } satisfies ErrorBody,
      { status: 503, headers: { 'Retry-After': '5' } },
    )
  }
  log.error('unhandled error in route', { requestId, error })
  return NextResponse.json({ error: { code: 'INTERNAL', message: t('errors.INTERNAL') } } satisfies ErrorBody, { status: 500 })
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])

/** A mutation whose Origin is another site is refused (JSON bodies also need a CORS preflight,
 * which we never grant, so a plain cross-site form cannot reach a JSON endpoint either). Behind a
 * trusted proxy, "our site" is what X-Forwarded-Host/-Proto say (lib/request-origin.ts). */
export function assertSameOrigin(request: Request, trustProxy: boolean = env.TRUST_PROXY): void {
  if (SAFE_METHODS.has(request.method)) return
  const origin = request.headers.get('origin')
  if (!origin) return
  if (!isSameOrigin(origin, request.headers, trustProxy)) throw new AppError('CROSS_ORIGIN', { status: 403 })
}

export function route<P = Record<string, never>>(handler: RouteHandler<P>) {
  return async (request: NextRequest, context: RouteContext<P>): Promise<Response> => {
    const locale = localeFromHeaders(request.headers)
    try {
      assertSameOrigin(request)
      const params = context && 'params' in context ? await context.params : ({} as P)
      return await handler(request, { params, locale })
    } catch (error) {
      return errorResponse(error, locale, request.headers.get('x-request-id') ?? undefined)
    }
  }
}

/** The body as text, refused with 413 past `limit` bytes: on Content-Length before anything is read,
 * and while it streams in otherwise (never more than `limit` bytes held). Our HTTP server refuses
 * the same bodies before Next.js sees them (scripts/lib/request-guard.ts); this holds when the app
 * runs behind something else. */
export async function readBodyText(request: Request, limit: number = MAX_JSON_BYTES): Promise<string> {
  const declared = request.headers.get('content-length')
  if (declared !== null && Number(declared) > limit) throw new AppError('PAYLOAD_TOO_LARGE')
  if (!request.body) return ''
  const reader = request.body.getReader()
  const chunks: Uint8Array[] = []
  let size = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    size += value.byteLength
    if (size > limit) {
      await reader.cancel().catch(() => undefined)
      throw new AppError('PAYLOAD_TOO_LARGE')
    }
    chunks.push(value)
  }
  return Buffer.concat(chunks).toString('utf8')
}

/** Reads and validates a JSON body: wrong content type, oversize or malformed JSON are 4xx. */
export async function readJson<T extends z.ZodType>(request: Request, schema: T): Promise<z.infer<T>> {
  const type = request.headers.get('content-type') ?? ''
  if (!/^application\/json\b/i.test(type)) throw new AppError('UNSUPPORTED_MEDIA_TYPE')
  const text = await readBodyText(request, MAX_JSON_BYTES)
  let data: unknown
  try {
    data = JSON.parse(text)
  } catch {
    throw new AppError('BAD_REQUEST', { params: {} })
  }
  return schema.parse(data)
}

/** Validates query parameters (all strings) against a schema. */
export function readQuery<T extends z.ZodType>(request: NextRequest, schema: T): z.infer<T> {
  return schema.parse(Object.fromEntries(request.nextUrl.searchParams.entries()))
}
