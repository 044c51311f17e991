// DELETE /api/bookings/:bookingId – the rider cancels their booking or leaves the waitlist
import { NextResponse } from 'next/server'
import { z } from 'zod'
import { requireUser } from '@/lib/auth/session'
import { cancelBooking } from '@/lib/bookings/cancel-booking'
import { route } from '@/lib/route'

const params = z.object({ bookingId: z.uuid() })

export const DELETE = route<{ bookingId: string }>(async (_request, { params: raw }) => {
  const { bookingId } = params.parse(raw)
  return NextResponse.json(await cancelBooking(await requireUser(), { bookingId }))
})
