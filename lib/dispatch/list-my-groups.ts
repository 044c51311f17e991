// The groups the actor belongs to, with their role in each and the size of the roster.
import type { Actor } from '@/lib/auth/permissions'
import { db } from '@/lib/db'

export async function listMyGroups(actor: Actor) {
  const memberships = await db.groupMember.findMany({
    where: { userId: actor.id },
    orderBy: { joinedAt: 'asc' },
    select: {
      role: true,
      joinedAt: true,
      group: { select: { id: true, name: true, members: { select: { role: true } } } },
    },
  })
  return memberships.map((m) => ({
    id: m.group.id,
    name: m.group.name,
    role: m.role,
    joinedAt: m.joinedAt,
    drivers: m.group.members.filter((x) => x.role === 'DRIVER').length,
    coordinators: m.group.members.filter((x) => x.role === 'COORDINATOR').length,
  }))
}

export type MyGroup = Awaited<ReturnType<typeof listMyGroups>>[number]
