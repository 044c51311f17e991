// A coordinator removes a member from the group (or a member leaves: leave-group.ts). The member's
// runs that have not started leave the group with them, so its coordinators stop managing runs of
// someone no longer in it; runs under way and past runs stay for the day's records. A group always
// keeps at least one coordinator.
import type { Actor } from '@/lib/auth/permissions'
import { db } from '@/lib/db'
import { writeAudit } from '@/lib/dispatch/audit'
import { requireGroupCoordinator } from '@/lib/dispatch/group-access'
import { AppError } from '@/lib/errors'
import type { Prisma } from '@/lib/generated/prisma/client'

type Tx = Prisma.TransactionClient

export async function removeMember(actor: Actor, groupId: string, userId: string, now: Date = new Date()) {
  return db.$transaction(async (tx) => {
    await requireGroupCoordinator(tx, actor, groupId)
    return dropMembership(tx, actor, groupId, userId, userId === actor.id ? 'group.leave' : 'group.removeMember', now)
  })
}

/** Ends a membership inside a transaction; returns how many upcoming runs left the group. */
export async function dropMembership(tx: Tx, actor: Actor, groupId: string, userId: string, action: 'group.leave' | 'group.removeMember', now: Date) {
  // Lock the group's memberships: two coordinators leaving at once cannot leave it with none.
  await tx.$executeRaw`SELECT 1 FROM group_members WHERE group_id = ${groupId}::uuid FOR UPDATE`
  const member = await tx.groupMember.findUnique({
    where: { groupId_userId: { groupId, userId } },
    select: { role: true, user: { select: { name: true } } },
  })
  if (!member) throw new AppError('NOT_FOUND')
  if (member.role === 'COORDINATOR') {
    const coordinators = await tx.groupMember.count({ where: { groupId, role: 'COORDINATOR' } })
    if (coordinators <= 1) throw new AppError('LAST_COORDINATOR', { status: 409 })
  }
  await tx.groupMember.delete({ where: { groupId_userId: { groupId, userId } } })
  const detached = await tx.trip.updateMany({
    where: { groupId, driverId: userId, status: 'SCHEDULED', departureAt: { gt: now } },
    data: { groupId: null },
  })
  await writeAudit(tx, {
    groupId, actorId: actor.id, action, entityType: 'group', entityId: groupId,
    before: { userId, name: member.user.name, role: member.role },
    after: { runsLeftGroup: detached.count },
  })
  return { groupId, userId, runsLeftGroup: detached.count }
}
