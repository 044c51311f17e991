import type { Actor } from '@/lib/auth/permissions'
import { db } from '@/lib/db'

/** The actor's own profile and cars. */
export async function getAccount(actor: Actor) {
  const [user, cars] = await Promise.all([
    db.user.findUniqueOrThrow({ where: { id: actor.id }, select: { id: true, name: true, email: true, phone: true, roles: true, languages: true, about: true, suspendedAt: true } }),
    db.car.findMany({
      where: { ownerId: actor.id, archivedAt: null },
      orderBy: { createdAt: 'asc' },
      select: { id: true, make: true, model: true, colour: true, plate: true, seats: true },
    }),
  ])
  return { user, cars }
}
