// The what-if planner: "if I leave on X and come back on Y" — the same check a booking makes.
import { z } from 'zod'
import type { Actor } from '@/lib/auth/permissions'
import { addDaysIso, todayInKz, type IsoDate } from '@/lib/dates/kz-date'
import { AppError, type FieldMessage } from '@/lib/errors'
import { loadPlannedTrips } from '@/lib/bookings/legal-check'
import { db } from '@/lib/db'
import { checkRun, type RunCheck } from '@/lib/stay-rules'
import { isoDateSchema, optionalIsoDateSchema } from './iso-date'
import { loadStayInput, withEngine } from './load-stay-input'

/** Plans further ahead than this are typing errors (and the log cannot know that far). */
export const WHAT_IF_HORIZON_DAYS = 365

export const whatIfSchema = z
  .strictObject({
    exitOn: isoDateSchema,
    returnOn: optionalIsoDateSchema.optional(),
  })
  .refine((value) => value.returnOn == null || value.returnOn >= value.exitOn, { message: 'v.returnBeforeExit', path: ['returnOn'] })

export type WhatIfInput = z.input<typeof whatIfSchema>

export async function whatIf(
  actor: Pick<Actor, 'id'>,
  travellerId: string,
  exitOn: IsoDate,
  returnOn: IsoDate | null,
  today: IsoDate = todayInKz(),
): Promise<RunCheck> {
  const parsed = whatIfSchema.parse({ exitOn, returnOn })
  const plan = { exitOn: parsed.exitOn, returnOn: parsed.returnOn ?? null }
  const fields: Record<string, FieldMessage[]> = {}
  const horizon = addDaysIso(today, WHAT_IF_HORIZON_DAYS)
  if (plan.exitOn < today) fields.exitOn = [{ key: 'validation.dateInPast' }]
  else if (plan.exitOn > horizon) fields.exitOn = [{ key: 'validation.dateTooFar', params: { days: WHAT_IF_HORIZON_DAYS } }]
  if (plan.returnOn !== null && plan.returnOn > addDaysIso(plan.exitOn, WHAT_IF_HORIZON_DAYS)) {
    fields.returnOn = [{ key: 'validation.dateTooFar', params: { days: WHAT_IF_HORIZON_DAYS } }]
  }
  if (Object.keys(fields).length > 0) throw new AppError('VALIDATION', { fields })
  const input = await loadStayInput(actor, travellerId)
  // The traveller's booked runs count as they will happen (a booking checks the same way); a run
  // planned on exactly these dates is the one being asked about, not another trip.
  const plannedTrips = (await loadPlannedTrips(db, travellerId)).filter((trip) => !(trip.exitOn === plan.exitOn && trip.returnOn === plan.returnOn))
  return withEngine(input.traveller, () =>
    checkRun({ citizenship: input.traveller.citizenship, stays: input.stays, documents: input.documents, plannedTrips, exitOn: plan.exitOn, returnOn: plan.returnOn }),
  )
}
