// GET /api/bookings/:bookingId/receipt – the receipt of a confirmed booking: run, crossing date, amount
import { NextResponse } from 'next/server'
import { z } from 'zod'
import { requireUser } from '@/lib/auth/session'
import { getReceipt } from '@/lib/bookings/get-receipt'
import { route } from '@/lib/route'

const params = z.object({ bookingId: z.uuid() })

export const GET = route<{ bookingId: string }>(async (_request, { params: raw }) => {
  const { bookingId } = params.parse(raw)
  return NextResponse.json(await getReceipt(await requireUser(), bookingId))
})
