// GET /api/users/:userId/profile – a member's public profile (no email, phone, citizenship, stays or dates)
import { NextResponse } from 'next/server'
import { z } from 'zod'
import { getCurrentUser } from '@/lib/auth/session'
import { getPublicProfile } from '@/lib/profiles/get-public-profile'
import { route } from '@/lib/route'

const params = z.object({ userId: z.uuid() })

export const GET = route<{ userId: string }>(async (_request, { params: raw }) => {
  const { userId } = params.parse(raw)
  return NextResponse.json(await getPublicProfile(userId, await getCurrentUser()))
})
