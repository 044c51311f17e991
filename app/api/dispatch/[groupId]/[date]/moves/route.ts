// POST /api/dispatch/:groupId/:date/moves – move a party to another run of the board (capacity, legal re-check, notices, audit)
import { NextResponse } from 'next/server'
import { requireRole } from '@/lib/auth/session'
import { boardDaySchema } from '@/lib/dispatch/board-scope'
import { movePartySchema } from '@/lib/dispatch/move-party'
import { movePartyOnBoard } from '@/lib/dispatch/move-party-on-board'
import { readJson, route } from '@/lib/route'

export const POST = route<{ groupId: string; date: string }>(async (request, { params }) => {
  const actor = await requireRole('COORDINATOR', 'ADMIN')
  const { groupId, date } = boardDaySchema.parse(params)
  return NextResponse.json(await movePartyOnBoard(actor, groupId, date, await readJson(request, movePartySchema)))
})
