// The outbox as admins see it: how many deliveries wait, went out, failed (the dead letter) or were
// skipped on each channel, whether this server can send on it, and the latest deliveries of a status
// with the error they met. Admins only. No message text is stored, so none is shown (and no link or
// token of an account mail exists anywhere to show).
import { z } from 'zod'
import { hasRole, type Actor } from '@/lib/auth/permissions'
import { db } from '@/lib/db'
import { env } from '@/lib/env'
import { AppError } from '@/lib/errors'
import type { DeliveryStatus, NotificationChannel } from '@/lib/generated/prisma/enums'
import { OUTBOX_CHANNEL } from '@/lib/notifications/notify'
import { telegramConfig } from '@/lib/telegram/bot-config'

export const OUTBOX_STATUSES = ['PENDING', 'SENDING', 'SENT', 'FAILED', 'SKIPPED'] as const satisfies readonly DeliveryStatus[]

export const listOutboxSchema = z.strictObject({
  status: z.enum(OUTBOX_STATUSES).default('FAILED'),
  channel: z.enum(['EMAIL', 'TELEGRAM']).optional(),
})

export async function listOutbox(actor: Actor, input: z.input<typeof listOutboxSchema>) {
  if (!hasRole(actor, 'ADMIN')) throw new AppError('FORBIDDEN')
  const query = listOutboxSchema.parse(input)
  const [counts, oldestPending, rows] = await Promise.all([
    db.notificationDelivery.groupBy({ by: ['channel', 'status'], _count: { _all: true } }),
    db.notificationDelivery.groupBy({ by: ['channel'], where: { status: { in: ['PENDING', 'SENDING'] } }, _min: { createdAt: true } }),
    db.notificationDelivery.findMany({
      where: { status: query.status, ...(query.channel ? { channel: query.channel } : {}) },
      orderBy: [{ updatedAt: 'desc' }, { id: 'asc' }],
      take: 100,
      select: {
        id: true, channel: true, status: true, attempts: true, nextAttemptAt: true, lastError: true, sentAt: true, createdAt: true, updatedAt: true,
        notification: { select: { kind: true, user: { select: { name: true, email: true } } } },
      },
    }),
  ])
  const channels: NotificationChannel[] = ['EMAIL', 'TELEGRAM']
  return {
    query,
    channels: channels.map((channel) => ({
      channel,
      configured: channel === 'EMAIL' ? Boolean(env.SMTP_URL) : Boolean(telegramConfig()),
      counts: Object.fromEntries(OUTBOX_STATUSES.map((s) => [s, counts.find((c) => c.channel === channel && c.status === s)?._count._all ?? 0])) as Record<DeliveryStatus, number>,
      oldestWaitingSince: oldestPending.find((o) => o.channel === channel)?._min.createdAt ?? null,
    })),
    rows,
  }
}

export const retryDeliverySchema = z.strictObject({ deliveryId: z.uuid() })

/** Sends a dead-lettered (or skipped) delivery again, from a clean slate. */
export async function retryDelivery(actor: Actor, input: z.infer<typeof retryDeliverySchema>) {
  if (!hasRole(actor, 'ADMIN')) throw new AppError('FORBIDDEN')
  const count = await db.$executeRaw`
    UPDATE notification_deliveries SET status = 'PENDING', attempts = 0, next_attempt_at = now(), locked_until = NULL, updated_at = now()
    WHERE id = ${input.deliveryId}::uuid AND status IN ('FAILED', 'SKIPPED')`
  if (count === 0) throw new AppError('NOT_FOUND')
  await db.$executeRaw`SELECT pg_notify(${OUTBOX_CHANNEL}, '')`
  return { id: input.deliveryId, status: 'PENDING' as const }
}
