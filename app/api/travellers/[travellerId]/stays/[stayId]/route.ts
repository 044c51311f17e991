// PATCH /api/travellers/:travellerId/stays/:stayId – correct a stay ({ stay, merged }); DELETE – remove it
import { NextResponse } from 'next/server'
import { requireUser } from '@/lib/auth/session'
import { readJson, route } from '@/lib/route'
import { deleteStay } from '@/lib/travellers/stays/delete-stay'
import { updateStay, updateStaySchema } from '@/lib/travellers/stays/update-stay'

type Params = { travellerId: string; stayId: string }

export const PATCH = route<Params>(async (request, { params }) => {
  const actor = await requireUser()
  const result = await updateStay(actor, params.stayId, await readJson(request, updateStaySchema), { travellerId: params.travellerId })
  return NextResponse.json(result)
})

export const DELETE = route<Params>(async (_request, { params }) => {
  const actor = await requireUser()
  await deleteStay(actor, params.stayId, { travellerId: params.travellerId })
  return new Response(null, { status: 204 })
})
