// Rate limits on what one account can say about others: reviews and replies, reports, "did not
// come" claims and disputes. Counted in PostgreSQL (lib/rate-limit.ts), so they hold across
// restarts and app instances. Generous for honest use (a driver reviews a full car after each run).
import { AppError } from '@/lib/errors'
import { hitRateLimit, type RateLimitRule } from '@/lib/rate-limit'

export const trustLimits = {
  reviewPerAccount: { name: 'review:account', limit: 30, windowSeconds: 60 * 60 },
  reportPerAccount: { name: 'report:account', limit: 10, windowSeconds: 60 * 60 },
} as const satisfies Record<string, RateLimitRule>

export async function enforceTrustLimit(rule: RateLimitRule, accountId: string): Promise<void> {
  const limit = await hitRateLimit(rule, accountId)
  if (!limit.allowed) throw new AppError('RATE_LIMITED', { params: { seconds: limit.retryAfterSeconds }, retryAfterSeconds: limit.retryAfterSeconds })
}
