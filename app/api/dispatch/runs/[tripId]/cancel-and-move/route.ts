// POST /api/dispatch/runs/:tripId/cancel-and-move – cancel a run and move its parties to other runs, all or nothing
import { NextResponse } from 'next/server'
import { z } from 'zod'
import { requireRole } from '@/lib/auth/session'
import { cancelRunAndMove, cancelRunAndMoveSchema } from '@/lib/dispatch/cancel-run-and-move'
import { readJson, route } from '@/lib/route'

const params = z.object({ tripId: z.uuid() })
const body = cancelRunAndMoveSchema.omit({ tripId: true })

export const POST = route<{ tripId: string }>(async (request, { params: raw }) => {
  const actor = await requireRole('COORDINATOR', 'ADMIN')
  const { tripId } = params.parse(raw)
  return NextResponse.json(await cancelRunAndMove(actor, { tripId, ...(await readJson(request, body)) }))
})
