// Since 2026-07-01 (MVD Order No. 923 of 2025-11-17) a visa-free visitor registers online within
// 30 days of entry. We cannot see the registration; the rider ticks it and the reminder stops.
import type { Actor } from '@/lib/auth/permissions'
import { db } from '@/lib/db'
import { dbDateFromIso, todayInKz, type IsoDate } from '@/lib/dates/kz-date'
import { AppError } from '@/lib/errors'
import { findOwnStay } from './find-own-stay'
import { staySelect, toStayView, type StayView } from './stay-view'

/** Notes that the rider registered for this stay, on `today` (Kazakhstan date). */
export async function markRegistered(actor: Pick<Actor, 'id'>, stayId: string, today: IsoDate = todayInKz()): Promise<StayView> {
  await findOwnStay(actor, stayId)
  const { count } = await db.stay.updateMany({
    where: { id: stayId, traveller: { accountId: actor.id } },
    data: { registrationNotedOn: dbDateFromIso(today) },
  })
  if (count === 0) throw new AppError('NOT_FOUND')
  return toStayView(await db.stay.findUniqueOrThrow({ where: { id: stayId }, select: staySelect }))
}
