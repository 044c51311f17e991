// POST /api/bookings/:bookingId/no-show – the rider says the driver did not come
import { NextResponse } from 'next/server'
import { z } from 'zod'
import { requireUser } from '@/lib/auth/session'
import { reportDriverNoShow } from '@/lib/no-shows/report-driver-no-show'
import { readJson, route } from '@/lib/route'

const params = z.object({ bookingId: z.uuid() })
const body = z.strictObject({})

export const POST = route<{ bookingId: string }>(async (request, { params: raw }) => {
  const { bookingId } = params.parse(raw)
  const actor = await requireUser()
  if (request.headers.get('content-type')) await readJson(request, body)
  return NextResponse.json(await reportDriverNoShow(actor, bookingId), { status: 201 })
})
