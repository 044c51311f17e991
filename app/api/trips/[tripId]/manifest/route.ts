// GET /api/trips/:tripId/manifest – riders, seats, payment states and legal verdicts of a run (its driver)
import { NextResponse } from 'next/server'
import { z } from 'zod'
import { requireUser } from '@/lib/auth/session'
import { route } from '@/lib/route'
import { getManifest } from '@/lib/trips/get-manifest'

const params = z.object({ tripId: z.uuid() })

export const GET = route<{ tripId: string }>(async (_request, { params: raw }) => {
  const { tripId } = params.parse(raw)
  return NextResponse.json(await getManifest(await requireUser(), tripId))
})
