// PATCH /api/travellers/:travellerId – rename or correct citizenship; DELETE – remove with their travel log
import { NextResponse } from 'next/server'
import { requireUser } from '@/lib/auth/session'
import { readJson, route } from '@/lib/route'
import { deleteTraveller } from '@/lib/travellers/delete-traveller'
import { updateTraveller, updateTravellerSchema } from '@/lib/travellers/update-traveller'

type Params = { travellerId: string }

export const PATCH = route<Params>(async (request, { params }) => {
  const actor = await requireUser()
  const traveller = await updateTraveller(actor, params.travellerId, await readJson(request, updateTravellerSchema))
  return NextResponse.json({ traveller })
})

export const DELETE = route<Params>(async (_request, { params }) => {
  const actor = await requireUser()
  await deleteTraveller(actor, params.travellerId)
  return new Response(null, { status: 204 })
})
