'use server'
// The run page's forms: book seats (with the legal check's answers coming back as values) and
// cancel one's booking. Each: parse with zod, require the user, call one service, revalidate.
import { revalidatePath } from 'next/cache'
import { z } from 'zod'
import { formToObject, runAction, type ActionResult } from '@/lib/action'
import { requireUser } from '@/lib/auth/session'
import { bookSeats, bookSeatsSchema, type BookSeatsResult } from '@/lib/bookings/book-seats'
import { cancelBooking, cancelBookingSchema } from '@/lib/bookings/cancel-booking'

const checked = z.enum(['true', 'on', '1']).optional().transform((v) => v !== undefined)

/** The booking form as posted: travellers are ticked boxes (`travellerIds[]`), the two follow-up
 * answers are checkboxes / hidden fields, the idempotency token was made when the form was rendered. */
const bookFormSchema = z.strictObject({
  tripId: z.string(),
  travellerIds: z.array(z.string()).default([]),
  acknowledgeWarning: checked,
  joinWaitlist: checked,
  idempotencyKey: z.string().optional(),
})

function revalidate() {
  revalidatePath('/[locale]/(public)/trips/[tripId]', 'page')
  revalidatePath('/[locale]/(app)/bookings', 'page')
}

export async function bookSeatsAction(_previous: ActionResult<BookSeatsResult> | null, form: FormData): Promise<ActionResult<BookSeatsResult>> {
  return runAction(async () => {
    const actor = await requireUser()
    const input = bookSeatsSchema.parse(bookFormSchema.parse(formToObject(form)))
    const booking = await bookSeats(actor, input)
    revalidate()
    return booking
  })
}

export async function cancelBookingAction(_previous: ActionResult<unknown> | null, form: FormData): Promise<ActionResult<unknown>> {
  return runAction(async () => {
    const actor = await requireUser()
    const input = cancelBookingSchema.parse(formToObject(form))
    const result = await cancelBooking(actor, input)
    revalidate()
    return result
  }, 'booking.cancelled')
}
