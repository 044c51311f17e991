// The bot against a fake Telegram Bot API over HTTP (long polling, sendMessage, callback answers):
// linking by a one-time deep link, unlinking from both sides, a shared contact verifying the phone,
// and the driver's Approve/Decline buttons. A database of this file's own.
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { bookSeats } from '@/lib/bookings/book-seats'
import { db } from '@/lib/db'
import { createTelegramApi } from '@/lib/notifications/delivery/senders'
import { createDriver, createRider, createTrip, createUser } from '@/lib/testing/factories'
import { startFakeTelegram, type FakeTelegram, type TgUser } from '@/lib/testing/fake-telegram'
import { withOwnDatabase } from '@/lib/testing/own-database'
import { createTelegramLink, unlinkTelegram } from './link-telegram'
import { startTelegramBot, type TelegramBot } from './telegram-bot'

const database = withOwnDatabase('telegram')
let telegram: FakeTelegram
let bot: TelegramBot
let nextId = 500_000_000

beforeAll(async () => {
  telegram = await startFakeTelegram()
  process.env.TELEGRAM_BOT_TOKEN = telegram.token
  process.env.TELEGRAM_API_URL = telegram.url
  bot = startTelegramBot({ databaseUrl: database.url(), api: createTelegramApi({ token: telegram.token, apiUrl: telegram.url, timeoutSeconds: 10 }), pollSeconds: 1 })
})
afterAll(async () => {
  await bot?.stop()
  await telegram?.close()
})

const person = (name: string): TgUser => ({ id: ++nextId, first_name: name, username: `${name.toLowerCase()}_${nextId}` })

/** Waits until the bot has handled everything queued (Telegram saw it confirmed). */
const handled = () => telegram.waitUntilConfirmed(15_000)
const lastTo = (user: TgUser) => telegram.sent.filter((m) => m.chatId === String(user.id)).at(-1)

async function link(userId: string, tg: TgUser) {
  const { url, token } = await createTelegramLink({ id: userId })
  expect(url).toBe(`https://t.me/${telegram.username}?start=${token}`)
  telegram.userSends(tg, `/start ${token}`)
  await handled()
  return token
}

describe('linking Telegram', () => {
  test('a one-time deep link links the chat; the same link does nothing a second time or for someone else', async () => {
    const user = await createUser({ name: 'Айгерим' })
    const tg = person('Aigerim')
    const token = await link(user.id, tg)
    expect(lastTo(tg)!.text).toContain('Telegram связан с аккаунтом «Айгерим»')
    expect(lastTo(tg)!.asksContact).toBe(true)
    expect(await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { telegramChatId: true, telegramUsername: true } })).toEqual({ telegramChatId: BigInt(tg.id), telegramUsername: tg.username })

    const stranger = person('Stranger')
    telegram.userSends(stranger, `/start ${token}`)
    await handled()
    expect(lastTo(stranger)!.text).toContain('Ссылка недействительна')
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).telegramChatId).toBe(BigInt(tg.id))
  })

  test('in Kazakh: a kk account is answered in Kazakh, and so is a stranger whose Telegram is in Kazakh', async () => {
    const user = await createUser({ name: 'Айгерім' })
    await db.user.update({ where: { id: user.id }, data: { locale: 'kk' } })
    const tg = person('Aigerim')
    await link(user.id, tg)
    expect(lastTo(tg)!.text).toContain('Telegram «Айгерім» аккаунтымен байланыстырылды')
    expect(lastTo(tg)!.asksContact).toBe(true)
    const stranger = { ...person('Stranger'), language_code: 'kk' }
    telegram.userSends(stranger, '/help')
    await handled()
    expect(lastTo(stranger)!.text).toContain('Бұл — Попутка боты')
    expect(lastTo(stranger)!.text).toContain('/kk/account')
  })

  test('a link older than 15 minutes is refused', async () => {
    const user = await createUser()
    const { token } = await createTelegramLink({ id: user.id }, new Date(Date.now() - 16 * 60_000))
    const tg = person('Late')
    telegram.userSends(tg, `/start ${token}`)
    await handled()
    expect(lastTo(tg)!.text).toContain('работает 15 минут')
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).telegramChatId).toBeNull()
  })

  test('unlinking from the chat (/stop) and from the site', async () => {
    const a = await createUser()
    const tgA = person('Alpha')
    await link(a.id, tgA)
    telegram.userSends(tgA, '/stop')
    await handled()
    expect(lastTo(tgA)!.text).toContain('Telegram отвязан')
    expect((await db.user.findUniqueOrThrow({ where: { id: a.id } })).telegramChatId).toBeNull()

    const b = await createUser()
    const tgB = person('Bravo')
    await link(b.id, tgB)
    expect(await unlinkTelegram({ id: b.id })).toBe(BigInt(tgB.id))
    expect((await db.user.findUniqueOrThrow({ where: { id: b.id } })).telegramChatId).toBeNull()
  })

  test('sharing one’s own contact verifies the phone (any country, stored E.164); someone else’s does not', async () => {
    const user = await createUser()
    const tg = person('Bekzat')
    await link(user.id, tg)
    telegram.userSharesContact(tg, '+998 90 123 45 67', 424242) // a friend's card
    await handled()
    expect(lastTo(tg)!.text).toContain('только свой номер')
    telegram.userSharesContact(tg, '998901234567') // Telegram sends it without the +
    await handled()
    expect(lastTo(tg)!.text).toContain('+998 90 123 45 67')
    const row = await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { phone: true, phoneVerifiedAt: true } })
    expect(row.phone).toBe('+998901234567')
    expect(row.phoneVerifiedAt).not.toBeNull()
  })
})

