// POST /api/reviews/:reviewId/reply – the reviewed member answers a visible review, once
import { NextResponse } from 'next/server'
import { z } from 'zod'
import { requireUser } from '@/lib/auth/session'
import { replyToReview, replyToReviewSchema } from '@/lib/reviews/reply-to-review'
import { readJson, route } from '@/lib/route'

const params = z.object({ reviewId: z.uuid() })

export const POST = route<{ reviewId: string }>(async (request, { params: raw }) => {
  const { reviewId } = params.parse(raw)
  const actor = await requireUser()
  return NextResponse.json(await replyToReview(actor, reviewId, await readJson(request, replyToReviewSchema)))
})
