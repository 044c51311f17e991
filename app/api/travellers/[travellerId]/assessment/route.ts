// GET /api/travellers/:travellerId/assessment?on=YYYY-MM-DD – the 90/180 assessment, calendar and registration reminder (on: today in Kazakhstan by default)
import { NextResponse } from 'next/server'
import { z } from 'zod'
import { requireUser } from '@/lib/auth/session'
import { todayInKz } from '@/lib/dates/kz-date'
import { readQuery, route } from '@/lib/route'
import { getStayStatus } from '@/lib/travellers/get-stay-status'
import { isoDateSchema } from '@/lib/travellers/iso-date'

type Params = { travellerId: string }

export const dynamic = 'force-dynamic'

const query = z.strictObject({ on: isoDateSchema.optional() })

export const GET = route<Params>(async (request, { params }) => {
  const actor = await requireUser()
  const { on } = readQuery(request, query)
  return NextResponse.json(await getStayStatus(actor, params.travellerId, on ?? todayInKz()))
})
