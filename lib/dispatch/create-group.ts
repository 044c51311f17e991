// A coordinator creates a group of drivers and becomes its first coordinator.
import { z } from 'zod'
import { hasRole, type Actor } from '@/lib/auth/permissions'
import { db } from '@/lib/db'
import { writeAudit } from '@/lib/dispatch/audit'
import { AppError } from '@/lib/errors'
import { userText } from '@/lib/validation'

export const createGroupSchema = z.strictObject({ name: userText({ min: 2, max: 80 }) })

export type CreateGroupInput = z.infer<typeof createGroupSchema>

/** How many groups one coordinator may create (a brake on mistakes and abuse, not a business rule). */
export const MAX_GROUPS_PER_COORDINATOR = 20

export async function createGroup(actor: Actor, input: CreateGroupInput): Promise<{ id: string; name: string }> {
  if (!hasRole(actor, 'COORDINATOR', 'ADMIN')) throw new AppError('FORBIDDEN')
  return db.$transaction(async (tx) => {
    const count = await tx.group.count({ where: { createdById: actor.id } })
    if (count >= MAX_GROUPS_PER_COORDINATOR) throw new AppError('TOO_MANY_GROUPS', { status: 409, params: { max: MAX_GROUPS_PER_COORDINATOR } })
    const group = await tx.group.create({ data: { name: input.name, createdById: actor.id }, select: { id: true, name: true } })
    await tx.groupMember.create({ data: { groupId: group.id, userId: actor.id, role: 'COORDINATOR' } })
    await writeAudit(tx, { groupId: group.id, actorId: actor.id, action: 'group.create', entityType: 'group', entityId: group.id, after: { name: group.name } })
    return group
  })
}
