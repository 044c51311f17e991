// GET /api/groups/:groupId – a group as its member sees it (coordinators: roster, cars, invitations)
import { NextResponse } from 'next/server'
import { z } from 'zod'
import { requireUser } from '@/lib/auth/session'
import { getGroup } from '@/lib/dispatch/get-group'
import { route } from '@/lib/route'

const params = z.object({ groupId: z.uuid() })

export const GET = route<{ groupId: string }>(async (_request, { params: raw }) => {
  const actor = await requireUser()
  const { groupId } = params.parse(raw)
  return NextResponse.json(await getGroup(actor, groupId))
})
