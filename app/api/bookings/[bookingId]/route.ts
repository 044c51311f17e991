// GET /api/bookings/:bookingId – one of the rider's bookings (the driver's contact once confirmed); DELETE – the rider cancels it or leaves the waitlist
import { NextResponse } from 'next/server'
import { z } from 'zod'
import { requireUser } from '@/lib/auth/session'
import { cancelBooking } from '@/lib/bookings/cancel-booking'
import { getMyBooking } from '@/lib/bookings/list-my-bookings'
import { route } from '@/lib/route'

const params = z.object({ bookingId: z.uuid() })

export const GET = route<{ bookingId: string }>(async (_request, { params: raw }) => {
  const { bookingId } = params.parse(raw)
  return NextResponse.json({ booking: await getMyBooking(await requireUser(), bookingId) })
})

export const DELETE = route<{ bookingId: string }>(async (_request, { params: raw }) => {
  const { bookingId } = params.parse(raw)
  return NextResponse.json(await cancelBooking(await requireUser(), { bookingId }))
})
