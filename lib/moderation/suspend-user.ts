// Suspending an account (an admin, from a report): it can neither publish nor book from then on
// (assert-may-book.ts, assert-not-suspended.ts, and its recurring runs stop being created); its
// runs that have not left yet are cancelled and their riders told, as when a driver cancels — but
// it is not counted as the driver's late cancellation. Admins are not suspended (another admin
// removes the role first).
import { hasRole, type Actor } from '@/lib/auth/permissions'
import { db } from '@/lib/db'
import { AppError } from '@/lib/errors'
import type { Prisma } from '@/lib/generated/prisma/client'
import { logModeration } from '@/lib/moderation/moderation-log'
import { notify } from '@/lib/notifications/notify'
import { cancelTripInTx } from '@/lib/trips/cancel-trip'

type Tx = Prisma.TransactionClient

export async function suspendUserInTx(tx: Tx, admin: Actor, userId: string, reason: string, now: Date): Promise<{ runsCancelled: number }> {
  const rows = await tx.$queryRaw<{ roles: string[]; suspended_at: Date | null; deleted_at: Date | null }[]>`
    SELECT roles::text[] AS roles, suspended_at, deleted_at FROM users WHERE id = ${userId}::uuid FOR UPDATE`
  const user = rows[0]
  if (!user || user.deleted_at) throw new AppError('NOT_FOUND')
  if (user.roles.includes('ADMIN')) throw new AppError('SUSPEND_ADMIN', { status: 409 })
  if (user.suspended_at) return { runsCancelled: 0 }
  await tx.user.update({ where: { id: userId }, data: { suspendedAt: now, suspensionReason: reason || null } })
  const runs = await tx.trip.findMany({
    where: { driverId: userId, status: { in: ['SCHEDULED', 'BOARDING'] }, departureAt: { gt: now } },
    select: { id: true },
  })
  for (const run of runs) await cancelTripInTx(tx, run.id, reason, now, { byModeration: true })
  await notify(tx, [{ userId, kind: 'ACCOUNT_SUSPENDED', params: { reason } }])
  await logModeration(tx, { actorId: admin.id, action: 'moderation.suspend', entityType: 'user', entityId: userId, after: { reason, runsCancelled: runs.length } })
  return { runsCancelled: runs.length }
}

export async function reinstateUser(admin: Actor, userId: string) {
  if (!hasRole(admin, 'ADMIN')) throw new AppError('FORBIDDEN')
  return db.$transaction(async (tx) => {
    const updated = await tx.user.updateMany({ where: { id: userId, suspendedAt: { not: null } }, data: { suspendedAt: null, suspensionReason: null } })
    if (updated.count === 0) throw new AppError('NOT_FOUND')
    await notify(tx, [{ userId, kind: 'ACCOUNT_REINSTATED', params: {} }])
    await logModeration(tx, { actorId: admin.id, action: 'moderation.reinstate', entityType: 'user', entityId: userId })
    return { userId, suspended: false }
  })
}
