// GET /api/dispatch/:groupId/:date – the day board of a group (coordinators); If-None-Match → 304 while nothing changed; ?parties=auto leaves a busy day's confirmed parties to GET …/runs/:tripId
import { requireRole } from '@/lib/auth/session'
import { boardDaySchema } from '@/lib/dispatch/board-scope'
import { boardQuerySchema, getDayBoardIfChanged } from '@/lib/dispatch/get-day-board'
import { readQuery, route } from '@/lib/route'

// Polled every few seconds by open boards: always revalidated, never served from a cache.
const CACHE = 'private, no-cache'

/** The version a client says it has, if If-None-Match names one (weak or strong). */
function knownVersion(ifNoneMatch: string | null): string | null {
  const tag = ifNoneMatch?.split(',')[0]?.trim().replace(/^W\//, '')
  return tag && /^"[0-9a-f]{32}"$/.test(tag) ? tag.slice(1, -1) : null
}

export const GET = route<{ groupId: string; date: string }>(async (request, { params }) => {
  const actor = await requireRole('COORDINATOR', 'ADMIN')
  const { groupId, date } = boardDaySchema.parse(params)
  const { parties } = readQuery(request, boardQuerySchema)
  // The version is computed once: it answers 304, or it is the ETag of the board read after it.
  const { version, json } = await getDayBoardIfChanged(actor, groupId, date, knownVersion(request.headers.get('if-none-match')), { parties })
  const etag = `"${version}"`
  if (json === null) return new Response(null, { status: 304, headers: { ETag: etag, 'Cache-Control': CACHE } })
  // The board's JSON as PostgreSQL and the builder wrote it: not parsed and serialised again.
  // As bytes: a string body is checked character by character (undici's toUSVString), ~7% of a busy
  // day's request; PostgreSQL's UTF-8 text is well-formed already.
  return new Response(Buffer.from(json), { headers: { 'Content-Type': 'application/json', ETag: etag, 'Cache-Control': CACHE } })
})
