// GET /api/dispatch/:groupId/:date/runs/:tripId – one run of the day board with all its parties (a run opened on a busy day's board)
import { NextResponse } from 'next/server'
import { z } from 'zod'
import { requireRole } from '@/lib/auth/session'
import { boardDaySchema } from '@/lib/dispatch/board-scope'
import { getBoardRun } from '@/lib/dispatch/get-day-board'
import { route } from '@/lib/route'

const paramsSchema = boardDaySchema.extend({ tripId: z.uuid() })

export const GET = route<{ groupId: string; date: string; tripId: string }>(async (_request, { params }) => {
  const actor = await requireRole('COORDINATOR', 'ADMIN')
  const { groupId, date, tripId } = paramsSchema.parse(params)
  return NextResponse.json(await getBoardRun(actor, groupId, date, tripId), { headers: { 'Cache-Control': 'private, no-cache' } })
})
