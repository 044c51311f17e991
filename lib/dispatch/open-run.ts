// A coordinator opens a run on the day board: one of the group's drivers, in one of that driver's
// cars, with the usual route, time, seats and price. The same rules as a driver publishing it
// (lib/trips/publish-trip.ts); the run belongs to the group from the start and is audited.
import { z } from 'zod'
import type { Actor } from '@/lib/auth/permissions'
import { publishTripFor } from '@/lib/trips/publish-trip'
import { refineTripFields, tripFieldsSchema } from '@/lib/trips/trip-input'

/** The fields without cross-field rules (for `.omit()` in the route, which fills groupId and the date). */
export const openRunFieldsSchema = tripFieldsSchema.extend({ groupId: z.uuid(), driverId: z.uuid() })

export const openRunSchema = openRunFieldsSchema.superRefine(refineTripFields)

export type OpenRunInput = z.infer<typeof openRunSchema>

export async function openRun(actor: Actor, input: OpenRunInput, now: Date = new Date()): Promise<{ tripId: string }> {
  const { driverId, ...fields } = input
  const { tripIds } = await publishTripFor(actor, driverId, fields, now)
  return { tripId: tripIds[0]! }
}

/** The JSON body of POST /api/dispatch/:groupId/:date/runs: the group and the date come from the path. */
export const openRunBodySchema = openRunFieldsSchema.omit({ groupId: true, departureOn: true })
