import { randomUUID } from 'node:crypto'
import type { NextAuthOptions } from 'next-auth'
import CredentialsProvider from 'next-auth/providers/credentials'
import { endSession, SESSION_MAX_AGE_SECONDS } from '@/lib/auth/end-session'
import { signInWithPassword } from '@/lib/auth/sign-in'
import { clientIpFrom } from '@/lib/client-ip'
import { env } from '@/lib/env'
import { sameOriginTarget } from '@/lib/safe-redirect'

/** Built on first use: the secret is read from the validated environment at run time. */
let cached: NextAuthOptions | undefined

export function getAuthOptions(): NextAuthOptions {
  cached ??= {
    secret: env.NEXTAUTH_SECRET,
    session: { strategy: 'jwt', maxAge: SESSION_MAX_AGE_SECONDS },
    pages: { signIn: '/sign-in', error: '/sign-in' },
    providers: [
      CredentialsProvider({
        name: 'password',
        credentials: { email: { type: 'email' }, password: { type: 'password' } },
        async authorize(credentials, req) {
          const outcome = await signInWithPassword(credentials, clientIpFrom(req.headers ?? {}))
          if (outcome.ok) return outcome.user
          // next-auth passes the message through as `error` to the sign-in form.
          if (outcome.reason === 'RATE_LIMITED') throw new Error(`RATE_LIMITED:${outcome.retryAfterSeconds}`)
          return null
        },
      }),
    ],
    callbacks: {
      // next-auth's default does `new URL(url)` on the caller's callbackUrl and throws (a 500) when it
      // is not a URL; ours sends anything that is not one of our own addresses home instead, decided
      // by the URL parser as the browser will read it (lib/safe-redirect.ts).
      redirect({ url, baseUrl }) {
        return sameOriginTarget(url, baseUrl) ?? baseUrl
      },
      // At sign-in the token gets the user's session version and an id of its own; every request
      // checks both (lib/auth/session-user.ts), so a session can be ended before it expires.
      jwt({ token, user }) {
        if (user) {
          token.uid = user.id
          token.sv = (user as { sessionVersion?: number }).sessionVersion ?? 0
          token.sid = randomUUID()
        }
        return token
      },
      session({ session, token }) {
        if (token.uid) session.user = { ...session.user, id: token.uid }
        if (token.sv !== undefined) session.sv = token.sv
        if (token.sid !== undefined) session.sid = token.sid
        return session
      },
    },
    events: {
      // next-auth's sign-out only clears the cookie; the token must also stop working.
      async signOut({ token }) {
        await endSession(token)
      },
    },
  }
  return cached
}
