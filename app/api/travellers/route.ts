// GET /api/travellers – list the rider's travellers; POST – add a companion (or, with "self": true, the rider's own profile)
import { NextResponse } from 'next/server'
import { z } from 'zod'
import { requireUser } from '@/lib/auth/session'
import { readJson, route } from '@/lib/route'
import { createTraveller, createTravellerSchema } from '@/lib/travellers/create-traveller'
import { ensureSelfTraveller, ensureSelfTravellerSchema } from '@/lib/travellers/ensure-self-traveller'
import { listTravellers } from '@/lib/travellers/list-travellers'

export const dynamic = 'force-dynamic'

const selfBody = ensureSelfTravellerSchema.extend({ self: z.literal(true) })

export const GET = route(async () => {
  const actor = await requireUser()
  return NextResponse.json({ travellers: await listTravellers(actor) })
})

export const POST = route(async (request) => {
  const actor = await requireUser()
  const body = await readJson(request, z.record(z.string(), z.unknown()))
  // Two shapes, told apart by "self" so that each reports its own field errors.
  const traveller = 'self' in body
    ? await ensureSelfTraveller(actor, { citizenship: selfBody.parse(body).citizenship })
    : await createTraveller(actor, createTravellerSchema.parse(body))
  return NextResponse.json({ traveller }, { status: 201 })
})
