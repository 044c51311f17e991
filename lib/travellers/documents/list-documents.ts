import type { Actor } from '@/lib/auth/permissions'
import { db } from '@/lib/db'
import { findOwnTraveller } from '../find-own-traveller'
import { documentSelect, toDocumentView, type DocumentView } from './document-view'

export async function listDocuments(actor: Pick<Actor, 'id'>, travellerId: string): Promise<DocumentView[]> {
  await findOwnTraveller(actor, travellerId)
  const rows = await db.residenceDocument.findMany({
    where: { travellerId, traveller: { accountId: actor.id } },
    orderBy: [{ validFrom: 'desc' }, { createdAt: 'desc' }],
    select: documentSelect,
  })
  return rows.map(toDocumentView)
}
