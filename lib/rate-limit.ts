// Fixed-window counters in PostgreSQL: one atomic upsert per attempt, so limits hold across
// restarts and across several app instances. Search, too frequent for a write each, is counted in
// memory — by the primary process for all workers of `npm start` (createSharedLimiter).
import { db } from '@/lib/db'
import { Prisma } from '@/lib/generated/prisma/client'
import { hasPrimary, hitLimitAtPrimary } from '@/lib/primary-channel'

export type RateLimitRule = { name: string; limit: number; windowSeconds: number }

export type RateLimitResult = { allowed: boolean; count: number; retryAfterSeconds: number }

export const rateLimits = {
  /** Wrong passwords for one account from one address (the owner elsewhere is not affected). */
  signInPerAddressAndAccount: { name: 'sign-in:address-account', limit: 10, windowSeconds: 15 * 60 },
  /** Guesses from one address across accounts. */
  signInPerIp: { name: 'sign-in:ip', limit: 50, windowSeconds: 15 * 60 },
  registerPerIp: { name: 'register:ip', limit: 20, windowSeconds: 60 * 60 },
  bookingPerAccount: { name: 'booking:account', limit: Number(process.env.RATE_LIMIT_BOOKINGS_PER_10_MIN ?? 30), windowSeconds: 10 * 60 },
  /** Invitation codes are 8 of 31 characters (~8.5e11): 10 guesses per account and 30 per address a
   * quarter of an hour make guessing hopeless; a driver with a real code needs one. */
  groupJoinPerAccount: { name: 'group-join:account', limit: 10, windowSeconds: 15 * 60 },
  groupJoinPerIp: { name: 'group-join:ip', limit: 30, windowSeconds: 15 * 60 },
} as const satisfies Record<string, RateLimitRule>

export async function hitRateLimit(rule: RateLimitRule, subject: string): Promise<RateLimitResult> {
  const key = `${rule.name}:${subject}`
  const rows = await db.$queryRaw<{ count: number; window_start: Date }[]>`
    INSERT INTO rate_limits (key, window_start, count) VALUES (${key}, now(), 1)
    ON CONFLICT (key) DO UPDATE SET
      window_start = CASE WHEN rate_limits.window_start <= now() - make_interval(secs => ${rule.windowSeconds})
                          THEN now() ELSE rate_limits.window_start END,
      count = CASE WHEN rate_limits.window_start <= now() - make_interval(secs => ${rule.windowSeconds})
                   THEN 1 ELSE rate_limits.count + 1 END
    RETURNING count, window_start`
  const row = rows[0]
  if (!row) throw new Error('rate limit upsert returned nothing')
  const resetsAt = row.window_start.getTime() + rule.windowSeconds * 1000
  return {
    allowed: row.count <= rule.limit,
    count: row.count,
    retryAfterSeconds: Math.max(1, Math.ceil((resetsAt - Date.now()) / 1000)),
  }
}

/** A limit with growing delays: `free` attempts in the window at once, then each next attempt only
 * after 2^(n − free) seconds since the last one (at most `maxDelaySeconds`), and none past
 * `ceiling` until the window is over. Attempts refused meanwhile do not count and do not move the
 * clock, so nobody can keep an account waiting by knocking. */
export type BackoffRule = { name: string; free: number; ceiling: number; maxDelaySeconds: number; windowSeconds: number }

