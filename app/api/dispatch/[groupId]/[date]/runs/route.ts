// POST /api/dispatch/:groupId/:date/runs – open a run on the board for one of the group's drivers and cars
import { NextResponse } from 'next/server'
import { requireRole } from '@/lib/auth/session'
import { db } from '@/lib/db'
import { boardDaySchema } from '@/lib/dispatch/board-scope'
import { requireGroupCoordinator } from '@/lib/dispatch/group-access'
import { openRun, openRunBodySchema, openRunSchema } from '@/lib/dispatch/open-run'
import { readJson, route } from '@/lib/route'

export const POST = route<{ groupId: string; date: string }>(async (request, { params }) => {
  const actor = await requireRole('COORDINATOR', 'ADMIN')
  const { groupId, date } = boardDaySchema.parse(params)
  // Someone else's group is not found before their body is even read (openRun checks again).
  await requireGroupCoordinator(db, actor, groupId)
  const body = await readJson(request, openRunBodySchema)
  return NextResponse.json(await openRun(actor, openRunSchema.parse({ ...body, groupId, departureOn: date })), { status: 201 })
})
