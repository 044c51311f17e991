// The outbox: notices and their delivery rows are written with the change, in one statement, for
// the channels each user has and wants; reminders with a key are written once.
import { randomUUID } from 'node:crypto'
import pg from 'pg'
import { describe, expect, test } from 'vitest'
import { db } from '@/lib/db'
import { createUser } from '@/lib/testing/factories'
import { withOwnDatabase } from '@/lib/testing/own-database'
import { notify, OUTBOX_CHANNEL } from './notify'

// A database of this file's own: the wake-up test listens on the outbox channel, where every other
// test file's commits would be heard too.
const database = withOwnDatabase('notify')

async function deliveriesOf(userId: string) {
  const rows = await db.notificationDelivery.findMany({ where: { notification: { userId } }, select: { channel: true, status: true, notification: { select: { kind: true } } } })
  return rows.map((r) => `${r.notification.kind}:${r.channel}:${r.status}`).sort()
}

describe('notify', () => {
  test('in-app always; email by default; Telegram only when linked; each topic as the user chose', async () => {
    const plain = await createUser()
    const linked = await createUser()
    await db.user.update({ where: { id: linked.id }, data: { telegramChatId: BigInt(Date.now()), telegramTopics: ['BOOKINGS'], emailTopics: ['RUN_CHANGES'] } })
    await db.$transaction((tx) =>
      notify(tx, [
        { userId: plain.id, kind: 'BOOKING_CONFIRMED', params: { tripId: randomUUID() } },
        { userId: linked.id, kind: 'BOOKING_CONFIRMED', params: { tripId: randomUUID() } },
        { userId: linked.id, kind: 'TRIP_CANCELLED', params: { tripId: randomUUID(), reason: 'Сломалась машина' } },
        { userId: null, kind: 'BOOKING_CONFIRMED', params: {} },
      ]),
    )
    expect(await db.notification.count({ where: { userId: { in: [plain.id, linked.id] } } })).toBe(3)
    expect(await deliveriesOf(plain.id)).toEqual(['BOOKING_CONFIRMED:EMAIL:PENDING'])
    expect(await deliveriesOf(linked.id)).toEqual(['BOOKING_CONFIRMED:TELEGRAM:PENDING', 'TRIP_CANCELLED:EMAIL:PENDING'])
  })

  test('account mail goes by email even with every topic off, and is not an unread in-app notice', async () => {
    const user = await createUser()
    await db.user.update({ where: { id: user.id }, data: { emailTopics: [], telegramTopics: [], telegramChatId: BigInt(Date.now() + 1) } })
    await db.$transaction((tx) => notify(tx, [{ userId: user.id, kind: 'PASSWORD_RESET', params: {} }]))
    expect(await deliveriesOf(user.id)).toEqual(['PASSWORD_RESET:EMAIL:PENDING'])
    expect(await db.notification.count({ where: { userId: user.id, readAt: null } })).toBe(0)
  })

  test('a rolled-back change leaves no notice and no delivery', async () => {
    const user = await createUser()
    await expect(
      db.$transaction(async (tx) => {
        await notify(tx, [{ userId: user.id, kind: 'BOOKING_CONFIRMED', params: {} }])
        throw new Error('the change failed')
      }),
    ).rejects.toThrow('the change failed')
    expect(await db.notification.count({ where: { userId: user.id } })).toBe(0)
    expect(await deliveriesOf(user.id)).toEqual([])
  })

  test('a notice with a dedupe key is written once, however often it is sent', async () => {
    const user = await createUser()
    const key = `test:${randomUUID()}`
    const written = await Promise.all([1, 2, 3].map(() => db.$transaction((tx) => notify(tx, [{ userId: user.id, kind: 'REMINDER_DEPARTURE_SOON', params: {}, dedupeKey: key }]))))
    expect(written.sort()).toEqual([0, 0, 1])
    expect(await deliveriesOf(user.id)).toEqual(['REMINDER_DEPARTURE_SOON:EMAIL:PENDING'])
  })

  test('the worker is woken only when the change commits', async () => {
    const listener = new pg.Client({ connectionString: database.url() })
    await listener.connect()
    const seen: number[] = []
    listener.on('notification', (n) => n.channel === OUTBOX_CHANNEL && seen.push(Date.now()))
    await listener.query(`LISTEN ${OUTBOX_CHANNEL}`)
    try {
      const user = await createUser()
      let committedAt = 0
      await db.$transaction(async (tx) => {
        await notify(tx, [{ userId: user.id, kind: 'BOOKING_CONFIRMED', params: {} }])
        await new Promise((r) => setTimeout(r, 300))
        expect(seen).toEqual([]) // written, not committed: nobody woken yet
        committedAt = Date.now()
      })
      await expect.poll(() => seen.length).toBeGreaterThan(0)
      expect(seen[0]!).toBeGreaterThanOrEqual(committedAt)
    } finally {
      await listener.end()
    }
  })
})
