import type { Actor } from '@/lib/auth/permissions'
import { recheckAfterChange } from '@/lib/bookings/recheck-bookings'
import { db } from '@/lib/db'
import { AppError } from '@/lib/errors'
import { isUuid } from '../find-own-traveller'

export async function deleteDocument(actor: Pick<Actor, 'id'>, documentId: string, options: { travellerId?: string } = {}): Promise<void> {
  if (!isUuid(documentId) || (options.travellerId !== undefined && !isUuid(options.travellerId))) throw new AppError('NOT_FOUND')
  const where = { id: documentId, traveller: { accountId: actor.id }, ...(options.travellerId !== undefined ? { travellerId: options.travellerId } : {}) }
  const document = await db.residenceDocument.findFirst({ where, select: { travellerId: true } })
  const { count } = await db.residenceDocument.deleteMany({ where })
  if (count === 0 || !document) throw new AppError('NOT_FOUND')
  await recheckAfterChange({ travellerIds: [document.travellerId] })
}
