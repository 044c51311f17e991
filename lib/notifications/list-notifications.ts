import { z } from 'zod'
import type { Actor } from '@/lib/auth/permissions'
import { db } from '@/lib/db'

/** How many of the actor's notifications are unread (the header's badge: one count, every page). */
export function countUnreadNotifications(actor: Pick<Actor, 'id'>): Promise<number> {
  return db.notification.count({ where: { userId: actor.id, readAt: null } })
}

/** The actor's latest notifications, newest first, and how many are unread (account mail — password
 * resets, address checks — goes by email only and is not listed). */
export async function listNotifications(actor: Actor, take = 30) {
  const [items, unread] = await Promise.all([
    db.notification.findMany({ where: { userId: actor.id, topic: { not: 'ACCOUNT' } }, orderBy: { createdAt: 'desc' }, take, select: { id: true, kind: true, params: true, readAt: true, createdAt: true } }),
    countUnreadNotifications(actor),
  ])
  return { items, unread }
}

export const markNotificationsReadSchema = z.strictObject({ ids: z.array(z.uuid()).max(100).optional() })

export async function markNotificationsRead(actor: Actor, input: z.infer<typeof markNotificationsReadSchema>) {
  const { count } = await db.notification.updateMany({
    where: { userId: actor.id, readAt: null, ...(input.ids ? { id: { in: input.ids } } : {}) },
    data: { readAt: new Date() },
  })
  return { marked: count }
}
