// Checks a sign-in attempt: limits first, then the password.
//
// The limits are ones an attacker without the password cannot turn against the owner: ten wrong
// passwords for an account lock out the address they came from (for that account), not the account;
// an address guessing across accounts is stopped after 50; and the account itself, from everywhere
// at once, takes 20 failures an hour freely and then one attempt after each growing delay (1 s,
// 2 s, 4 s … 30 s), up to a ceiling of 100 an hour. Locking the owner out takes a guesser with
// many addresses, and even then only for seconds at a time until the ceiling.
import { z } from 'zod'
import { db } from '@/lib/db'
import { getDummyHash, verifyPassword } from '@/lib/auth/password'
import { hitBackoff, hitRateLimit, rateLimits, refundRateLimit, restartBackoffClock, type BackoffRule } from '@/lib/rate-limit'

export const SIGN_IN_BACKOFF = { name: 'sign-in:account', free: 20, ceiling: 100, maxDelaySeconds: 30, windowSeconds: 60 * 60 } as const satisfies BackoffRule

export const signInSchema = z.object({
  email: z.string().trim().toLowerCase().max(254),
  password: z.string().max(200),
})

export type SignInOutcome =
  | { ok: true; user: { id: string; name: string; email: string; sessionVersion: number } }
  | { ok: false; reason: 'INVALID_CREDENTIALS' }
  | { ok: false; reason: 'RATE_LIMITED'; retryAfterSeconds: number }

export async function signInWithPassword(input: unknown, ip: string): Promise<SignInOutcome> {
  const parsed = signInSchema.safeParse(input)
  if (!parsed.success) return { ok: false, reason: 'INVALID_CREDENTIALS' }
  const { email, password } = parsed.data

  // Count the attempt first (atomically), so a burst cannot slip past a limit. The account's own
  // limit is asked only when the address may try: refusals at the address cost the owner nothing.
  const [perPair, perIp] = await Promise.all([
    hitRateLimit(rateLimits.signInPerAddressAndAccount, `${ip}:${email}`),
    hitRateLimit(rateLimits.signInPerIp, ip),
  ])
  const perAccount = perPair.allowed && perIp.allowed ? await hitBackoff(SIGN_IN_BACKOFF, email) : null
  const refused = [perPair, perIp, perAccount].filter((r) => r !== null && !r.allowed)
  if (refused.length || !perAccount) {
    return { ok: false, reason: 'RATE_LIMITED', retryAfterSeconds: Math.max(1, ...refused.map((r) => r!.retryAfterSeconds)) }
  }

  const user = await db.user.findUnique({ where: { email }, select: { id: true, name: true, email: true, passwordHash: true, sessionVersion: true } })
  const valid = await verifyPassword(user?.passwordHash ?? (await getDummyHash()), password)
  if (!user || !valid) {
    // The account's next attempt waits from the end of this one, not its start (a slow password
    // check must not eat the delay).
    await restartBackoffClock(SIGN_IN_BACKOFF, email)
    return { ok: false, reason: 'INVALID_CREDENTIALS' }
  }

  await Promise.all([
    refundRateLimit(rateLimits.signInPerAddressAndAccount, `${ip}:${email}`),
    refundRateLimit(rateLimits.signInPerIp, ip),
    refundRateLimit(SIGN_IN_BACKOFF, email),
  ])
  return { ok: true, user: { id: user.id, name: user.name, email: user.email, sessionVersion: user.sessionVersion } }
}
