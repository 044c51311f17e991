// POST /api/trips/:tripId/bookings – book seats for a party after the legal check (Idempotency-Key header honoured)
import { NextResponse } from 'next/server'
import { z } from 'zod'
import { requireUser } from '@/lib/auth/session'
import { bookSeats, bookSeatsSchema } from '@/lib/bookings/book-seats'
import { readJson, route } from '@/lib/route'

const params = z.object({ tripId: z.uuid() })
const body = bookSeatsSchema.omit({ tripId: true, idempotencyKey: true })

export const POST = route<{ tripId: string }>(async (request, { params: raw }) => {
  const { tripId } = params.parse(raw)
  const actor = await requireUser()
  const input = await readJson(request, body)
  const idempotencyKey = request.headers.get('idempotency-key') ?? undefined
  const booking = await bookSeats(actor, bookSeatsSchema.parse({ ...input, tripId, idempotencyKey }))
  return NextResponse.json(booking, { status: booking.replayed ? 200 : 201 })
})
