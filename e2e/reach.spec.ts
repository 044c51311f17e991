// Journey: reaching people where they are — Telegram and email, against real protocol servers the
// e2e server started (a local SMTP server and a fake Telegram Bot API, scripts/e2e-server.ts).
//
// A driver and a rider connect Telegram from their profiles (one-time deep link, /start <token>);
// the rider books a manual-approval run on the site; the driver gets a Telegram message with
// Approve and presses it; the booking is confirmed; the rider gets the email and the Telegram
// message with the driver's phone, and sees it on My bookings. Then the driver moves the run and
// the rider accepts the change; and a password is reset from the sign-in page by email.
import { randomUUID } from 'node:crypto'
import type { Page } from '@playwright/test'
import { createUser, e2eDb, expect, keepScreenshot, signInContext, test, type TestUser } from './fixtures'
import { mailbox, telegram, telegramUser, type SentTelegram } from './lib/outside'
import { kzDate } from './lib/world'

const PHONE = { e164: '+996555123456', shown: '+996 555 123 456' }

async function driverWithManualRun() {
  const driver = await createUser({ roles: ['PASSENGER', 'DRIVER'], name: `Айдар ${randomUUID().slice(0, 4)}` })
  await e2eDb().query(`UPDATE users SET phone = $2 WHERE id = $1`, [driver.id, PHONE.e164])
  const car = await e2eDb().query<{ id: string; plate: string }>(
    `INSERT INTO cars (owner_id, make, model, colour, plate, seats) VALUES ($1, 'Toyota', 'Alphard', 'белый', $2, 6) RETURNING id, plate`,
    [driver.id, `${Math.floor(100 + Math.random() * 899)}TG02`],
  )
  const on = kzDate(2)
  const trip = await e2eDb().query<{ id: string }>(
    `INSERT INTO trips (driver_id, car_id, origin_city_id, pickup_label, pickup_lat, pickup_lng, checkpoint_id, destination_city_id,
       departure_at, departure_on, round_trip, return_at, return_on, seats_total, pricing_mode, price_per_seat_tenge, seat_price_tenge,
       approval_mode, request_ttl_hours, updated_at)
     VALUES ($1, $2, 'almaty', 'Алматы, Сайран', 43.2389, 76.8897, 'korday', 'bishkek', $3, $4::date, true, $5, $4::date, 4, 'PER_SEAT', 5000, 5000, 'MANUAL', 3, now())
     RETURNING id`,
    [driver.id, car.rows[0]!.id, new Date(`${on}T07:00:00+05:00`), on, new Date(`${on}T19:00:00+05:00`)],
  )
  return { driver, tripId: trip.rows[0]!.id, plate: car.rows[0]!.plate }
}

/** The rider's own traveller, in Kazakhstan for 5 days (an open stay: the booking needs a current stay). */
async function riderInKazakhstan(rider: TestUser) {
  const { rows } = await e2eDb().query<{ id: string }>(
    `INSERT INTO travellers (account_id, is_self, name, citizenship, updated_at) VALUES ($1, true, $2, 'RU', now()) RETURNING id`,
    [rider.id, rider.name],
  )
  await e2eDb().query(`INSERT INTO stays (traveller_id, entry_on, exit_on, updated_at) VALUES ($1, $2::date, NULL, now())`, [rows[0]!.id, kzDate(-5)])
}

/** Profile → "Connect Telegram" → the deep link's token → /start in the chat → linked. */
async function connectTelegram(page: Page, name: string) {
  const tg = telegramUser(name)
  await page.goto('/account')
  const reach = page.getByTestId('reach')
  await reach.getByRole('button', { name: 'Подключить Telegram' }).click()
  const link = reach.getByRole('link', { name: 'Открыть бота в Telegram' })
  await expect(link).toHaveAttribute('href', new RegExp(`^https://t\\.me/${telegram.username()}\\?start=[A-Za-z0-9_-]{43}$`))
  const token = new URL((await link.getAttribute('href'))!).searchParams.get('start')!
  await telegram.userSends(tg, `/start ${token}`)
  await expect.poll(async () => (await telegram.sentTo(tg.id)).map((m) => m.text).join('\n'), { timeout: 15_000 }).toContain('Telegram связан с аккаунтом')
  await page.reload()
  await expect(reach.locator('[data-channel="TELEGRAM"]')).toHaveAttribute('data-state', 'linked')
  await expect(reach.locator('[data-channel="TELEGRAM"]')).toContainText(`Подключён: @${tg.username}`)
  return tg
}

