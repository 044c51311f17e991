'use server'
// "My bookings" buttons: cancel, accept a change, "I paid", dispute. Each: parse with zod, require the user, call one
// service, revalidate.
import { revalidatePath } from 'next/cache'
import { formToObject, runAction, type ActionResult } from '@/lib/action'
import { requireUser } from '@/lib/auth/session'
import { acceptBookingChange, acceptBookingChangeSchema } from '@/lib/bookings/accept-booking-change'
import { cancelBooking, cancelBookingSchema } from '@/lib/bookings/cancel-booking'
import { markPayment, markPaymentSchema } from '@/lib/bookings/mark-payment'

function revalidate() {
  revalidatePath('/[locale]/(app)/bookings', 'page')
  revalidatePath('/[locale]/(public)/trips/[tripId]', 'page')
}

export async function cancelMyBookingAction(_previous: ActionResult<unknown> | null, form: FormData): Promise<ActionResult<unknown>> {
  return runAction(async () => {
    const actor = await requireUser()
    const input = cancelBookingSchema.parse(formToObject(form))
    const result = await cancelBooking(actor, input)
    revalidate()
    return result
  }, 'booking.cancelled')
}

export async function markPaymentAction(_previous: ActionResult<unknown> | null, form: FormData): Promise<ActionResult<unknown>> {
  return runAction(async () => {
    const actor = await requireUser()
    const input = markPaymentSchema.parse(formToObject(form))
    const result = await markPayment(actor, input)
    revalidate()
    return result
  }, 'bookings.paymentSaved')
}

/** The rider accepts what changed on their booking (the "cancel free" offer ends). */
export async function acceptBookingChangeAction(_previous: ActionResult<unknown> | null, form: FormData): Promise<ActionResult<unknown>> {
  return runAction(async () => {
    const actor = await requireUser()
    const result = await acceptBookingChange(actor, acceptBookingChangeSchema.parse(formToObject(form)))
    revalidate()
    return result
  }, 'bookingChange.accepted')
}
