// DELETE /api/travellers/:travellerId/documents/:documentId – remove a residence document
import { requireUser } from '@/lib/auth/session'
import { route } from '@/lib/route'
import { deleteDocument } from '@/lib/travellers/documents/delete-document'

type Params = { travellerId: string; documentId: string }

export const DELETE = route<Params>(async (_request, { params }) => {
  const actor = await requireUser()
  await deleteDocument(actor, params.documentId, { travellerId: params.travellerId })
  return new Response(null, { status: 204 })
})