describe('buttons', () => {
  test('the driver approves in Telegram: the booking is confirmed, the buttons go, a second press says so', async () => {
    const { driver, car } = await createDriver()
    const trip = await createTrip({ driverId: driver.id, carId: car.id, approvalMode: 'MANUAL', requestTtlHours: 3 })
    const { rider, travellerId } = await createRider()
    const booking = await bookSeats(rider, { tripId: trip.id, travellerIds: [travellerId], acknowledgeWarning: false, joinWaitlist: false })
    const tg = person('Driver')
    await link(driver.id, tg)
    const message = { messageId: 1, chatId: String(tg.id), text: 'Новая заявка' }
    await telegram.sent.push({ method: 'sendMessage', chatId: message.chatId, messageId: 1, text: message.text, buttons: [], asksContact: false, at: Date.now() })

    telegram.userPressesButton(tg, message, `a:${booking.id}`)
    await handled()
    expect((await db.booking.findUniqueOrThrow({ where: { id: booking.id } })).status).toBe('CONFIRMED')
    expect(telegram.answers.at(-1)!.text).toContain('Заявка подтверждена')
    expect(telegram.edits.at(-1)).toMatchObject({ chatId: message.chatId, messageId: 1, buttons: [] })

    telegram.userPressesButton(tg, message, `d:${booking.id}`)
    await handled()
    expect(telegram.answers.at(-1)!.text).toContain('уже решена')
    expect((await db.booking.findUniqueOrThrow({ where: { id: booking.id } })).status).toBe('CONFIRMED')
  })

  test('a button pressed by someone who may not decide changes nothing', async () => {
    const trip = await createTrip({ approvalMode: 'MANUAL', requestTtlHours: 3 })
    const { rider, travellerId } = await createRider()
    const booking = await bookSeats(rider, { tripId: trip.id, travellerIds: [travellerId], acknowledgeWarning: false, joinWaitlist: false })
    const other = await createUser({ roles: ['PASSENGER', 'DRIVER'] })
    const tg = person('Other')
    await link(other.id, tg)
    telegram.userPressesButton(tg, { messageId: 99, chatId: String(tg.id), text: '' }, `a:${booking.id}`)
    await handled()
    expect(telegram.answers.at(-1)!.text).toBe('Это не ваша бронь.')
    expect((await db.booking.findUniqueOrThrow({ where: { id: booking.id } })).status).toBe('PENDING')

    const unlinked = person('Nobody')
    telegram.userPressesButton(unlinked, { messageId: 1, chatId: String(unlinked.id), text: '' }, `a:${booking.id}`)
    await handled()
    expect(telegram.answers.at(-1)!.text).toContain('Сначала свяжите Telegram')
  })
})

describe('polling', () => {
  test('of two app processes only one polls (advisory lock); when it stops, the other takes over', async () => {
    const api = createTelegramApi({ token: telegram.token, apiUrl: telegram.url, timeoutSeconds: 10 })
    const second = startTelegramBot({ databaseUrl: database.url(), api, pollSeconds: 1, retryLeadershipMs: 200 })
    try {
      await new Promise((r) => setTimeout(r, 600))
      expect(bot.isPolling()).toBe(true)
      expect(second.isPolling()).toBe(false)
      await bot.stop()
      await expect.poll(() => second.isPolling(), { timeout: 5_000 }).toBe(true)
      const tg = person('Late')
      telegram.userSends(tg, '/help')
      await handled()
      expect(lastTo(tg)!.text).toContain('Это бот Попутки')
    } finally {
      await second.stop()
    }
  })
})
