import type { NextAuthOptions } from 'next-auth'
import CredentialsProvider from 'next-auth/providers/credentials'
import { signInWithPassword } from '@/lib/auth/sign-in'
import { clientIpFrom } from '@/lib/client-ip'
import { env } from '@/lib/env'
import { sameOriginTarget } from '@/lib/safe-redirect'

/** Built on first use: the secret is read from the validated environment at run time. */
let cached: NextAuthOptions | undefined

export function getAuthOptions(): NextAuthOptions {
  cached ??= {
    secret: env.NEXTAUTH_SECRET,
    session: { strategy: 'jwt', maxAge: 30 * 24 * 60 * 60 },
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
      jwt({ token, user }) {
        if (user) token.uid = user.id
        return token
      },
      session({ session, token }) {
        if (token.uid) session.user = { ...session.user, id: token.uid }
        return session
      },
    },
  }
  return cached
}
