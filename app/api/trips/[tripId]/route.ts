// GET /api/trips/:tripId – a run's public details; PATCH – edit it (its driver); DELETE – cancel it
import { NextResponse } from 'next/server'
import { z } from 'zod'
import { getCurrentUser, requireUser } from '@/lib/auth/session'
import { readJson, readQuery, route } from '@/lib/route'
import { editTrip } from '@/lib/trips/edit-trip'
import { getTripDetails } from '@/lib/trips/get-trip-details'
import { toTripDetailsJson } from '@/lib/trips/trip-details-json'
import { setTripStatus } from '@/lib/trips/set-trip-status'
import { editTripSchema } from '@/lib/trips/trip-input'

const params = z.object({ tripId: z.uuid() })
const detailsQuery = z.strictObject({ seats: z.coerce.number().int().min(1).max(8).default(1) })

export const GET = route<{ tripId: string }>(async (request, { params: raw }) => {
  const { tripId } = params.parse(raw)
  const { seats } = readQuery(request, detailsQuery)
  const trip = await getTripDetails(tripId, await getCurrentUser(), seats)
  // What the run's page shows (the viewer's own booking is theirs; no internal ids for anyone).
  return NextResponse.json(toTripDetailsJson(trip))
})

export const PATCH = route<{ tripId: string }>(async (request, { params: raw }) => {
  const { tripId } = params.parse(raw)
  const actor = await requireUser()
  return NextResponse.json(await editTrip(actor, tripId, await readJson(request, editTripSchema)))
})

const cancelBody = z.strictObject({ reason: z.string().trim().max(300).optional() })

export const DELETE = route<{ tripId: string }>(async (request, { params: raw }) => {
  const { tripId } = params.parse(raw)
  const actor = await requireUser()
  const body = request.headers.get('content-type') ? await readJson(request, cancelBody) : {}
  return NextResponse.json(await setTripStatus(actor, { tripId, status: 'CANCELLED', reason: body.reason }))
})
