import type { Actor } from '@/lib/auth/permissions'
import { db } from '@/lib/db'
import { findOwnTraveller } from '../find-own-traveller'
import { staySelect, toStayView, type StayView } from './stay-view'

/** The traveller's travel log, latest entry first. */
export async function listStays(actor: Pick<Actor, 'id'>, travellerId: string): Promise<StayView[]> {
  await findOwnTraveller(actor, travellerId)
  const rows = await db.stay.findMany({
    where: { travellerId, traveller: { accountId: actor.id } },
    orderBy: [{ entryOn: 'desc' }, { createdAt: 'desc' }],
    select: staySelect,
  })
  return rows.map(toStayView)
}
