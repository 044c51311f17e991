// Coordinators see and manage only their own group's runs and the bookings on them.
import { hasRole, type Actor } from '@/lib/auth/permissions'
import { AppError } from '@/lib/errors'
import type { Prisma, PrismaClient } from '@/lib/generated/prisma/client'

type Tx = Prisma.TransactionClient | PrismaClient

export async function isGroupCoordinator(tx: Tx, userId: string, groupId: string): Promise<boolean> {
  const member = await tx.groupMember.findUnique({ where: { groupId_userId: { groupId, userId } }, select: { role: true } })
  return member?.role === 'COORDINATOR'
}

/** The group, if the actor coordinates it. A group of someone else is NOT_FOUND (its existence is
 * not revealed); admins may look at any group. */
export async function requireGroupCoordinator(tx: Tx, actor: Actor, groupId: string): Promise<{ id: string; name: string }> {
  const group = await tx.group.findUnique({ where: { id: groupId }, select: { id: true, name: true } })
  if (!group) throw new AppError('NOT_FOUND')
  if (hasRole(actor, 'ADMIN')) return group
  if (!hasRole(actor, 'COORDINATOR') || !(await isGroupCoordinator(tx, actor.id, groupId))) throw new AppError('NOT_FOUND')
  return group
}
