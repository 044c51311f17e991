// DELETE /api/blocks/:userId — lifts the actor's own block (idempotent: no block, nothing to do).
import type { Actor } from '@/lib/auth/permissions'
import { db } from '@/lib/db'

export async function unblockUser(actor: Actor, userId: string) {
  await db.block.deleteMany({ where: { blockerId: actor.id, blockedId: userId } })
  return { userId, blocked: false }
}
