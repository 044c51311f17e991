// GET /api/groups – the groups I belong to; POST /api/groups – create a group (coordinators)
import { NextResponse } from 'next/server'
import { requireRole, requireUser } from '@/lib/auth/session'
import { createGroup, createGroupSchema } from '@/lib/dispatch/create-group'
import { listMyGroups } from '@/lib/dispatch/list-my-groups'
import { readJson, route } from '@/lib/route'

export const GET = route(async () => {
  const actor = await requireUser()
  return NextResponse.json({ groups: await listMyGroups(actor) })
})

export const POST = route(async (request) => {
  const actor = await requireRole('COORDINATOR', 'ADMIN')
  return NextResponse.json(await createGroup(actor, await readJson(request, createGroupSchema)), { status: 201 })
})
