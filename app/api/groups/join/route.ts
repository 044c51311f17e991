// POST /api/groups/join – a driver joins a group with an invitation code
import { NextResponse } from 'next/server'
import { requireUser } from '@/lib/auth/session'
import { clientIpFrom } from '@/lib/client-ip'
import { joinGroup, joinGroupSchema } from '@/lib/dispatch/join-group'
import { readJson, route } from '@/lib/route'

export const POST = route(async (request) => {
  const actor = await requireUser()
  return NextResponse.json(await joinGroup(actor, await readJson(request, joinGroupSchema), new Date(), clientIpFrom(request.headers)))
})
