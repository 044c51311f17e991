import type { Actor } from '@/lib/auth/permissions'
import { recheckAfterChange } from '@/lib/bookings/recheck-bookings'
import { db } from '@/lib/db'
import { AppError } from '@/lib/errors'
import { findOwnStay } from './find-own-stay'

export async function deleteStay(actor: Pick<Actor, 'id'>, stayId: string, options: { travellerId?: string } = {}): Promise<void> {
  const stay = await findOwnStay(actor, stayId, options.travellerId)
  const { count } = await db.stay.deleteMany({ where: { id: stayId, traveller: { accountId: actor.id } } })
  if (count === 0) throw new AppError('NOT_FOUND')
  await recheckAfterChange({ travellerIds: [stay.travellerId] })
}
