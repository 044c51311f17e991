// POST /api/bookings/:bookingId/review – review the other side of a booking after the run (double-blind)
import { NextResponse } from 'next/server'
import { z } from 'zod'
import { requireUser } from '@/lib/auth/session'
import { readJson, route } from '@/lib/route'
import { submitReview, submitReviewSchema } from '@/lib/reviews/submit-review'

const params = z.object({ bookingId: z.uuid() })

export const POST = route<{ bookingId: string }>(async (request, { params: raw }) => {
  const { bookingId } = params.parse(raw)
  const actor = await requireUser()
  return NextResponse.json(await submitReview(actor, bookingId, await readJson(request, submitReviewSchema)), { status: 201 })
})
