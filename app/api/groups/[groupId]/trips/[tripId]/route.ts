// POST /api/groups/:groupId/trips/:tripId – a driver puts their own run into a group they belong to; DELETE takes it out
import { NextResponse } from 'next/server'
import { z } from 'zod'
import { requireRole } from '@/lib/auth/session'
import { assignTripToGroup } from '@/lib/dispatch/assign-trip-to-group'
import { route } from '@/lib/route'

const params = z.object({ groupId: z.uuid(), tripId: z.uuid() })

export const POST = route<{ groupId: string; tripId: string }>(async (_request, { params: raw }) => {
  const actor = await requireRole('DRIVER', 'ADMIN')
  const { groupId, tripId } = params.parse(raw)
  return NextResponse.json(await assignTripToGroup(actor, { tripId, groupId }))
})

export const DELETE = route<{ groupId: string; tripId: string }>(async (_request, { params: raw }) => {
  const actor = await requireRole('DRIVER', 'ADMIN')
  const { groupId, tripId } = params.parse(raw)
  return NextResponse.json(await assignTripToGroup(actor, { tripId, groupId: null, fromGroupId: groupId }))
})
