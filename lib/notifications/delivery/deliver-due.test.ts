// Delivery from the outbox against real protocol servers started here: a local SMTP server
// (smtp-server) and a fake Telegram Bot API over HTTP. A database of this file's own, so the
// worker's claims see only the notices made here.
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { bookSeats } from '@/lib/bookings/book-seats'
import { decideRequest } from '@/lib/bookings/decide-request'
import { db } from '@/lib/db'
import { notify } from '@/lib/notifications/notify'
import { addDaysIso, todayInKz } from '@/lib/dates/kz-date'
import { createDriver, createRider, createTrip, createUser } from '@/lib/testing/factories'
import { updateStay } from '@/lib/travellers/stays/update-stay'
import { startFakeTelegram, type FakeTelegram } from '@/lib/testing/fake-telegram'
import { withOwnDatabase } from '@/lib/testing/own-database'
import { startSmtpSink, type SmtpSink } from '@/lib/testing/smtp-sink'
import { backoffMs, DELIVERY, deliverDue } from './deliver-due'
import { startDeliveryWorker } from './delivery-worker'
import { createEmailSender, createTelegramApi, createTelegramSender, type Senders } from './senders'

const database = withOwnDatabase('delivery')
let smtp: SmtpSink
let telegram: FakeTelegram
let senders: Required<Senders>
let chatIds = 700_000_000

beforeAll(async () => {
  smtp = await startSmtpSink()
  telegram = await startFakeTelegram()
  senders = {
    email: createEmailSender({ smtpUrl: smtp.url, from: 'Попутка <no-reply@poputka.test>' }),
    telegram: createTelegramSender(createTelegramApi({ token: telegram.token, apiUrl: telegram.url })),
  }
})
afterAll(async () => {
  senders?.email.close()
  await smtp?.close()
  await telegram?.close()
})

async function linkTelegram(userId: string, username?: string) {
  const chatId = ++chatIds
  await db.user.update({ where: { id: userId }, data: { telegramChatId: BigInt(chatId), telegramUsername: username ?? null, telegramLinkedAt: new Date() } })
  return String(chatId)
}

async function deliveryRows(userId: string) {
  return db.notificationDelivery.findMany({
    where: { notification: { userId } },
    orderBy: [{ createdAt: 'asc' }, { channel: 'asc' }],
    select: { id: true, channel: true, status: true, attempts: true, lastError: true, nextAttemptAt: true, remoteId: true, notification: { select: { kind: true } } },
  })
}

/** Runs passes until nothing is due (several "workers" at once where asked). */
async function deliverAll(workers = 1) {
  for (let i = 0; i < 20; i++) {
    const runs = await Promise.all(Array.from({ length: workers }, () => deliverDue(senders)))
    if (runs.every((r) => r.claimed === 0)) return
  }
}

async function manualRun() {
  const { driver, car } = await createDriver()
  await db.user.update({ where: { id: driver.id }, data: { phone: '+996555123456', telegramShared: true } })
  const trip = await createTrip({ driverId: driver.id, carId: car.id, approvalMode: 'MANUAL', requestTtlHours: 3 })
  return { driver, trip }
}

