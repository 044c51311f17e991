// The user behind a session token, if the session still stands: the account exists and is not
// deleted, the token was made at the user's current session version (nothing ended all sessions
// since) and this session was not signed out. One statement, the same read of the user every
// request made before sessions could end (roles and deletion are re-read per request), so the check
// itself costs a primary-key probe of revoked_sessions (measured in `npm run bench`, ADR 006).
import type { Actor } from '@/lib/auth/permissions'
import { sessionClaimsSchema } from '@/lib/auth/session-claims'
import { db } from '@/lib/db'
import { isLocale } from '@/lib/i18n/routing'

export async function findSessionUser(raw: unknown): Promise<Actor | null> {
  const parsed = sessionClaimsSchema.safeParse(raw)
  if (!parsed.success) return null
  const { uid, sv, sid } = parsed.data
  const user = await db.user.findFirst({
    where: {
      id: uid,
      deletedAt: null,
      // A token without a version is from before versions existed: it holds until the first revocation.
      sessionVersion: sv ?? 0,
      ...(sid ? { revokedSessions: { none: { id: sid } } } : {}),
    },
    select: { id: true, name: true, email: true, roles: true, locale: true },
  })
  if (!user) return null
  return { ...user, locale: isLocale(user.locale) ? user.locale : 'ru' }
}
