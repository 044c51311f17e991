'use server'
// A member's profile page: report them (or a run, or a review), block or unblock them, answer a
// review of oneself. Each: parse with zod, require the user, call one service, revalidate.
import { revalidatePath } from 'next/cache'
import { z } from 'zod'
import { formToObject, runAction, type ActionResult } from '@/lib/action'
import { requireUser } from '@/lib/auth/session'
import { blockUser } from '@/lib/blocks/block-user'
import { unblockUser } from '@/lib/blocks/unblock-user'
import { createReport, createReportSchema } from '@/lib/moderation/create-report'
import { replyToReview, replyToReviewSchema } from '@/lib/reviews/reply-to-review'

const userIdForm = z.object({ userId: z.uuid() })

function revalidateProfiles() {
  revalidatePath('/[locale]/(public)/users/[userId]', 'page')
}

export async function reportAction(_previous: ActionResult<unknown> | null, form: FormData): Promise<ActionResult<unknown>> {
  return runAction(async () => {
    const actor = await requireUser()
    return createReport(actor, createReportSchema.parse(formToObject(form)))
  }, 'trust.reportSent')
}

export async function blockUserAction(_previous: ActionResult<unknown> | null, form: FormData): Promise<ActionResult<unknown>> {
  return runAction(async () => {
    const actor = await requireUser()
    const { userId } = userIdForm.parse(formToObject(form))
    const result = await blockUser(actor, userId)
    revalidateProfiles()
    revalidatePath('/[locale]/(app)/account', 'page')
    return result
  }, 'trust.blocked')
}

export async function unblockUserAction(_previous: ActionResult<unknown> | null, form: FormData): Promise<ActionResult<unknown>> {
  return runAction(async () => {
    const actor = await requireUser()
    const { userId } = userIdForm.parse(formToObject(form))
    const result = await unblockUser(actor, userId)
    revalidateProfiles()
    revalidatePath('/[locale]/(app)/account', 'page')
    return result
  }, 'trust.unblocked')
}

export async function replyToReviewAction(_previous: ActionResult<unknown> | null, form: FormData): Promise<ActionResult<unknown>> {
  return runAction(async () => {
    const actor = await requireUser()
    const data = formToObject(form)
    const { reviewId } = z.object({ reviewId: z.uuid() }).parse({ reviewId: data.reviewId })
    const result = await replyToReview(actor, reviewId, replyToReviewSchema.parse({ text: data.text }))
    revalidateProfiles()
    return result
  }, 'trust.replySent')
}
