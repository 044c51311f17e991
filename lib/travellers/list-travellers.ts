import type { Actor } from '@/lib/auth/permissions'
import { db } from '@/lib/db'
import { travellerSelect, type TravellerSummary } from './find-own-traveller'

/** The account's travellers: the account holder first, then companions in the order added. */
export async function listTravellers(actor: Pick<Actor, 'id'>): Promise<TravellerSummary[]> {
  return db.traveller.findMany({
    where: { accountId: actor.id },
    orderBy: [{ isSelf: 'desc' }, { createdAt: 'asc' }, { id: 'asc' }],
    select: travellerSelect,
  })
}
