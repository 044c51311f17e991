// POST /api/bookings/:bookingId/decision – the driver approves or declines a request
import { NextResponse } from 'next/server'
import { z } from 'zod'
import { requireUser } from '@/lib/auth/session'
import { decideRequest, decideRequestSchema } from '@/lib/bookings/decide-request'
import { readJson, route } from '@/lib/route'

const params = z.object({ bookingId: z.uuid() })
const body = decideRequestSchema.omit({ bookingId: true })

export const POST = route<{ bookingId: string }>(async (request, { params: raw }) => {
  const { bookingId } = params.parse(raw)
  const actor = await requireUser()
  return NextResponse.json(await decideRequest(actor, { bookingId, ...(await readJson(request, body)) }))
})
