// Where a user is reached and with what: the state of each channel (in-app always; email — the
// address, whether it is confirmed, whether this server sends email yet; Telegram — linked or not)
// with the last delivery on each, and the kinds of notice (bookings, run changes, reminders) they
// want on email and on Telegram.
import { z } from 'zod'
import type { Actor } from '@/lib/auth/permissions'
import { db } from '@/lib/db'
import { env } from '@/lib/env'
import type { NotificationChannel } from '@/lib/generated/prisma/enums'
import { CHOOSABLE_TOPICS } from '@/lib/notifications/notify'
import { telegramConfig } from '@/lib/telegram/bot-config'

export async function getNotificationSettings(actor: Pick<Actor, 'id'>) {
  const user = await db.user.findUniqueOrThrow({
    where: { id: actor.id },
    select: {
      email: true, emailVerifiedAt: true, phone: true, phoneVerifiedAt: true, emailTopics: true, telegramTopics: true,
      telegramChatId: true, telegramUsername: true, telegramLinkedAt: true, telegramShared: true,
    },
  })
  const last = async (channel: NotificationChannel) => {
    const [sent, failed, waiting] = await Promise.all([
      db.notificationDelivery.findFirst({ where: { channel, status: 'SENT', notification: { userId: actor.id } }, orderBy: { sentAt: 'desc' }, select: { sentAt: true } }),
      db.notificationDelivery.findFirst({ where: { channel, status: 'FAILED', notification: { userId: actor.id } }, orderBy: { updatedAt: 'desc' }, select: { updatedAt: true, lastError: true } }),
      db.notificationDelivery.count({ where: { channel, status: { in: ['PENDING', 'SENDING'] }, notification: { userId: actor.id } } }),
    ])
    return { lastSentAt: sent?.sentAt ?? null, lastFailure: failed && (!sent?.sentAt || failed.updatedAt > sent.sentAt) ? { at: failed.updatedAt, error: failed.lastError ?? '' } : null, waiting }
  }
  const [emailDeliveries, telegramDeliveries] = await Promise.all([last('EMAIL'), last('TELEGRAM')])
  return {
    email: { address: user.email, verified: Boolean(user.emailVerifiedAt), serverSends: Boolean(env.SMTP_URL), topics: user.emailTopics, ...emailDeliveries },
    telegram: {
      botOn: Boolean(telegramConfig()),
      linked: user.telegramChatId !== null,
      username: user.telegramUsername,
      linkedAt: user.telegramLinkedAt,
      shared: user.telegramShared,
      topics: user.telegramTopics,
      ...telegramDeliveries,
    },
    phone: { number: user.phone, verified: Boolean(user.phoneVerifiedAt) },
  }
}

export type NotificationSettings = Awaited<ReturnType<typeof getNotificationSettings>>

const topics = z.array(z.enum(CHOOSABLE_TOPICS)).max(CHOOSABLE_TOPICS.length).default([])

export const updateNotificationSettingsSchema = z.strictObject({
  email: topics,
  telegram: topics,
  telegramShared: z.boolean().default(false),
})

export async function updateNotificationSettings(actor: Pick<Actor, 'id'>, input: z.infer<typeof updateNotificationSettingsSchema>) {
  const emailTopics = [...new Set(input.email)]
  const telegramTopics = [...new Set(input.telegram)]
  await db.user.update({ where: { id: actor.id }, data: { emailTopics, telegramTopics, telegramShared: input.telegramShared } })
  return { email: emailTopics, telegram: telegramTopics, telegramShared: input.telegramShared }
}
