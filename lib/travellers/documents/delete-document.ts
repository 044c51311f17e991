import type { Actor } from '@/lib/auth/permissions'
import { db } from '@/lib/db'
import { AppError } from '@/lib/errors'
import { isUuid } from '../find-own-traveller'

export async function deleteDocument(actor: Pick<Actor, 'id'>, documentId: string, options: { travellerId?: string } = {}): Promise<void> {
  if (!isUuid(documentId) || (options.travellerId !== undefined && !isUuid(options.travellerId))) throw new AppError('NOT_FOUND')
  const { count } = await db.residenceDocument.deleteMany({
    where: { id: documentId, traveller: { accountId: actor.id }, ...(options.travellerId !== undefined ? { travellerId: options.travellerId } : {}) },
  })
  if (count === 0) throw new AppError('NOT_FOUND')
}
