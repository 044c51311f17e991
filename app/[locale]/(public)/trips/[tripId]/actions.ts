'use server'
// The run page's booking form: parse with zod, require the user, call bookSeats (the legal check's
// answers come back as values), revalidate. Cancelling uses My bookings' action.
import { revalidatePath } from 'next/cache'
import { z } from 'zod'
import { formToObject, runAction, type ActionResult } from '@/lib/action'
import { requireUser } from '@/lib/auth/session'
import { bookSeats, bookSeatsSchema, type BookSeatsResult } from '@/lib/bookings/book-seats'

const checked = z.enum(['true', 'on', '1']).optional().transform((v) => v !== undefined)

/** The booking form as posted: travellers are ticked boxes (`travellerIds[]`), the two follow-up
 * answers are checkboxes / hidden fields, the idempotency token was made when the form was rendered,
 * and an entry date asked for inline (CURRENT_STAY_REQUIRED) comes as `currentStay.<travellerId>`. */
const bookFormSchema = z.strictObject({
  tripId: z.string(),
  travellerIds: z.array(z.string()).default([]),
  acknowledgeWarning: checked,
  joinWaitlist: checked,
  idempotencyKey: z.string().optional(),
  currentStays: z.array(z.strictObject({ travellerId: z.string(), entryOn: z.string() })).max(8).optional(),
})

const CURRENT_STAY_FIELD = 'currentStay.'

/** `currentStay.<travellerId>` fields → currentStays; an empty date is no answer. */
function withCurrentStays(fields: Record<string, unknown>): Record<string, unknown> {
  const rest: Record<string, unknown> = {}
  const currentStays: { travellerId: string; entryOn: string }[] = []
  for (const [key, value] of Object.entries(fields)) {
    if (!key.startsWith(CURRENT_STAY_FIELD)) rest[key] = value
    else if (typeof value === 'string' && value.trim() !== '') currentStays.push({ travellerId: key.slice(CURRENT_STAY_FIELD.length), entryOn: value })
  }
  return currentStays.length > 0 ? { ...rest, currentStays } : rest
}

function revalidate() {
  revalidatePath('/[locale]/(public)/trips/[tripId]', 'page')
  revalidatePath('/[locale]/(app)/bookings', 'page')
  revalidatePath('/[locale]/(app)/stay', 'page')
}

export async function bookSeatsAction(_previous: ActionResult<BookSeatsResult> | null, form: FormData): Promise<ActionResult<BookSeatsResult>> {
  return runAction(async () => {
    const actor = await requireUser()
    const input = bookSeatsSchema.parse(bookFormSchema.parse(withCurrentStays(formToObject(form))))
    const booking = await bookSeats(actor, input)
    revalidate()
    return booking
  })
}
