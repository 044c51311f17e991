// GET /api/blocks – the members the caller has blocked
import { NextResponse } from 'next/server'
import { requireUser } from '@/lib/auth/session'
import { listBlocks } from '@/lib/blocks/list-blocks'
import { route } from '@/lib/route'

export const GET = route(async () => {
  const actor = await requireUser()
  return NextResponse.json({ blocks: await listBlocks(actor) })
})
