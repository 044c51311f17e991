// A suspended account publishes nothing (lib/trips/publish-trip.ts: by the driver, or opened for
// them on a coordinator's board).
import { AppError } from '@/lib/errors'
import type { Prisma, PrismaClient } from '@/lib/generated/prisma/client'

export async function assertNotSuspended(tx: Prisma.TransactionClient | PrismaClient, userId: string): Promise<void> {
  const user = await tx.user.findUnique({ where: { id: userId }, select: { suspendedAt: true } })
  if (user?.suspendedAt) throw new AppError('ACCOUNT_SUSPENDED', { status: 403 })
}
