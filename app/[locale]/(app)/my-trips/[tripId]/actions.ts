'use server'
// The manage page's actions: each parses its form, requires a signed-in user and calls one
// service (which checks the actor may manage the run), then re-renders the driver's pages.
import { revalidatePath } from 'next/cache'
import { z } from 'zod'
import { formToObject, runAction, type ActionResult } from '@/lib/action'
import { requireUser } from '@/lib/auth/session'
import { decideRequest, decideRequestSchema } from '@/lib/bookings/decide-request'
import { markPayment, markPaymentSchema } from '@/lib/bookings/mark-payment'
import { assignTripToGroup } from '@/lib/dispatch/assign-trip-to-group'
import { markBoarding, markBoardingSchema } from '@/lib/trips/mark-boarding'
import { setTripStatus, setTripStatusSchema } from '@/lib/trips/set-trip-status'

const refresh = () => revalidatePath('/[locale]/my-trips', 'layout')

/** The form's fields, read before runAction to pick the success message; a payload that is not a
 * form reads as empty and fails the schema inside runAction. */
const fieldsOf = (form: unknown): Record<string, unknown> => (form instanceof FormData ? formToObject(form) : {})

export async function decideRequestAction(_previous: ActionResult<unknown> | null, form: FormData): Promise<ActionResult<unknown>> {
  const input = fieldsOf(form)
  return runAction(async () => {
    const actor = await requireUser()
    await decideRequest(actor, decideRequestSchema.parse(input))
    refresh()
    return null
  }, input.decision === 'approve' ? 'manage.done.approved' : 'manage.done.declined')
}

const boardingForm = markBoardingSchema.extend({ position: z.coerce.number().int().min(0).max(7) })

export async function markBoardingAction(_previous: ActionResult<unknown> | null, form: FormData): Promise<ActionResult<unknown>> {
  const input = fieldsOf(form)
  return runAction(async () => {
    const actor = await requireUser()
    await markBoarding(actor, boardingForm.parse(input))
    refresh()
    return null
  }, `manage.done.boarding.${['BOARDED', 'NO_SHOW'].includes(String(input.boarding)) ? String(input.boarding) : 'PENDING'}`)
}

export async function markPaymentAction(_previous: ActionResult<unknown> | null, form: FormData): Promise<ActionResult<unknown>> {
  const input = fieldsOf(form)
  return runAction(async () => {
    const actor = await requireUser()
    await markPayment(actor, markPaymentSchema.parse(input))
    refresh()
    return null
  }, input.state === 'DISPUTED' ? 'manage.done.disputed' : 'manage.done.paymentConfirmed')
}

export async function setTripStatusAction(_previous: ActionResult<unknown> | null, form: FormData): Promise<ActionResult<unknown>> {
  const input = fieldsOf(form)
  const status = setTripStatusSchema.shape.status.safeParse(input.status)
  return runAction(async () => {
    const actor = await requireUser()
    await setTripStatus(actor, setTripStatusSchema.parse({ ...input, reason: input.reason === '' ? undefined : input.reason }))
    refresh()
    return null
  }, `manage.done.status.${status.success ? status.data : 'SCHEDULED'}`)
}

const assignGroupForm = z
  .strictObject({ tripId: z.uuid(), groupId: z.union([z.uuid(), z.literal('')]) })
  .transform((v) => ({ tripId: v.tripId, groupId: v.groupId === '' ? null : v.groupId }))

export async function assignTripToGroupAction(_previous: ActionResult<unknown> | null, form: FormData): Promise<ActionResult<unknown>> {
  const input = fieldsOf(form)
  return runAction(async () => {
    const actor = await requireUser()
    await assignTripToGroup(actor, assignGroupForm.parse(input))
    refresh()
    return null
  }, input.groupId ? 'manage.group.added' : 'manage.group.removed')
}
