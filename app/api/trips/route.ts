// GET /api/trips – search runs (public); POST /api/trips – publish a run or a recurring series (drivers)
import { NextResponse } from 'next/server'
import { getCurrentUser, requireRole } from '@/lib/auth/session'
import { clientIpFrom } from '@/lib/client-ip'
import { AppError } from '@/lib/errors'
import { searchLimiter } from '@/lib/rate-limit'
import { readJson, readQuery, route } from '@/lib/route'
import { publishTrip } from '@/lib/trips/publish-trip'
import { searchTripsJson, searchTripsSchema } from '@/lib/trips/search-trips'
import { publishTripSchema } from '@/lib/trips/trip-input'

export const GET = route(async (request) => {
  const limit = await searchLimiter(clientIpFrom(request.headers))
  if (!limit.allowed) throw new AppError('RATE_LIMITED', { params: { seconds: limit.retryAfterSeconds }, retryAfterSeconds: limit.retryAfterSeconds })
  const input = readQuery(request, searchTripsSchema)
  // Signed in: runs of drivers blocked either way are left out. Without a session cookie (most
  // searches) the session is not looked up at all.
  const signedIn = request.cookies.getAll().some((c) => c.name.includes('next-auth.session-token'))
  // The JSON as the search wrote it (no object to stringify again).
  const json = await searchTripsJson(input, new Date(), signedIn ? await getCurrentUser() : null)
  return new Response(json, { headers: { 'content-type': 'application/json' } })
})

export const POST = route(async (request) => {
  const actor = await requireRole('DRIVER')
  const input = await readJson(request, publishTripSchema)
  return NextResponse.json(await publishTrip(actor, input), { status: 201 })
})
