// What admins did (hide a review, warn, suspend, reinstate, decide a no-show, dismiss a report), in
// the audit log with no group: written in the transaction of the change, listed on the moderation
// page.
import type { Prisma } from '@/lib/generated/prisma/client'

export type ModerationAction = 'moderation.dismiss' | 'moderation.hideReview' | 'moderation.warn' | 'moderation.suspend' | 'moderation.reinstate' | 'moderation.noShowUpheld' | 'moderation.noShowOverturned'

export async function logModeration(
  tx: Prisma.TransactionClient,
  entry: { actorId: string; action: ModerationAction; entityType: 'user' | 'review' | 'report' | 'no_show'; entityId: string; before?: unknown; after?: unknown },
): Promise<void> {
  await tx.auditEntry.create({
    data: {
      groupId: null,
      actorId: entry.actorId,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId,
      before: (entry.before ?? undefined) as Prisma.InputJsonValue | undefined,
      after: (entry.after ?? undefined) as Prisma.InputJsonValue | undefined,
    },
  })
}
