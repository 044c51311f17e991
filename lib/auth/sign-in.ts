// Checks a sign-in attempt: rate limits per account and per IP, then the password.
import { z } from 'zod'
import { db } from '@/lib/db'
import { getDummyHash, verifyPassword } from '@/lib/auth/password'
import { hitRateLimit, rateLimits, refundRateLimit } from '@/lib/rate-limit'

export const signInSchema = z.object({
  email: z.string().trim().toLowerCase().max(254),
  password: z.string().max(200),
})

export type SignInOutcome =
  | { ok: true; user: { id: string; name: string; email: string } }
  | { ok: false; reason: 'INVALID_CREDENTIALS' }
  | { ok: false; reason: 'RATE_LIMITED'; retryAfterSeconds: number }

export async function signInWithPassword(input: unknown, ip: string): Promise<SignInOutcome> {
  const parsed = signInSchema.safeParse(input)
  if (!parsed.success) return { ok: false, reason: 'INVALID_CREDENTIALS' }
  const { email, password } = parsed.data

  // Count the attempt first (atomically), so a burst cannot slip past the limit.
  const [perAccount, perIp] = await Promise.all([
    hitRateLimit(rateLimits.signInPerAccount, email),
    hitRateLimit(rateLimits.signInPerIp, ip),
  ])
  if (!perAccount.allowed || !perIp.allowed) {
    return {
      ok: false,
      reason: 'RATE_LIMITED',
      retryAfterSeconds: Math.max(perAccount.allowed ? 0 : perAccount.retryAfterSeconds, perIp.allowed ? 0 : perIp.retryAfterSeconds),
    }
  }

  const user = await db.user.findUnique({ where: { email }, select: { id: true, name: true, email: true, passwordHash: true } })
  const valid = await verifyPassword(user?.passwordHash ?? (await getDummyHash()), password)
  if (!user || !valid) return { ok: false, reason: 'INVALID_CREDENTIALS' }

  await Promise.all([refundRateLimit(rateLimits.signInPerAccount, email), refundRateLimit(rateLimits.signInPerIp, ip)])
  return { ok: true, user: { id: user.id, name: user.name, email: user.email } }
}
