// POST /api/bookings/:bookingId/boarding – check a traveller in at the pickup: boarded or no-show (the driver)
import { NextResponse } from 'next/server'
import { z } from 'zod'
import { requireUser } from '@/lib/auth/session'
import { readJson, route } from '@/lib/route'
import { markBoarding, markBoardingSchema } from '@/lib/trips/mark-boarding'

const params = z.object({ bookingId: z.uuid() })
const body = markBoardingSchema.omit({ bookingId: true })

export const POST = route<{ bookingId: string }>(async (request, { params: raw }) => {
  const { bookingId } = params.parse(raw)
  const actor = await requireUser()
  return NextResponse.json(await markBoarding(actor, { bookingId, ...(await readJson(request, body)) }))
})
