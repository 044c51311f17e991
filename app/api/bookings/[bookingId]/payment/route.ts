// POST /api/bookings/:bookingId/payment – payment log: the rider marks PAID, the driver CONFIRMED, either DISPUTED
import { NextResponse } from 'next/server'
import { z } from 'zod'
import { requireUser } from '@/lib/auth/session'
import { markPayment, markPaymentSchema } from '@/lib/bookings/mark-payment'
import { readJson, route } from '@/lib/route'

const params = z.object({ bookingId: z.uuid() })
const body = markPaymentSchema.omit({ bookingId: true })

export const POST = route<{ bookingId: string }>(async (request, { params: raw }) => {
  const { bookingId } = params.parse(raw)
  const actor = await requireUser()
  return NextResponse.json(await markPayment(actor, { bookingId, ...(await readJson(request, body)) }))
})
