// PUT /api/blocks/:userId – block a member; DELETE – lift the block (both idempotent)
import { NextResponse } from 'next/server'
import { z } from 'zod'
import { requireUser } from '@/lib/auth/session'
import { blockUser } from '@/lib/blocks/block-user'
import { unblockUser } from '@/lib/blocks/unblock-user'
import { route } from '@/lib/route'

const params = z.object({ userId: z.uuid() })

export const PUT = route<{ userId: string }>(async (_request, { params: raw }) => {
  const { userId } = params.parse(raw)
  const actor = await requireUser()
  return NextResponse.json(await blockUser(actor, userId))
})

export const DELETE = route<{ userId: string }>(async (_request, { params: raw }) => {
  const { userId } = params.parse(raw)
  const actor = await requireUser()
  return NextResponse.json(await unblockUser(actor, userId))
})
