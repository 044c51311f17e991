// POST /api/trips/:tripId/status – move a run to its next status (driver): boarding, departed, at the border, returned, completed, cancelled
import { NextResponse } from 'next/server'
import { z } from 'zod'
import { requireUser } from '@/lib/auth/session'
import { readJson, route } from '@/lib/route'
import { setTripStatus, setTripStatusSchema } from '@/lib/trips/set-trip-status'

const params = z.object({ tripId: z.uuid() })
const body = setTripStatusSchema.omit({ tripId: true })

export const POST = route<{ tripId: string }>(async (request, { params: raw }) => {
  const { tripId } = params.parse(raw)
  const actor = await requireUser()
  return NextResponse.json(await setTripStatus(actor, { tripId, ...(await readJson(request, body)) }))
})
