// POST /api/dispatch/bookings/:bookingId/promote – give a waitlisted party seats on its run, if it fits (legal check again)
import { NextResponse } from 'next/server'
import { requireRole } from '@/lib/auth/session'
import { promoteParty, promotePartySchema } from '@/lib/dispatch/promote-party'
import { route } from '@/lib/route'

export const POST = route<{ bookingId: string }>(async (_request, { params }) => {
  const actor = await requireRole('COORDINATOR', 'ADMIN')
  return NextResponse.json(await promoteParty(actor, promotePartySchema.parse(params)))
})
