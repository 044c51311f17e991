// The members the actor has blocked, for their account page and GET /api/blocks.
import type { Actor } from '@/lib/auth/permissions'
import { db } from '@/lib/db'
import { publicName } from '@/lib/profiles/public-name'

export async function listBlocks(actor: Actor) {
  const blocks = await db.block.findMany({
    where: { blockerId: actor.id },
    orderBy: { createdAt: 'desc' },
    select: { createdAt: true, blocked: { select: { id: true, name: true, deletedAt: true } } },
  })
  return blocks.map((b) => ({ userId: b.blocked.id, name: b.blocked.deletedAt ? null : publicName(b.blocked.name), blockedAt: b.createdAt.toISOString() }))
}
