// Who is asking. Every action, route handler and protected page starts with requireUser() or
// requireRole(); proxy.ts only redirects signed-out visitors and is never the only check.
import { forbidden, redirect } from 'next/navigation'
import { cache } from 'react'
import { hasRole, type Actor } from '@/lib/auth/permissions'
import { readSessionClaims } from '@/lib/auth/session-token'
import { findSessionUser } from '@/lib/auth/session-user'
import { AppError } from '@/lib/errors'
import type { Role } from '@/lib/generated/prisma/enums'
import { localizePath } from '@/lib/i18n/localize-path'
import type { Locale } from '@/lib/i18n/routing'

export type { Actor }


/** The signed-in user, re-read from the database on each request (roles can change, accounts can
 * be deleted, sessions can be ended: lib/auth/session-user.ts; the JWT carries only ids). */
export const getCurrentUser = cache(async (): Promise<Actor | null> => {
  const claims = await readSessionClaims()
  if (!claims?.uid) return null
  return findSessionUser(claims)
})

export async function requireUser(): Promise<Actor> {
  const user = await getCurrentUser()
  if (!user) throw new AppError('UNAUTHENTICATED')
  return user
}

export async function requireRole(...roles: Role[]): Promise<Actor> {
  const user = await requireUser()
  if (!hasRole(user, ...roles)) throw new AppError('FORBIDDEN')
  return user
}

/** For pages: a signed-out visitor goes to sign-in and comes back afterwards. */
export async function requirePageUser(locale: Locale, returnTo: string): Promise<Actor> {
  const user = await getCurrentUser()
  if (!user) {
    // next/navigation's redirect with our localised path: next-intl's navigation module here would
    // put its client Link (and translator) on every page that shows the header (ADR 011).
    redirect(localizePath(`/sign-in?${new URLSearchParams({ callbackUrl: returnTo })}`, locale))
  }
  return user
}

/** For pages: the wrong role sees the 403 page (app/[locale]/forbidden.tsx). */
export async function requirePageRole(locale: Locale, returnTo: string, ...roles: Role[]): Promise<Actor> {
  const user = await requirePageUser(locale, returnTo)
  if (!hasRole(user, ...roles)) forbidden()
  return user
}