describe('delivering a booking by email and Telegram', () => {
  test('request → the driver is told with Approve/Decline; approval → the rider gets the driver’s phone by both channels, once each', async () => {
    const { driver, trip } = await manualRun()
    const driverChat = await linkTelegram(driver.id, 'aidar_driver')
    const { rider, travellerId } = await createRider()
    const riderChat = await linkTelegram(rider.id)
    const booking = await bookSeats(rider, { tripId: trip.id, travellerIds: [travellerId], acknowledgeWarning: false, joinWaitlist: false })
    await deliverAll(4) // four workers racing for the same rows

    const toDriver = telegram.sent.filter((m) => m.chatId === driverChat)
    expect(toDriver).toHaveLength(1)
    expect(toDriver[0]!.text).toContain('Новая заявка')
    expect(toDriver[0]!.buttons.flat().map((b) => b.callback_data)).toEqual([`a:${booking.id}`, `d:${booking.id}`])
    // Before confirmation nobody's contact travels.
    expect(smtp.to(rider.email).map((m) => m.text).join()).not.toContain('+996')
    expect(toDriver[0]!.text).not.toContain(rider.email)

    await decideRequest(driver, { bookingId: booking.id, decision: 'approve' })
    await deliverAll(4)
    const approved = smtp.to(rider.email).filter((m) => m.subject.startsWith('Водитель подтвердил заявку'))
    expect(approved).toHaveLength(1)
    expect(approved[0]!.text).toContain('Телефон: +996 555 123 456')
    expect(approved[0]!.text).toContain('Telegram: @aidar_driver')
    expect(approved[0]!.text).toContain(`/trips/${trip.id}`)
    expect(approved[0]!.messageId).toMatch(/^<[0-9a-f-]{36}\.email@poputka\.test>$/)
    const inTelegram = telegram.sent.filter((m) => m.chatId === riderChat && m.text.startsWith('Водитель подтвердил заявку'))
    expect(inTelegram).toHaveLength(1)
    expect(inTelegram[0]!.text).toContain('+996 555 123 456')

    // Every row of this booking's notices SENT exactly once per channel.
    const rows = [...(await deliveryRows(rider.id)), ...(await deliveryRows(driver.id))]
    expect(rows.every((r) => r.status === 'SENT' && r.attempts === 1 && r.remoteId)).toBe(true)
    expect(new Set(rows.map((r) => r.id)).size).toBe(rows.length)
  })

  test('a live booking whose legal check got worse: the rider is told by email and Telegram, once each, in their language', async () => {
    const today = todayInKz()
    const trip = await createTrip({ daysAhead: 3 })
    const rider = await createRider({ stays: [{ entryOn: addDaysIso(today, -10), exitOn: null }] })
    await db.user.update({ where: { id: rider.rider.id }, data: { locale: 'kk' } })
    const chat = await linkTelegram(rider.rider.id)
    await bookSeats(rider.rider, { tripId: trip.id, travellerIds: [rider.travellerId], acknowledgeWarning: true, joinWaitlist: false })
    await deliverAll()
    const stay = await db.stay.findFirstOrThrow({ where: { travellerId: rider.travellerId }, select: { id: true } })
    // The rider corrects their entry: day 93 in Kazakhstan on the run, so the re-check blocks it.
    await updateStay(rider.rider, stay.id, { entryOn: addDaysIso(today, -88) })
    await deliverAll(2)

    const subject = 'Болу мерзімін тексеру сапарға рұқсат бермейді'
    const mails = smtp.to(rider.rider.email).filter((m) => m.subject.startsWith(subject))
    expect(mails).toHaveLength(1)
    expect(mails[0]!.text).toContain('болу ережелері бойынша сапар енді тексеруден өтпейді')
    expect(mails[0]!.text).toContain('/kk/bookings')
    // The reasons stay on My bookings: no stay dates or rule codes travel in the message.
    expect(mails[0]!.text).not.toContain('OVERSTAY')
    const inTelegram = telegram.sent.filter((m) => m.chatId === chat && m.text.startsWith(subject))
    expect(inTelegram).toHaveLength(1)
    const rows = (await deliveryRows(rider.rider.id)).filter((r) => r.notification.kind === 'BOOKING_LEGAL_WORSENED')
    expect(rows.map((r) => [r.channel, r.status, r.attempts])).toEqual([['EMAIL', 'SENT', 1], ['TELEGRAM', 'SENT', 1]])
  })

  test('with no SMTP configured email waits in the outbox, PENDING, and goes out once it is', async () => {
    const user = await createUser()
    await db.$transaction((tx) => notify(tx, [{ userId: user.id, kind: 'WAITLISTED', params: {} }]))
    await deliverDue({ telegram: senders.telegram }) // this process has no SMTP_URL
    expect((await deliveryRows(user.id)).map((r) => [r.channel, r.status, r.attempts])).toEqual([['EMAIL', 'PENDING', 0]])
    await deliverAll()
    expect((await deliveryRows(user.id)).map((r) => r.status)).toEqual(['SENT'])
    expect(smtp.to(user.email)).toHaveLength(1)
  })

  test('a temporary refusal is retried later with backoff, then sent', async () => {
    const user = await createUser()
    await db.$transaction((tx) => notify(tx, [{ userId: user.id, kind: 'WAITLISTED', params: {} }]))
    smtp.rejectNext(451, 'Try again later')
    const before = Date.now()
    await deliverDue(senders)
    const [row] = await deliveryRows(user.id)
    expect(row).toMatchObject({ status: 'PENDING', attempts: 1 })
    expect(row!.lastError).toContain('451')
    expect(row!.nextAttemptAt.getTime()).toBeGreaterThanOrEqual(before + 0.8 * 30_000 - 1_000)
    await deliverDue(senders)
    expect((await deliveryRows(user.id))[0]!.status).toBe('PENDING') // not due yet
    await db.notificationDelivery.update({ where: { id: row!.id }, data: { nextAttemptAt: new Date(Date.now() - 1) } })
    await deliverDue(senders)
    expect(await deliveryRows(user.id)).toMatchObject([{ status: 'SENT', attempts: 2, lastError: null }])
    expect(smtp.to(user.email)).toHaveLength(1)
  })

  test('a permanent refusal is a dead letter at once; so is the last of MAX_ATTEMPTS tries', async () => {
    const gone = await createUser()
    await db.$transaction((tx) => notify(tx, [{ userId: gone.id, kind: 'WAITLISTED', params: {} }]))
    smtp.rejectNext(550, 'No such mailbox')
    await deliverDue(senders)
    expect(await deliveryRows(gone.id)).toMatchObject([{ status: 'FAILED', attempts: 1, lastError: expect.stringContaining('550') }])

    const flaky = await createUser()
    await db.$transaction((tx) => notify(tx, [{ userId: flaky.id, kind: 'WAITLISTED', params: {} }]))
    const [row] = await deliveryRows(flaky.id)
    await db.notificationDelivery.update({ where: { id: row!.id }, data: { attempts: DELIVERY.maxAttempts - 1 } })
    smtp.rejectNext(421, 'Service not available')
    await deliverDue(senders)
    expect(await deliveryRows(flaky.id)).toMatchObject([{ status: 'FAILED', attempts: DELIVERY.maxAttempts, lastError: expect.stringContaining('421') }])
    await deliverAll()
    expect(smtp.to(flaky.email)).toHaveLength(0)
  })

  test('Telegram 429 waits as long as Telegram asks; a blocked bot unlinks the chat and stops', async () => {
    const slow = await createUser()
    await linkTelegram(slow.id)
    await db.user.update({ where: { id: slow.id }, data: { emailTopics: [] } })
    await db.$transaction((tx) => notify(tx, [{ userId: slow.id, kind: 'WAITLISTED', params: {} }]))
    telegram.failNext('sendMessage', { error_code: 429, description: 'Too Many Requests: retry after 120', retry_after: 120 })
    const before = Date.now()
    await deliverDue(senders)
    const [row] = await deliveryRows(slow.id)
    expect(row).toMatchObject({ channel: 'TELEGRAM', status: 'PENDING' })
    expect(row!.nextAttemptAt.getTime()).toBeGreaterThanOrEqual(before + 119_000)

    const blocked = await createUser()
    await linkTelegram(blocked.id)
    await db.user.update({ where: { id: blocked.id }, data: { emailTopics: [] } })
    await db.$transaction((tx) => notify(tx, [{ userId: blocked.id, kind: 'WAITLISTED', params: {} }, { userId: blocked.id, kind: 'WAITLISTED', params: {} }]))
    telegram.failNext('sendMessage', { error_code: 403, description: 'Forbidden: bot was blocked by the user' }, 2)
    await deliverDue(senders)
    expect((await deliveryRows(blocked.id)).map((r) => r.status).sort()).toEqual(['FAILED', 'FAILED'])
    expect((await db.user.findUniqueOrThrow({ where: { id: blocked.id } })).telegramChatId).toBeNull()
  })

  test('switched off or unlinked after the notice was written: SKIPPED, not sent', async () => {
    const user = await createUser()
    await linkTelegram(user.id)
    await db.$transaction((tx) => notify(tx, [{ userId: user.id, kind: 'WAITLISTED', params: {} }]))
    await db.user.update({ where: { id: user.id }, data: { emailTopics: ['REMINDERS'], telegramChatId: null } })
    await deliverAll()
    expect((await deliveryRows(user.id)).map((r) => [r.channel, r.status, r.lastError])).toEqual([
      ['EMAIL', 'SKIPPED', 'switched off by the user'],
      ['TELEGRAM', 'SKIPPED', 'Telegram unlinked'],
    ])
    expect(smtp.to(user.email)).toHaveLength(0)
  })

  test('a sender whose lease ran out cannot record over the worker that took the row over', async () => {
    const user = await createUser()
    await db.$transaction((tx) => notify(tx, [{ userId: user.id, kind: 'WAITLISTED', params: {} }]))
    const [row] = await deliveryRows(user.id)
    // A worker claimed it (attempt 1) and vanished; its lease is over.
    await db.$executeRaw`UPDATE notification_deliveries SET status = 'SENDING', attempts = 1, locked_until = now() - interval '1 second' WHERE id = ${row!.id}::uuid`
    await deliverDue(senders)
    expect(await deliveryRows(user.id)).toMatchObject([{ status: 'SENT', attempts: 2 }])
    // The vanished worker's late "sent" for attempt 1 changes nothing.
    const late = await db.$executeRaw`UPDATE notification_deliveries SET status = 'PENDING' WHERE id = ${row!.id}::uuid AND status = 'SENDING' AND attempts = 1`
    expect(late).toBe(0)
    expect(smtp.to(user.email)).toHaveLength(1)
  })

  test('the worker sends within moments of the commit (LISTEN/NOTIFY), without waiting for its poll', async () => {
    const worker = startDeliveryWorker({ databaseUrl: database.url(), senders: { ...senders, email: { send: senders.email.send, close: () => undefined } }, pollMs: 3_600_000 })
    try {
      await new Promise((r) => setTimeout(r, 300)) // listening
      const user = await createUser()
      const committed = Date.now()
      await db.$transaction((tx) => notify(tx, [{ userId: user.id, kind: 'WAITLISTED', params: {} }]))
      const mail = await smtp.waitFor((m) => m.to.includes(user.email), 5_000)
      expect(mail.at - committed).toBeLessThan(5_000)
    } finally {
      await worker.stop()
    }
  })
})

describe('backoffMs', () => {
  test.each([
    { attempt: 1, base: 30_000 },
    { attempt: 2, base: 60_000 },
    { attempt: 5, base: 480_000 },
    { attempt: 9, base: 3_600_000 },
    { attempt: 20, base: 3_600_000 },
  ])('after try $attempt: $base ms ± 20 %', ({ attempt, base }) => {
    expect(backoffMs(attempt, () => 0)).toBe(base * 0.8)
    expect(backoffMs(attempt, () => 1)).toBe(base * 1.2)
  })
})
