// GET /api/dispatch/:groupId/:date/summary – the day in figures: seats offered and sold, fill rate, no-shows, money per run
import { NextResponse } from 'next/server'
import { requireRole } from '@/lib/auth/session'
import { boardDaySchema } from '@/lib/dispatch/board-scope'
import { getDaySummary } from '@/lib/dispatch/get-day-summary'
import { route } from '@/lib/route'

export const GET = route<{ groupId: string; date: string }>(async (_request, { params }) => {
  const actor = await requireRole('COORDINATOR', 'ADMIN')
  const { groupId, date } = boardDaySchema.parse(params)
  return NextResponse.json(await getDaySummary(actor, groupId, date), { headers: { 'Cache-Control': 'private, no-cache' } })
})
