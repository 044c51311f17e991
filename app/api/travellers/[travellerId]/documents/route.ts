// GET /api/travellers/:travellerId/documents – residence documents (type and dates); POST – add one (never a number)
import { NextResponse } from 'next/server'
import { requireUser } from '@/lib/auth/session'
import { readJson, route } from '@/lib/route'
import { addDocument, addDocumentSchema } from '@/lib/travellers/documents/add-document'
import { listDocuments } from '@/lib/travellers/documents/list-documents'

type Params = { travellerId: string }

export const dynamic = 'force-dynamic'

export const GET = route<Params>(async (_request, { params }) => {
  const actor = await requireUser()
  return NextResponse.json({ documents: await listDocuments(actor, params.travellerId) })
})

export const POST = route<Params>(async (request, { params }) => {
  const actor = await requireUser()
  const document = await addDocument(actor, params.travellerId, await readJson(request, addDocumentSchema))
  return NextResponse.json({ document }, { status: 201 })
})
