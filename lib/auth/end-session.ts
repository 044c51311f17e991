// Signing out ends this session on the server too (the token itself cannot be taken back: it is
// refused from now on). Its id is kept until the token would have expired; a token without an id
// (made before sessions had one) cannot be told apart from the user's others, so all of them end.
import { revokeSessions } from '@/lib/auth/revoke-sessions'
import { sessionClaimsSchema } from '@/lib/auth/session-claims'
import { db } from '@/lib/db'

/** How long next-auth's tokens live (lib/auth/options.ts). */
export const SESSION_MAX_AGE_SECONDS = 30 * 24 * 60 * 60

export async function endSession(raw: unknown): Promise<void> {
  const parsed = sessionClaimsSchema.safeParse(raw)
  if (!parsed.success) return
  const { uid, sid, exp } = parsed.data
  if (!sid) return revokeSessions(uid)
  const expiresAt = new Date((exp ?? Math.floor(Date.now() / 1000) + SESSION_MAX_AGE_SECONDS) * 1000)
  await db.$executeRaw`
    INSERT INTO revoked_sessions (id, user_id, expires_at)
    SELECT ${sid}::uuid, id, ${expiresAt} FROM users WHERE id = ${uid}::uuid
    ON CONFLICT (id) DO NOTHING`
}
