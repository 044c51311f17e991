// GET /api/dispatch/:groupId/:date – the day board of a group (coordinators); If-None-Match → 304 while nothing changed
import { NextResponse } from 'next/server'
import { requireRole } from '@/lib/auth/session'
import { boardDaySchema } from '@/lib/dispatch/board-scope'
import { getDayBoard, getDayBoardVersion } from '@/lib/dispatch/get-day-board'
import { route } from '@/lib/route'

// Polled every few seconds by open boards: always revalidated, never served from a cache.
const CACHE = 'private, no-cache'

function matches(ifNoneMatch: string | null, etag: string): boolean {
  if (!ifNoneMatch) return false
  return ifNoneMatch.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag)
}

export const GET = route<{ groupId: string; date: string }>(async (request, { params }) => {
  const actor = await requireRole('COORDINATOR', 'ADMIN')
  const { groupId, date } = boardDaySchema.parse(params)
  const current = `"${await getDayBoardVersion(actor, groupId, date)}"`
  if (matches(request.headers.get('if-none-match'), current)) {
    return new Response(null, { status: 304, headers: { ETag: current, 'Cache-Control': CACHE } })
  }
  const board = await getDayBoard(actor, groupId, date)
  return NextResponse.json(board, { headers: { ETag: `"${board.version}"`, 'Cache-Control': CACHE } })
})
