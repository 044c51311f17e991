// POST /api/bookings/:id/review — the booking's rider reviews the run's driver, or the run's driver
// reviews the booking's rider: once the run is COMPLETED, for a booking that was CONFIRMED, once
// per side (a second is 409), within the 14-day window. Double-blind: the review becomes visible
// when the other side's arrives or when the window closes (review-window.ts).
//
// The booking's row is locked first, so two reviews of one booking written at the same moment are
// written one after the other, and the second sees the first and makes both visible.
import { z } from 'zod'
import type { Actor } from '@/lib/auth/permissions'
import { db } from '@/lib/db'
import { AppError } from '@/lib/errors'
import { Prisma } from '@/lib/generated/prisma/client'
import { trustLimits, enforceTrustLimit } from '@/lib/moderation/trust-limits'
import { notify } from '@/lib/notifications/notify'
import { publishReviews } from '@/lib/reviews/publish-reviews'
import { reviewDeadline } from '@/lib/reviews/review-window'
import { userText } from '@/lib/validation'

export const submitReviewSchema = z.strictObject({
  rating: z.number().int().min(1).max(5),
  comment: userText({ max: 1000, multiline: true }).default(''),
})

export type SubmitReviewInput = z.input<typeof submitReviewSchema>

type Locked = {
  status: string
  rider_id: string | null
  trip_id: string
  driver_id: string
  trip_status: string
  completed_at: Date | null
  driver_deleted: boolean
}

export async function submitReview(actor: Actor, bookingId: string, raw: SubmitReviewInput, now: Date = new Date()) {
  const input = submitReviewSchema.parse(raw)
  await enforceTrustLimit(trustLimits.reviewPerAccount, actor.id)
  try {
    return await db.$transaction(async (tx) => {
      const rows = await tx.$queryRaw<Locked[]>`
        SELECT b.status, b.rider_id, t.id AS trip_id, t.driver_id, t.status AS trip_status, t.completed_at, (d.deleted_at IS NOT NULL) AS driver_deleted
        FROM bookings b JOIN trips t ON t.id = b.trip_id JOIN users d ON d.id = t.driver_id
        WHERE b.id = ${bookingId}::uuid
        FOR UPDATE OF b`
      const b = rows[0]
      const role = !b ? null : actor.id === b.rider_id ? ('RIDER' as const) : actor.id === b.driver_id ? ('DRIVER' as const) : null
      if (!b || !role) throw new AppError('NOT_FOUND')
      if (b.trip_status !== 'COMPLETED' || !b.completed_at) throw new AppError('REVIEW_NOT_YET', { status: 409 })
      const subjectId = role === 'RIDER' ? b.driver_id : b.rider_id
      if (b.status !== 'CONFIRMED' || !subjectId || (role === 'RIDER' && b.driver_deleted)) throw new AppError('REVIEW_NOT_ALLOWED', { status: 409 })
      const deadline = reviewDeadline(b.completed_at)
      if (now > deadline) throw new AppError('REVIEW_WINDOW_CLOSED', { status: 409 })

      const existing = await tx.review.findMany({ where: { bookingId }, select: { authorRole: true } })
      if (existing.some((r) => r.authorRole === role)) throw new AppError('ALREADY_REVIEWED', { status: 409 })
      const otherSideReviewed = existing.length > 0
      const review = await tx.review.create({
        data: { bookingId, tripId: b.trip_id, authorId: actor.id, subjectId, authorRole: role, rating: input.rating, comment: input.comment, visibleAt: otherSideReviewed ? now : deadline },
        select: { id: true, visibleAt: true },
      })
      // Both sides have spoken: the other review shows now too, and both count in the search's rating.
      if (otherSideReviewed) {
        await tx.review.updateMany({ where: { bookingId, authorRole: role === 'RIDER' ? 'DRIVER' : 'RIDER', visibleAt: { gt: now } }, data: { visibleAt: now } })
        await publishReviews(tx, now, bookingId)
      }
      await notify(tx, [{ userId: subjectId, kind: 'REVIEW_RECEIVED', params: { tripId: b.trip_id, bookingId, published: otherSideReviewed ? 1 : 0 } }])
      return { id: review.id, visibleAt: review.visibleAt.toISOString(), published: otherSideReviewed }
    })
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') throw new AppError('ALREADY_REVIEWED', { status: 409 })
    throw error
  }
}
