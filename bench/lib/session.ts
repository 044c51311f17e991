// Signed-in requests without the sign-in form: a session cookie minted exactly as next-auth mints
// it (an encrypted JWT carrying `uid`, the session version `sv` and the session's id `sid`, which
// is all lib/auth reads), with the app's secret.
import { randomUUID } from 'node:crypto'
import { encode } from 'next-auth/jwt'

export const SESSION_COOKIE = 'next-auth.session-token'

export async function mintSessionCookie(secret: string, user: { id: string; name: string; email: string }): Promise<string> {
  const token = await encode({ secret, token: { uid: user.id, sv: 0, sid: randomUUID(), sub: user.id, name: user.name, email: user.email } })
  return `${SESSION_COOKIE}=${token}`
}
