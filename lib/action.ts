// Server actions return expected errors as values, shown beside the fields; anything unexpected
// is logged and reaches the user as a generic message (never a raw error).
import { getLocale } from 'next-intl/server'
import { unstable_rethrow } from 'next/navigation'
import { z } from 'zod'
import { AppError, isAppError, isDatabaseUnavailable } from '@/lib/errors'
import { translatorFor } from '@/lib/i18n/messages'
import { isLocale, type Locale } from '@/lib/i18n/routing'
import { log } from '@/lib/log'
import { localizeParams, translateFieldMessages } from '@/lib/route'
import { fieldMessagesFromZod } from '@/lib/validation'

export type ActionResult<T = undefined> =
  | { ok: true; data: T; message?: string }
  | { ok: false; code: string; message: string; fieldErrors: Record<string, string[]>; details?: unknown }

export async function actionLocale(): Promise<Locale> {
  const locale = await getLocale().catch(() => 'ru')
  return isLocale(locale) ? locale : 'ru'
}

export async function runAction<T>(body: (locale: Locale) => Promise<T>, successKey?: string): Promise<ActionResult<T>> {
  const locale = await actionLocale()
  const t = translatorFor(locale)
  try {
    const data = await body(locale)
    return { ok: true, data, ...(successKey ? { message: t(successKey as never) } : {}) }
  } catch (error) {
    unstable_rethrow(error) // redirect(), notFound() and forbidden() are not errors
    if (error instanceof z.ZodError) {
      return { ok: false, code: 'VALIDATION', message: t('auth.formErrors'), fieldErrors: translateFieldMessages(locale, fieldMessagesFromZod(error)) }
    }
    if (isAppError(error)) {
      const key = `errors.${error.code}`
      return {
        ok: false,
        code: error.code,
        message: t.has(key as never) ? t(key as never, localizeParams(locale, error.options.params) as never) : t('errors.BAD_REQUEST'),
        fieldErrors: error.options.fields ? translateFieldMessages(locale, error.options.fields) : {},
        ...(error.options.details !== undefined ? { details: error.options.details } : {}),
      }
    }
    if (isDatabaseUnavailable(error)) {
      return { ok: false, code: 'SERVICE_UNAVAILABLE', message: t('errors.SERVICE_UNAVAILABLE'), fieldErrors: {} }
    }
    log.error('unhandled error in action', { error })
    return { ok: false, code: 'INTERNAL', message: t('errors.INTERNAL'), fieldErrors: {} }
  }
}

/** FormData to a plain object (last value wins; `name[]` collects a list). Anything else — an
 * action called by hand with a crafted payload — is a validation error, not a crash. */
export function formToObject(form: unknown): Record<string, unknown> {
  if (!(form instanceof FormData)) throw new AppError('VALIDATION')
  // A Map, not `{}`: field names are the sender's, and `out['constructor[]']` on a plain object
  // found Object's constructor instead of an empty list.
  const out = new Map<string, unknown>()
  for (const [key, value] of form.entries()) {
    if (key.startsWith('$ACTION')) continue
    if (typeof value !== 'string') continue
    if (key.endsWith('[]')) {
      const k = key.slice(0, -2)
      const current = out.get(k)
      out.set(k, [...(Array.isArray(current) ? current : []), value])
    } else out.set(key, value)
  }
  return Object.fromEntries(out)
}
