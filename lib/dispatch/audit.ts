// The audit log of actions on a group's runs: who, what, when, the state before and after.
// Written in the same transaction as the change, so the log never disagrees with the data.
import type { Prisma } from '@/lib/generated/prisma/client'

type Tx = Prisma.TransactionClient

export type AuditInput = {
  groupId: string | null
  actorId: string
  action: string
  entityType: 'trip' | 'booking' | 'group'
  entityId: string
  before?: unknown
  after?: unknown
}

export async function writeAudit(tx: Tx, entry: AuditInput): Promise<void> {
  if (!entry.groupId) return
  await tx.auditEntry.create({
    data: {
      groupId: entry.groupId,
      actorId: entry.actorId,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId,
      before: (entry.before ?? undefined) as Prisma.InputJsonValue | undefined,
      after: (entry.after ?? undefined) as Prisma.InputJsonValue | undefined,
    },
  })
}
