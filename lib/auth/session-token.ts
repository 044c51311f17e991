// The claims of the caller's session token, read from its cookie with next-auth's own decode (the
// same encryption, the same expiry check). getServerSession did this and more on every request: it
// made a CSRF token and re-issued the session token, encrypted anew — in a server component or route
// handler the new cookie cannot be set, so that work was thrown away (~9 % of a booking's CPU in
// `npm run bench`). What the token carries and how it is checked against the database:
// lib/auth/session-user.ts.
import { decode } from 'next-auth/jwt'
import { cookies } from 'next/headers'
import { getAuthOptions } from '@/lib/auth/options'

/** next-auth's cookie names: `__Secure-` when the site is served over https (set only over https). */
const SESSION_COOKIES = ['__Secure-next-auth.session-token', 'next-auth.session-token'] as const

type CookieJar = { get(name: string): { value: string } | undefined; getAll(): { name: string; value: string }[] }

/** A token too large for one cookie is split into `name.0`, `name.1`, … by next-auth. */
function tokenFrom(jar: CookieJar, name: string): string | undefined {
  const whole = jar.get(name)?.value
  if (whole) return whole
  const chunks = jar
    .getAll()
    .filter((c) => c.name.startsWith(`${name}.`) && /^\d+$/.test(c.name.slice(name.length + 1)))
    .sort((a, b) => Number(a.name.slice(name.length + 1)) - Number(b.name.slice(name.length + 1)))
  return chunks.length ? chunks.map((c) => c.value).join('') : undefined
}

/** The decrypted, unexpired claims of the session cookie, or null (none, tampered, expired). */
export async function readSessionClaims(): Promise<Record<string, unknown> | null> {
  const jar = await cookies()
  for (const name of SESSION_COOKIES) {
    const token = tokenFrom(jar, name)
    if (!token) continue
    try {
      return (await decode({ token, secret: getAuthOptions().secret! })) as Record<string, unknown> | null
    } catch {
      return null
    }
  }
  return null
}
