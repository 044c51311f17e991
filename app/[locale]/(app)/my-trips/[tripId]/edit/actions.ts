'use server'

import { revalidatePath } from 'next/cache'
import { z } from 'zod'
import { formToObject, runAction, type ActionResult } from '@/lib/action'
import { requireUser } from '@/lib/auth/session'
import { AppError } from '@/lib/errors'
import { editTrip } from '@/lib/trips/edit-trip'
import { loadDriverTrip } from '../../load-driver-trip'
import { parseEditForm } from '../../trip-form-input'

export type EditTripResult = { notified: number; changes: string[] }

/** Saves the changes the driver made; riders hurt by them (time, price up, checkpoint, pickup)
 * are told by the service and may cancel free. The result says how many were told. */
export async function editTripAction(_previous: ActionResult<EditTripResult> | null, form: FormData): Promise<ActionResult<EditTripResult>> {
  return runAction(async () => {
    const actor = await requireUser()
    const fields = formToObject(form)
    const tripId = z.uuid().safeParse(fields.tripId)
    if (!tripId.success) throw new AppError('NOT_FOUND')
    const { tripId: _id, ...rest } = fields
    const trip = await loadDriverTrip(actor, tripId.data)
    const result = await editTrip(actor, tripId.data, parseEditForm(rest, trip))
    revalidatePath('/[locale]/my-trips', 'layout')
    return { notified: result.notified, changes: result.changes }
  })
}
