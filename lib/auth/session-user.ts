// The user behind a session token, if the session still stands: the account exists and is not
// deleted, the token was made at the user's current session version (nothing ended all sessions
// since) and this session was not signed out. One statement, the same read of the user every
// request made before sessions could end (roles and deletion are re-read per request), so the check
// itself costs a primary-key probe of revoked_sessions (measured in `npm run bench`, ADR 006).
import type { Actor } from '@/lib/auth/permissions'
import { sessionClaimsSchema } from '@/lib/auth/session-claims'
import { queryPrepared } from '@/lib/db'
import { Prisma } from '@/lib/generated/prisma/client'
import type { Role } from '@/lib/generated/prisma/enums'
import { isLocale } from '@/lib/i18n/routing'

type Row = { id: string; name: string; email: string; roles: Role[]; locale: string }

export async function findSessionUser(raw: unknown): Promise<Actor | null> {
  const parsed = sessionClaimsSchema.safeParse(raw)
  if (!parsed.success) return null
  const { uid, sv, sid } = parsed.data
  // Raw SQL: Prisma's query compiler spent ~0.3 ms of CPU per request building this statement from a
  // nested relation filter (npm run bench); the statement itself is the same. Prepared once per
  // connection (every signed-in request runs it).
  const rows = await queryPrepared<Row>('session_user', Prisma.sql`
    SELECT u.id, u.name, u.email, u.roles::text[] AS roles, u.locale FROM users u
    WHERE u.id = ${uid}::uuid AND u.deleted_at IS NULL
      -- A token without a version is from before versions existed: it holds until the first revocation.
      AND u.session_version = ${sv ?? 0}
      AND (${sid ?? null}::uuid IS NULL OR NOT EXISTS (SELECT 1 FROM revoked_sessions r WHERE r.id = ${sid ?? null}::uuid))`)
  const user = rows[0]
  if (!user) return null
  return { ...user, locale: isLocale(user.locale) ? user.locale : 'ru' }
}
