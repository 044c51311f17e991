// POST /api/groups/:groupId/invites – a new invitation code for drivers (expiry, number of uses)
import { NextResponse } from 'next/server'
import { z } from 'zod'
import { requireRole } from '@/lib/auth/session'
import { createInvite, createInviteSchema } from '@/lib/dispatch/create-invite'
import { readJson, route } from '@/lib/route'

const params = z.object({ groupId: z.uuid() })

export const POST = route<{ groupId: string }>(async (request, { params: raw }) => {
  const actor = await requireRole('COORDINATOR', 'ADMIN')
  const { groupId } = params.parse(raw)
  return NextResponse.json(await createInvite(actor, groupId, await readJson(request, createInviteSchema)), { status: 201 })
})