async function messageTo(chatId: number, startsWith: string, timeout = 15_000): Promise<SentTelegram> {
  let found: SentTelegram | undefined
  await expect.poll(async () => (found = (await telegram.sentTo(chatId)).find((m) => m.text.startsWith(startsWith))) !== undefined, { timeout, message: `a Telegram message "${startsWith}…"` }).toBe(true)
  return found!
}

test('a manual-approval booking: the driver approves in Telegram, the rider gets the driver’s phone by email and Telegram', async ({ signedInAs, browser }) => {
  test.setTimeout(120_000)
  const { driver, tripId, plate } = await driverWithManualRun()
  await e2eDb().query(`UPDATE users SET telegram_shared = true WHERE id = $1`, [driver.id])
  const driverContext = await browser.newContext()
  await signInContext(driverContext, driver)
  const driverPage = await driverContext.newPage()
  const driverTg = await connectTelegram(driverPage, 'Aidar')

  const { page, user: rider } = await signedInAs()
  await riderInKazakhstan(rider)
  const riderTg = await connectTelegram(page, 'Anna')
  await keepScreenshot(page, 'profile-reach')

  // The rider asks for a seat on the site.
  await page.goto(`/trips/${tripId}`)
  await page.getByRole('button', { name: 'Отправить заявку водителю' }).click()
  await expect(page.getByTestId('own-booking')).toHaveAttribute('data-status', 'PENDING')
  // Before confirmation nobody's contact shows.
  await expect(page.getByTestId('driver-contact')).toHaveCount(0)
  const { rows: [booking] } = await e2eDb().query<{ id: string }>(`SELECT id FROM bookings WHERE trip_id = $1 AND rider_id = $2`, [tripId, rider.id])

  // The driver: a Telegram message with Approve / Decline, and an email.
  const request = await messageTo(driverTg.id, 'Новая заявка')
  expect(request.text).toContain(rider.name)
  expect(request.text).not.toContain(rider.email)
  expect(request.buttons.flat().map((b) => [b.text, b.callback_data])).toEqual([['✅ Подтвердить', `a:${booking!.id}`], ['❌ Отклонить', `d:${booking!.id}`]])
  await expect.poll(async () => (await mailbox.to(driver.email)).map((m) => m.subject).join('\n'), { timeout: 15_000 }).toContain('Новая заявка')

  // Approve, in Telegram.
  const pressedAt = Date.now()
  await telegram.userPressesButton(driverTg, request, `a:${booking!.id}`)
  await expect.poll(async () => (await e2eDb().query(`SELECT status FROM bookings WHERE id = $1`, [booking!.id])).rows[0].status, { timeout: 15_000 }).toBe('CONFIRMED')
  await expect.poll(async () => (await telegram.state()).answers.map((a) => a.text).join('\n')).toContain('Заявка подтверждена')

  // The rider: the email, and the Telegram message, with the driver's phone.
  let approved: Awaited<ReturnType<typeof mailbox.to>>[number] | undefined
  await expect.poll(async () => (approved = (await mailbox.to(rider.email)).find((m) => m.subject.startsWith('Водитель подтвердил заявку'))) !== undefined, { timeout: 15_000 }).toBe(true)
  expect(approved!.text).toContain(`Телефон: ${PHONE.shown}`)
  expect(approved!.text).toContain(`номер ${plate}`)
  expect(approved!.text).toContain(`/trips/${tripId}`)
  const inTelegram = await messageTo(riderTg.id, 'Водитель подтвердил заявку')
  expect(inTelegram.text).toContain(`Телефон: ${PHONE.shown}`)
  expect(inTelegram.text).toContain(`Telegram: @${driverTg.username}`)
  // Exactly once per channel.
  expect((await mailbox.to(rider.email)).filter((m) => m.subject.startsWith('Водитель подтвердил заявку'))).toHaveLength(1)
  expect((await telegram.sentTo(riderTg.id)).filter((m) => m.text.startsWith('Водитель подтвердил заявку'))).toHaveLength(1)
  console.log(`Approve pressed → the rider's email in ${approved!.at - pressedAt} ms, Telegram in ${inTelegram.at - pressedAt} ms`)

  // On the site: My bookings shows the driver's phone, tap to call.
  await page.goto('/bookings')
  const card = page.locator(`[data-booking-id="${booking!.id}"]`)
  await expect(card).toHaveAttribute('data-status', 'CONFIRMED')
  await expect(card.getByRole('link', { name: new RegExp(PHONE.shown.replace(/\+/g, '\\+')) })).toHaveAttribute('href', `tel:${PHONE.e164}`)
  await keepScreenshot(page, 'bookings-driver-contact')
  await driverContext.close()
})

