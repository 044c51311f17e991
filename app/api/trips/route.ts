// GET /api/trips – search runs (public); POST /api/trips – publish a run or a recurring series (drivers)
import { NextResponse } from 'next/server'
import { requireRole } from '@/lib/auth/session'
import { readJson, readQuery, route } from '@/lib/route'
import { publishTrip } from '@/lib/trips/publish-trip'
import { searchTrips, searchTripsSchema } from '@/lib/trips/search-trips'
import { publishTripSchema } from '@/lib/trips/trip-input'

export const GET = route(async (request) => {
  const result = await searchTrips(readQuery(request, searchTripsSchema))
  return NextResponse.json(result)
})

export const POST = route(async (request) => {
  const actor = await requireRole('DRIVER')
  const input = await readJson(request, publishTripSchema)
  return NextResponse.json(await publishTrip(actor, input), { status: 201 })
})
