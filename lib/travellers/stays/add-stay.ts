import { z } from 'zod'
import type { Actor } from '@/lib/auth/permissions'
import { recheckAfterChange } from '@/lib/bookings/recheck-bookings'
import { db } from '@/lib/db'
import { dbDateFromIso, todayInKz, type IsoDate } from '@/lib/dates/kz-date'
import { findOwnTraveller } from '../find-own-traveller'
import { isoDateSchema, optionalIsoDateSchema } from '../iso-date'
import { listStays } from './list-stays'
import { checkNoOverlapWithOpenStay, checkStayDates, secondOpenStayError, staySelect, toStayView, touchesAnother, type StayView } from './stay-view'

/** A stay in Kazakhstan: entry day and exit day both count; no exit = still there. */
export const addStaySchema = z.strictObject({
  entryOn: isoDateSchema,
  exitOn: optionalIsoDateSchema.optional(),
})

export type AddStayInput = z.input<typeof addStaySchema>

/** `merged`: the stay overlaps or touches another record; they count as one period. */
export type StayWriteResult = { stay: StayView; merged: boolean }

export async function addStay(actor: Pick<Actor, 'id'>, travellerId: string, input: AddStayInput, today: IsoDate = todayInKz()): Promise<StayWriteResult> {
  const parsed = addStaySchema.parse(input)
  const fields = { entryOn: parsed.entryOn, exitOn: parsed.exitOn ?? null }
  checkStayDates(fields, today)
  await findOwnTraveller(actor, travellerId)
  checkNoOverlapWithOpenStay(fields, await listStays(actor, travellerId), today)
  let row
  try {
    row = await db.stay.create({
      data: { travellerId, entryOn: dbDateFromIso(fields.entryOn), exitOn: fields.exitOn === null ? null : dbDateFromIso(fields.exitOn), source: 'MANUAL' },
      select: staySelect,
    })
  } catch (error) {
    throw secondOpenStayError(error) ?? error
  }
  const stay = toStayView(row)
  await recheckAfterChange({ travellerIds: [stay.travellerId] })
  return { stay, merged: touchesAnother(stay, await listStays(actor, travellerId), today) }
}
