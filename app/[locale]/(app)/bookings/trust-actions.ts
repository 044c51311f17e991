'use server'
// After a run, on both sides of a booking (My bookings for the rider, the run's page for the
// driver): review the other side, say the driver did not come, dispute a no-show said of you.
import { revalidatePath } from 'next/cache'
import { z } from 'zod'
import { formToObject, runAction, type ActionResult } from '@/lib/action'
import { requireUser } from '@/lib/auth/session'
import { disputeNoShow, disputeNoShowSchema } from '@/lib/no-shows/dispute-no-show'
import { reportDriverNoShow } from '@/lib/no-shows/report-driver-no-show'
import { submitReview, submitReviewSchema } from '@/lib/reviews/submit-review'

function revalidate() {
  revalidatePath('/[locale]/(app)/bookings', 'page')
  revalidatePath('/[locale]/(app)/my-trips/[tripId]', 'page')
}

export async function submitReviewAction(_previous: ActionResult<unknown> | null, form: FormData): Promise<ActionResult<unknown>> {
  return runAction(async () => {
    const actor = await requireUser()
    const data = formToObject(form)
    const { bookingId } = z.object({ bookingId: z.uuid() }).parse({ bookingId: data.bookingId })
    const rating = typeof data.rating === 'string' && data.rating !== '' ? Number(data.rating) : undefined
    const result = await submitReview(actor, bookingId, submitReviewSchema.parse({ rating, comment: data.comment ?? '' }))
    revalidate()
    return result
  }, 'trust.reviewSent')
}

export async function reportDriverNoShowAction(_previous: ActionResult<unknown> | null, form: FormData): Promise<ActionResult<unknown>> {
  return runAction(async () => {
    const actor = await requireUser()
    const { bookingId } = z.object({ bookingId: z.uuid() }).parse(formToObject(form))
    const result = await reportDriverNoShow(actor, bookingId)
    revalidate()
    return result
  }, 'trust.driverNoShowSent')
}

export async function disputeNoShowAction(_previous: ActionResult<unknown> | null, form: FormData): Promise<ActionResult<unknown>> {
  return runAction(async () => {
    const actor = await requireUser()
    const data = formToObject(form)
    const { noShowId } = z.object({ noShowId: z.uuid() }).parse({ noShowId: data.noShowId })
    const result = await disputeNoShow(actor, noShowId, disputeNoShowSchema.parse({ note: data.note ?? '' }))
    revalidate()
    return result
  }, 'trust.disputeSent')
}
