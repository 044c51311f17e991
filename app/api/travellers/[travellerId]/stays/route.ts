// GET /api/travellers/:travellerId/stays – the travel log; POST – add a stay ({ stay, merged })
import { NextResponse } from 'next/server'
import { requireUser } from '@/lib/auth/session'
import { readJson, route } from '@/lib/route'
import { addStay, addStaySchema } from '@/lib/travellers/stays/add-stay'
import { listStays } from '@/lib/travellers/stays/list-stays'

type Params = { travellerId: string }

export const dynamic = 'force-dynamic'

export const GET = route<Params>(async (_request, { params }) => {
  const actor = await requireUser()
  return NextResponse.json({ stays: await listStays(actor, params.travellerId) })
})

export const POST = route<Params>(async (request, { params }) => {
  const actor = await requireUser()
  const result = await addStay(actor, params.travellerId, await readJson(request, addStaySchema))
  return NextResponse.json(result, { status: 201 })
})
