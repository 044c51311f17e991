// A coordinator revokes an invitation: the code stops working at once (uses so far stay).
import type { Actor } from '@/lib/auth/permissions'
import { db } from '@/lib/db'
import { writeAudit } from '@/lib/dispatch/audit'
import { requireGroupCoordinator } from '@/lib/dispatch/group-access'
import { AppError } from '@/lib/errors'

export async function revokeInvite(actor: Actor, groupId: string, inviteId: string, now: Date = new Date()) {
  return db.$transaction(async (tx) => {
    await requireGroupCoordinator(tx, actor, groupId)
    const invite = await tx.groupInvite.findFirst({ where: { id: inviteId, groupId }, select: { id: true, code: true, revokedAt: true } })
    if (!invite) throw new AppError('NOT_FOUND')
    if (invite.revokedAt) return { id: invite.id, revokedAt: invite.revokedAt }
    const updated = await tx.groupInvite.update({ where: { id: invite.id }, data: { revokedAt: now }, select: { id: true, revokedAt: true } })
    await writeAudit(tx, { groupId, actorId: actor.id, action: 'invite.revoke', entityType: 'group', entityId: groupId, before: { code: invite.code }, after: { code: invite.code, revoked: true } })
    return updated
  })
}
