'use server'

import { revalidatePath } from 'next/cache'
import { z } from 'zod'
import { db } from '@/lib/db'
import { formToObject, runAction, type ActionResult } from '@/lib/action'
import { requireRole } from '@/lib/auth/session'
import { redirect } from '@/lib/i18n/navigation'
import { publishTrip } from '@/lib/trips/publish-trip'
import { parsePublishForm } from '../trip-form-input'

/** Publishes a run (or a weekly series) and goes to it: a single run to its manage page, a series
 * to "My runs" with the dates created and the dates skipped (checkpoint closed). */
export async function publishTripAction(_previous: ActionResult<null> | null, form: FormData): Promise<ActionResult<null>> {
  return runAction<null>(async (locale) => {
    const actor = await requireRole('DRIVER')
    const fields = formToObject(form)
    // The chosen car's seats, for a "not more than N" that matches the hint (the service checks again).
    const car = typeof fields.carId === 'string' && z.uuid().safeParse(fields.carId).success
      ? await db.car.findFirst({ where: { id: fields.carId, ownerId: actor.id }, select: { seats: true } })
      : null
    const result = await publishTrip(actor, parsePublishForm(fields, car?.seats))
    revalidatePath('/[locale]/my-trips', 'layout')
    if (!result.seriesId) {
      return redirect({ href: { pathname: `/my-trips/${result.tripIds[0]}`, query: { published: '1' } }, locale })
    }
    return redirect({
      href: { pathname: '/my-trips', query: { series: result.seriesId, ...(result.skippedDates.length ? { skipped: result.skippedDates.join(',') } : {}) } },
      locale,
    })
  })
}
