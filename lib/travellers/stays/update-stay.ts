import { z } from 'zod'
import type { Actor } from '@/lib/auth/permissions'
import { recheckAfterChange } from '@/lib/bookings/recheck-bookings'
import { db } from '@/lib/db'
import { dbDateFromIso, todayInKz, type IsoDate } from '@/lib/dates/kz-date'
import { AppError } from '@/lib/errors'
import { isoDateSchema, optionalIsoDateSchema } from '../iso-date'
import type { StayWriteResult } from './add-stay'
import { findOwnStay } from './find-own-stay'
import { listStays } from './list-stays'
import { checkNoOverlapWithOpenStay, checkStayDates, secondOpenStayError, staySelect, toStayView, touchesAnother } from './stay-view'

/** Either date or both; `exitOn: null` (or '') reopens the stay (still in Kazakhstan). */
export const updateStaySchema = z
  .strictObject({
    entryOn: isoDateSchema.optional(),
    exitOn: optionalIsoDateSchema.optional(),
  })
  .refine((value) => value.entryOn !== undefined || value.exitOn !== undefined, { message: 'v.nothingToUpdate' })

export type UpdateStayInput = z.input<typeof updateStaySchema>

/**
 * Corrects a stay. Stays a completed run wrote (source RUN) are the rider's to correct too: the
 * driver marks who boarded, but only the rider knows when they really crossed.
 */
export async function updateStay(
  actor: Pick<Actor, 'id'>,
  stayId: string,
  input: UpdateStayInput,
  options: { travellerId?: string; today?: IsoDate } = {},
): Promise<StayWriteResult> {
  const today = options.today ?? todayInKz()
  const parsed = updateStaySchema.parse(input)
  const current = await findOwnStay(actor, stayId, options.travellerId)
  const next = {
    entryOn: parsed.entryOn ?? current.entryOn,
    exitOn: parsed.exitOn === undefined ? current.exitOn : parsed.exitOn,
  }
  checkStayDates(next, today)
  checkNoOverlapWithOpenStay({ id: stayId, ...next }, await listStays(actor, current.travellerId), today)
  let row
  try {
    const { count } = await db.stay.updateMany({
      where: { id: stayId, traveller: { accountId: actor.id } },
      data: { entryOn: dbDateFromIso(next.entryOn), exitOn: next.exitOn === null ? null : dbDateFromIso(next.exitOn) },
    })
    if (count === 0) throw new AppError('NOT_FOUND')
    row = await db.stay.findUniqueOrThrow({ where: { id: stayId }, select: staySelect })
  } catch (error) {
    throw secondOpenStayError(error) ?? error
  }
  const stay = toStayView(row)
  await recheckAfterChange({ travellerIds: [stay.travellerId] })
  return { stay, merged: touchesAnother(stay, await listStays(actor, stay.travellerId), today) }
}
