import type { Actor } from '@/lib/auth/permissions'
import { db } from '@/lib/db'
import { AppError } from '@/lib/errors'
import { isUuid } from '../find-own-traveller'
import { staySelect, toStayView, type StayView } from './stay-view'

/** A stay of one of the actor's travellers (and of `travellerId` when given), else NOT_FOUND. */
export async function findOwnStay(actor: Pick<Actor, 'id'>, stayId: string, travellerId?: string): Promise<StayView> {
  if (!isUuid(stayId) || (travellerId !== undefined && !isUuid(travellerId))) throw new AppError('NOT_FOUND')
  const row = await db.stay.findFirst({
    where: { id: stayId, traveller: { accountId: actor.id }, ...(travellerId !== undefined ? { travellerId } : {}) },
    select: staySelect,
  })
  if (!row) throw new AppError('NOT_FOUND')
  return toStayView(row)
}
