// Signed-in requests without the sign-in form: a session cookie minted exactly as next-auth mints
// it (an encrypted JWT carrying `uid`, which is all lib/auth reads), with the app's secret.
import { encode } from 'next-auth/jwt'

export const SESSION_COOKIE = 'next-auth.session-token'

export async function mintSessionCookie(secret: string, user: { id: string; name: string; email: string }): Promise<string> {
  const token = await encode({ secret, token: { uid: user.id, sub: user.id, name: user.name, email: user.email } })
  return `${SESSION_COOKIE}=${token}`
}
