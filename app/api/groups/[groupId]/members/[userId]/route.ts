// DELETE /api/groups/:groupId/members/:userId – remove a member (coordinators), or leave the group (your own id)
import { NextResponse } from 'next/server'
import { z } from 'zod'
import { requireUser } from '@/lib/auth/session'
import { leaveGroup } from '@/lib/dispatch/leave-group'
import { removeMember } from '@/lib/dispatch/remove-member'
import { route } from '@/lib/route'

const params = z.object({ groupId: z.uuid(), userId: z.uuid() })

export const DELETE = route<{ groupId: string; userId: string }>(async (_request, { params: raw }) => {
  const actor = await requireUser()
  const { groupId, userId } = params.parse(raw)
  return NextResponse.json(userId === actor.id ? await leaveGroup(actor, groupId) : await removeMember(actor, groupId, userId))
})