test('a driver moves the run: the rider sees before → after with the reason, in Telegram and on the site, and accepts', async ({ signedInAs, browser }) => {
  test.setTimeout(120_000)
  const { driver, tripId } = await driverWithManualRun()
  await e2eDb().query(`UPDATE trips SET approval_mode = 'INSTANT', request_ttl_hours = NULL WHERE id = $1`, [tripId])
  const { page, user: rider } = await signedInAs()
  await riderInKazakhstan(rider)
  const riderTg = await connectTelegram(page, 'Vera')
  await page.goto(`/trips/${tripId}`)
  await page.getByRole('button', { name: 'Забронировать' }).click()
  await expect(page.getByTestId('own-booking')).toHaveAttribute('data-status', 'CONFIRMED')

  // The driver edits the departure time, with a reason.
  const driverContext = await browser.newContext()
  await signInContext(driverContext, driver)
  const driverPage = await driverContext.newPage()
  await driverPage.goto(`/my-trips/${tripId}/edit`)
  await driverPage.getByLabel('Время выезда').fill('08:30')
  await driverPage.getByLabel('Причина изменения').fill('Ремонт дороги на выезде')
  await driverPage.getByRole('button', { name: 'Сохранить изменения' }).click()
  await expect(driverPage.getByTestId('form-message')).toContainText(/1/)

  const changed = await messageTo(riderTg.id, 'Поездка изменилась')
  expect(changed.text).toMatch(/Отправление: .*07:00 → .*08:30/)
  expect(changed.text).toContain('Причина: Ремонт дороги на выезде')
  expect(changed.buttons.flat().map((b) => b.text)).toEqual(['👍 Принимаю', 'Отменить бесплатно'])

  await page.goto('/bookings')
  const change = page.getByTestId('booking-change')
  await expect(change).toContainText('Водитель изменил поездку')
  await expect(change.getByTestId('change-lines')).toContainText(/Отправление: .*07:00 → .*08:30/)
  await expect(change).toContainText('Причина: Ремонт дороги на выезде')
  await keepScreenshot(page, 'bookings-change')
  await change.getByRole('button', { name: 'Принимаю изменения' }).click()
  await expect(page.getByTestId('booking-change')).toHaveCount(0)
  const { rows } = await e2eDb().query(`SELECT changed_by_driver_at FROM bookings WHERE trip_id = $1 AND rider_id = $2`, [tripId, rider.id])
  expect(rows).toEqual([{ changed_by_driver_at: null }])
  await driverContext.close()
})

