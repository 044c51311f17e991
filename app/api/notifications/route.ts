// GET /api/notifications – the signed-in user's notifications; POST – mark them read
import { NextResponse } from 'next/server'
import { requireUser } from '@/lib/auth/session'
import { listNotifications, markNotificationsRead, markNotificationsReadSchema } from '@/lib/notifications/list-notifications'
import { readJson, route } from '@/lib/route'

export const GET = route(async () => NextResponse.json(await listNotifications(await requireUser())))

export const POST = route(async (request) => {
  const actor = await requireUser()
  return NextResponse.json(await markNotificationsRead(actor, await readJson(request, markNotificationsReadSchema)))
})
