// The reviewed member answers a review of them, once, after it has become visible.
import { z } from 'zod'
import type { Actor } from '@/lib/auth/permissions'
import { db } from '@/lib/db'
import { AppError } from '@/lib/errors'
import { enforceTrustLimit, trustLimits } from '@/lib/moderation/trust-limits'
import { userText } from '@/lib/validation'

export const replyToReviewSchema = z.strictObject({ text: userText({ min: 1, max: 1000, multiline: true }) })

export type ReplyToReviewInput = z.input<typeof replyToReviewSchema>

export async function replyToReview(actor: Actor, reviewId: string, raw: ReplyToReviewInput, now: Date = new Date()) {
  const input = replyToReviewSchema.parse(raw)
  await enforceTrustLimit(trustLimits.reviewPerAccount, actor.id)
  // One conditional update: of the reviewed member, visible, not hidden, not yet answered.
  const updated = await db.review.updateMany({
    where: { id: reviewId, subjectId: actor.id, hiddenAt: null, visibleAt: { lte: now }, reply: null },
    data: { reply: input.text, repliedAt: now },
  })
  if (updated.count === 0) {
    const review = await db.review.findFirst({ where: { id: reviewId, subjectId: actor.id, hiddenAt: null, visibleAt: { lte: now } }, select: { reply: true } })
    // A review one cannot see (someone else's, hidden, not yet visible) does not exist for them.
    if (!review) throw new AppError('NOT_FOUND')
    throw new AppError('ALREADY_REPLIED', { status: 409 })
  }
  return { id: reviewId, reply: input.text }
}