test('password reset by email: a link from the sign-in page sets a new password once and ends the other sessions', async ({ page, browser }) => {
  const user: TestUser = await createUser()
  // Someone else holds a session made with the old password (another device, or a thief).
  const other = await browser.newContext()
  await signInContext(other, user)
  expect((await other.request.get('/api/bookings')).status()).toBe(200)
  await page.goto('/sign-in')
  await page.getByRole('link', { name: 'Забыли пароль?' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Сброс пароля' })).toBeVisible()
  await page.getByLabel('Электронная почта').fill(user.email)
  await page.getByRole('button', { name: 'Прислать ссылку' }).click()
  await expect(page.getByTestId('form-message')).toContainText(`Если с адресом ${user.email} есть аккаунт`)

  let text = ''
  await expect.poll(async () => (text = (await mailbox.to(user.email)).find((m) => m.subject === 'Сброс пароля в Попутке')?.text ?? ''), { timeout: 15_000 }).toContain('/reset-password?token=')
  const link = new URL(/https?:\/\/\S+\/reset-password\?token=[A-Za-z0-9_-]+/.exec(text)![0])
  await page.goto(`${link.pathname}${link.search}`)
  await page.getByLabel('Новый пароль').fill('a-brand-new-password-1')
  await page.getByRole('button', { name: 'Сохранить пароль' }).click()
  await expect(page.getByTestId('form-message')).toContainText('Пароль изменён')

  // The link is used up, and the session made with the old password is over.
  await page.goto(`${link.pathname}${link.search}`)
  await expect(page.getByText('Ссылка недействительна')).toBeVisible()
  expect((await other.request.get('/api/bookings')).status()).toBe(401)
  await other.close()

  await page.goto('/sign-in')
  await page.getByLabel('Электронная почта').fill(user.email)
  await page.getByLabel('Пароль').fill('a-brand-new-password-1')
  await page.getByRole('button', { name: 'Войти' }).click()
  await expect(page.getByRole('button', { name: 'Выйти' })).toBeVisible()
  await expect.poll(async () => (await mailbox.to(user.email)).map((m) => m.subject)).toContain('Пароль в Попутке изменён')
})

test('the outbox page shows admins what waits, went out and failed, with the error', async ({ signedInAs }) => {
  const { page } = await signedInAs(['PASSENGER', 'ADMIN'])
  await page.goto('/admin/outbox')
  await expect(page.getByRole('heading', { level: 1, name: 'Очередь уведомлений' })).toBeVisible()
  await expect(page.locator('[data-testid="outbox-channel"][data-channel="EMAIL"]')).toContainText('Отправка работает.')
  await page.getByRole('link', { name: 'Отправлены' }).click()
  await expect(page.getByTestId('outbox-row').first()).toHaveAttribute('data-status', 'SENT')
  await keepScreenshot(page, 'admin-outbox')
})

test('the new screens fit a 320 px phone with long text, and their controls are big enough to tap', async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 320, height: 700 } })
  const longName = `Александра-Мария Константинопольская-Верхнеднепровская ${randomUUID().slice(0, 4)}`
  const user = await createUser({ roles: ['PASSENGER', 'ADMIN'], name: longName })
  await e2eDb().query(`UPDATE users SET phone = '+996555123456' WHERE id = $1`, [user.id])
  await signInContext(context, user)
  const page = await context.newPage()
  for (const path of ['/account', '/forgot-password', '/reset-password?token=x', '/verify-email?token=x', '/admin/outbox', '/bookings']) {
    await page.goto(path)
    await expect(page.locator('h1')).toBeVisible()
    const { width, wide } = await page.evaluate(() => ({
      width: document.documentElement.scrollWidth,
      // What sticks out, to say where when it fails.
      wide: [...document.querySelectorAll('body *')].filter((e) => e.getBoundingClientRect().right > 321).slice(-5).map((e) => `${e.tagName.toLowerCase()}.${e.className} ${Math.round(e.getBoundingClientRect().right)}px`),
    }))
    expect(width, `${path}: ${wide.join(', ')}`).toBeLessThanOrEqual(320)
  }
  await page.goto('/account')
  // Every control of the notification settings: at least 24 × 24 px; the primary buttons 44 px tall.
  const sizes = await page.getByTestId('reach').locator('input[type=checkbox], button').evaluateAll((els) => els.map((e) => e.getBoundingClientRect()).map((r) => [Math.round(r.width), Math.round(r.height)]))
  expect(sizes.length).toBeGreaterThan(0)
  for (const [w, h] of sizes) expect(Math.min(w!, h!)).toBeGreaterThanOrEqual(24)
  const save = await page.getByTestId('reach').getByRole('button', { name: 'Сохранить' }).boundingBox()
  expect(save!.height).toBeGreaterThanOrEqual(44)
  await keepScreenshot(page, 'account-320')
  await context.close()
})
