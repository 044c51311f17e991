// DELETE /api/groups/:groupId/invites/:inviteId – revoke an invitation (the code stops working)
import { NextResponse } from 'next/server'
import { z } from 'zod'
import { requireRole } from '@/lib/auth/session'
import { revokeInvite } from '@/lib/dispatch/revoke-invite'
import { route } from '@/lib/route'

const params = z.object({ groupId: z.uuid(), inviteId: z.uuid() })

export const DELETE = route<{ groupId: string; inviteId: string }>(async (_request, { params: raw }) => {
  const actor = await requireRole('COORDINATOR', 'ADMIN')
  const { groupId, inviteId } = params.parse(raw)
  return NextResponse.json(await revokeInvite(actor, groupId, inviteId))
})