export async function hitBackoff(rule: BackoffRule, subject: string): Promise<RateLimitResult> {
  const key = `${rule.name}:${subject}`
  const window = Prisma.sql`make_interval(secs => ${rule.windowSeconds})`
  // The delay owed after `count` admitted attempts.
  const delay = Prisma.sql`make_interval(secs => least(power(2, rate_limits.count - ${rule.free})::float8, ${rule.maxDelaySeconds}::float8))`
  // One statement, so concurrent attempts queue on the row: of two that arrive together after a
  // failure, only the first is admitted.
  const admitted = await db.$queryRaw<{ count: number }[]>`
    INSERT INTO rate_limits (key, window_start, count, last_hit_at) VALUES (${key}, now(), 1, now())
    ON CONFLICT (key) DO UPDATE SET
      window_start = CASE WHEN rate_limits.window_start <= now() - ${window} THEN now() ELSE rate_limits.window_start END,
      count = CASE WHEN rate_limits.window_start <= now() - ${window} THEN 1 ELSE rate_limits.count + 1 END,
      last_hit_at = now()
    WHERE rate_limits.window_start <= now() - ${window}
       OR (rate_limits.count < ${rule.ceiling}
           AND (rate_limits.count < ${rule.free} OR rate_limits.last_hit_at IS NULL OR rate_limits.last_hit_at <= now() - ${delay}))
    RETURNING count`
  if (admitted[0]) return { allowed: true, count: admitted[0].count, retryAfterSeconds: 0 }
  // Refused: say how long until the next attempt would be taken.
  const rows = await db.$queryRaw<{ count: number; wait_seconds: number }[]>`
    SELECT count, ceil(extract(epoch FROM CASE
      WHEN count >= ${rule.ceiling} THEN window_start + ${window} - now()
      ELSE least(last_hit_at + ${delay}, window_start + ${window}) - now() END))::int AS wait_seconds
    FROM rate_limits WHERE key = ${key}`
  const row = rows[0]
  return { allowed: false, count: row?.count ?? rule.ceiling, retryAfterSeconds: Math.max(1, row?.wait_seconds ?? 1) }
}

/** The delay before the next attempt counts from now (call when an admitted attempt has failed). */
export async function restartBackoffClock(rule: Pick<BackoffRule, 'name'>, subject: string): Promise<void> {
  const key = `${rule.name}:${subject}`
  await db.$executeRaw`UPDATE rate_limits SET last_hit_at = now() WHERE key = ${key}`
}

/** Gives one attempt back (a successful sign-in does not count against the limit). */
export async function refundRateLimit(rule: Pick<RateLimitRule, 'name'>, subject: string): Promise<void> {
  const key = `${rule.name}:${subject}`
  await db.$executeRaw`UPDATE rate_limits SET count = greatest(count - 1, 0) WHERE key = ${key}`
}

/**
 * An in-memory fixed-window limiter for cheap, frequent reads (search): a database write per search
 * would cost more than the search.
 */
export function createMemoryLimiter(limit: number, windowSeconds: number) {
  const hits = new Map<string, { windowStart: number; count: number }>()
  let lastSweep = Date.now()
  return (subject: string, now: number = Date.now()): RateLimitResult => {
    if (now - lastSweep > windowSeconds * 1000) {
      for (const [k, v] of hits) if (now - v.windowStart >= windowSeconds * 1000) hits.delete(k)
      lastSweep = now
    }
    let entry = hits.get(subject)
    if (!entry || now - entry.windowStart >= windowSeconds * 1000) {
      entry = { windowStart: now, count: 0 }
      hits.set(subject, entry)
    }
    entry.count++
    return {
      allowed: entry.count <= limit,
      count: entry.count,
      retryAfterSeconds: Math.max(1, Math.ceil((entry.windowStart + windowSeconds * 1000 - now) / 1000)),
    }
  }
}

/**
 * The same limit held across every worker process of one `npm start`: the primary keeps the
 * counters (a memory limiter per rule) and workers ask it over the cluster's IPC channel, about
 * 0.05 ms a request (docs/decisions/011-multi-process-serving.md). In one process, or if the
 * primary does not answer, it counts locally. Separate hosts each hold the limit on their own.
 */
export function createSharedLimiter(rule: string, limit: number, windowSeconds: number) {
  const local = createMemoryLimiter(limit, windowSeconds)
  return async (subject: string): Promise<RateLimitResult> => {
    if (!hasPrimary()) return local(subject)
    try {
      return await hitLimitAtPrimary({ rule, limit, windowSeconds, subject })
    } catch {
      return local(subject)
    }
  }
}

/** Search: 240 requests a minute per client address (a person paging through results does ~20). */
export const searchLimiter = createSharedLimiter('search', Number(process.env.RATE_LIMIT_SEARCH_PER_MIN ?? 240), 60)
