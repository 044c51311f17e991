// A group as its members see it. Coordinators (and admins) get the roster with contacts and cars,
// and the invitations; a driver member gets the group's name, whom to call, and who else is in it
// (public names and profile links, no contacts but the coordinators'). Anyone else: the group does
// not exist for them (NOT_FOUND).
import { hasRole, type Actor } from '@/lib/auth/permissions'
import { db } from '@/lib/db'
import { AppError } from '@/lib/errors'
import { publicName } from '@/lib/profiles/public-name'

export async function getGroup(actor: Actor, groupId: string, now: Date = new Date()) {
  const group = await db.group.findUnique({
    where: { id: groupId },
    select: {
      id: true,
      name: true,
      createdAt: true,
      members: {
        orderBy: [{ role: 'asc' }, { joinedAt: 'asc' }],
        select: {
          role: true,
          joinedAt: true,
          user: {
            select: {
              id: true, name: true, email: true, phone: true,
              cars: { where: { archivedAt: null }, orderBy: { createdAt: 'asc' }, select: { id: true, make: true, model: true, colour: true, plate: true, seats: true } },
            },
          },
        },
      },
    },
  })
  if (!group) throw new AppError('NOT_FOUND')
  const mine = group.members.find((m) => m.user.id === actor.id)
  const coordinates = mine?.role === 'COORDINATOR' || hasRole(actor, 'ADMIN')
  if (!mine && !coordinates) throw new AppError('NOT_FOUND')

  if (!coordinates || !hasRole(actor, 'COORDINATOR', 'ADMIN')) {
    return {
      view: 'member' as const,
      id: group.id,
      name: group.name,
      myRole: mine!.role,
      coordinators: group.members.filter((m) => m.role === 'COORDINATOR').map((m) => ({ name: m.user.name, phone: m.user.phone })),
      members: group.members.map((m) => ({
        userId: m.user.id,
        name: publicName(m.user.name),
        role: m.role,
        cars: m.user.cars.map((c) => ({ make: c.make, model: c.model, colour: c.colour })),
      })),
    }
  }
  const invites = await db.groupInvite.findMany({
    where: { groupId, createdAt: { gt: new Date(now.getTime() - 30 * 86_400_000) } },
    orderBy: { createdAt: 'desc' },
    select: { id: true, code: true, expiresAt: true, maxUses: true, uses: true, revokedAt: true, createdAt: true, role: true },
  })
  return {
    view: 'coordinator' as const,
    id: group.id,
    name: group.name,
    myRole: mine?.role ?? null,
    members: group.members.map((m) => ({ userId: m.user.id, name: m.user.name, email: m.user.email, phone: m.user.phone, role: m.role, joinedAt: m.joinedAt, cars: m.user.cars })),
    invites: invites.map((i) => ({ ...i, active: !i.revokedAt && i.expiresAt > now && i.uses < i.maxUses })),
  }
}

export type GroupView = Awaited<ReturnType<typeof getGroup>>
