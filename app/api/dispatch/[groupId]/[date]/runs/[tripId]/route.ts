// GET /api/dispatch/:groupId/:date/runs/:tripId – one run of the day board with all its parties (a run opened on a busy day's board)
import { z } from 'zod'
import { requireRole } from '@/lib/auth/session'
import { boardDaySchema } from '@/lib/dispatch/board-scope'
import { getBoardRunJson } from '@/lib/dispatch/get-day-board'
import { route } from '@/lib/route'

const paramsSchema = boardDaySchema.extend({ tripId: z.uuid() })

export const GET = route<{ groupId: string; date: string; tripId: string }>(async (_request, { params }) => {
  const actor = await requireRole('COORDINATOR', 'ADMIN')
  const { groupId, date, tripId } = paramsSchema.parse(params)
  const json = await getBoardRunJson(actor, groupId, date, tripId)
  // As bytes: a string body is checked character by character (undici's toUSVString), ~7% of a busy
  // day's request; PostgreSQL's UTF-8 text is well-formed already.
  return new Response(Buffer.from(json), { headers: { 'Content-Type': 'application/json', 'Cache-Control': 'private, no-cache' } })
})
