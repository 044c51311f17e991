// A member blocks another (PUT /api/blocks/:userId): from then on neither books the other's runs,
// and neither finds the other's runs in search (lib/trips/search-trips.ts). Blocking again is a
// no-op; bookings made before the block stay (the driver may still decline or cancel them).
import type { Actor } from '@/lib/auth/permissions'
import { db } from '@/lib/db'
import { AppError } from '@/lib/errors'

export async function blockUser(actor: Actor, userId: string) {
  if (userId === actor.id) throw new AppError('BLOCK_SELF', { status: 409 })
  const target = await db.user.findFirst({ where: { id: userId, deletedAt: null }, select: { id: true } })
  if (!target) throw new AppError('NOT_FOUND')
  // INSERT … ON CONFLICT DO NOTHING: two blocks of the same member at once both succeed (Prisma's
  // upsert reads, then inserts, and the second insert hit the primary key: a 500 the fuzz suite found).
  await db.block.createMany({ data: [{ blockerId: actor.id, blockedId: userId }], skipDuplicates: true })
  return { userId, blocked: true }
}
