// POST /api/no-shows/:noShowId/dispute – the member said not to have come contests it (within 7 days)
import { NextResponse } from 'next/server'
import { z } from 'zod'
import { requireUser } from '@/lib/auth/session'
import { disputeNoShow, disputeNoShowSchema } from '@/lib/no-shows/dispute-no-show'
import { readJson, route } from '@/lib/route'

const params = z.object({ noShowId: z.uuid() })

export const POST = route<{ noShowId: string }>(async (request, { params: raw }) => {
  const { noShowId } = params.parse(raw)
  const actor = await requireUser()
  return NextResponse.json(await disputeNoShow(actor, noShowId, await readJson(request, disputeNoShowSchema)))
})
