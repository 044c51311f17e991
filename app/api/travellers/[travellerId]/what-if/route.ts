// GET /api/travellers/:travellerId/what-if?exitOn=YYYY-MM-DD&returnOn=YYYY-MM-DD – would this run be legal? (returnOn absent: one way)
import { NextResponse } from 'next/server'
import { requireUser } from '@/lib/auth/session'
import { readQuery, route } from '@/lib/route'
import { whatIf, whatIfSchema } from '@/lib/travellers/what-if'

type Params = { travellerId: string }

export const dynamic = 'force-dynamic'

export const GET = route<Params>(async (request, { params }) => {
  const actor = await requireUser()
  const plan = readQuery(request, whatIfSchema)
  return NextResponse.json(await whatIf(actor, params.travellerId, plan.exitOn, plan.returnOn ?? null))
})
