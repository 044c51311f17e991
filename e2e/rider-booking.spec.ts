// Journey: a rider finds a run, reads its page, books seats for a party after the legal check,
// joins a waitlist, cancels, pays — on the rider's pages (search, run page, My bookings, receipt,
// notifications). Each test makes its own driver, car and runs with SQL.
import { randomUUID } from 'node:crypto'
import type { Page } from '@playwright/test'
import { createUser, e2eDb, expect, keepScreenshot, signInContext, test, type TestUser } from './fixtures'
import { expectNoSeriousAxeViolations } from './lib/page-checks'

/** A Kazakhstan calendar date (UTC+5) `offset` days from today. */
function kzDate(offset: number): string {
  const d = new Date(Date.now() + 5 * 3_600_000)
  d.setUTCDate(d.getUTCDate() + offset)
  return d.toISOString().slice(0, 10)
}

const CITY = {
  almaty: { lat: 43.2389, lng: 76.8897, label: 'Алматы, e2e' },
  shymkent: { lat: 42.3417, lng: 69.5901, label: 'Шымкент, e2e' },
} as const

async function createDriver(): Promise<{ driver: TestUser; carId: string }> {
  const driver = await createUser({ roles: ['PASSENGER', 'DRIVER'], name: `Ерлан ${randomUUID().slice(0, 4)}` })
  const plate = `${Math.floor(100 + Math.random() * 899)}E2E02`
  const { rows } = await e2eDb().query<{ id: string }>(
    `INSERT INTO cars (owner_id, make, model, colour, plate, seats) VALUES ($1, 'Kia', 'Carnival', 'синий', $2, 7) RETURNING id`,
    [driver.id, plate],
  )
  return { driver, carId: rows[0]!.id }
}

type RunOptions = {
  on?: string
  time?: string
  from?: keyof typeof CITY
  checkpoint?: string
  to?: string
  seats?: number
  seatsTaken?: number
  pricing: { mode: 'PER_SEAT'; price: number } | { mode: 'SHARED_COST'; total: number; minRiders: number; driverShares?: boolean }
  approval?: 'INSTANT' | 'MANUAL'
}

async function createRun(driver: { driver: TestUser; carId: string }, o: RunOptions): Promise<string> {
  const on = o.on ?? kzDate(1)
  const from = o.from ?? 'almaty'
  const departureAt = new Date(`${on}T${o.time ?? '10:00'}:00+05:00`)
  const returnAt = new Date(departureAt.getTime() + 8 * 3_600_000)
  const p = o.pricing
  const seatPrice = p.mode === 'PER_SEAT' ? p.price : Math.ceil(p.total / (p.minRiders + (p.driverShares ? 1 : 0)))
  const approval = o.approval ?? 'INSTANT'
  const { rows } = await e2eDb().query<{ id: string }>(
    `INSERT INTO trips (driver_id, car_id, origin_city_id, pickup_label, pickup_lat, pickup_lng, checkpoint_id, destination_city_id,
       departure_at, departure_on, round_trip, return_at, return_on, seats_total, seats_taken, pricing_mode, price_per_seat_tenge,
       total_cost_tenge, min_riders, driver_shares, seat_price_tenge, approval_mode, request_ttl_hours, notes, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10::date, true, $11, $10::date, $12, $13, $14::"PricingMode", $15, $16, $17, $18, $19,
       $20::"ApprovalMode", $21, 'Отправление от главного входа.', now())
     RETURNING id`,
    [
      driver.driver.id, driver.carId, from, CITY[from].label, CITY[from].lat, CITY[from].lng, o.checkpoint ?? 'korday', o.to ?? 'bishkek',
      departureAt, on, returnAt, o.seats ?? 4, o.seatsTaken ?? 0, p.mode, p.mode === 'PER_SEAT' ? p.price : null,
      p.mode === 'SHARED_COST' ? p.total : null, p.mode === 'SHARED_COST' ? p.minRiders : 1, p.mode === 'SHARED_COST' ? Boolean(p.driverShares) : false,
      seatPrice, approval, approval === 'MANUAL' ? 3 : null,
    ],
  )
  return rows[0]!.id
}

/** A traveller in Kazakhstan since `inKazakhstanSince` (default 5 days ago; null: an empty log). */
async function addTraveller(
  user: TestUser,
  options: { self: boolean; name?: string; citizenship?: string; inKazakhstanSince?: string | null },
): Promise<{ id: string; name: string }> {
  const name = options.name ?? user.name
  const { rows } = await e2eDb().query<{ id: string }>(
    `INSERT INTO travellers (account_id, is_self, name, citizenship, updated_at) VALUES ($1, $2, $3, $4, now()) RETURNING id`,
    [user.id, options.self, name, options.citizenship ?? 'RU'],
  )
  const since = options.inKazakhstanSince === undefined ? kzDate(-5) : options.inKazakhstanSince
  if (since !== null) await e2eDb().query(`INSERT INTO stays (traveller_id, entry_on, exit_on, updated_at) VALUES ($1, $2::date, NULL, now())`, [rows[0]!.id, since])
  return { id: rows[0]!.id, name }
}

const money = (n: number) => new RegExp(String(n).replace(/\B(?=(\d{3})+(?!\d))/g, '\\s?') + '\\s?₸')

async function expectNoSidewaysScroll(page: Page) {
  const width = await page.evaluate(() => document.documentElement.scrollWidth)
  expect(width).toBeLessThanOrEqual(360)
}

test('search finds the run with filters, sorts by price, pages on, and shows bad filters beside their fields', async ({ page }) => {
  const on = kzDate(5)
  const driver = await createDriver()
  const perSeat = await createRun(driver, { on, time: '08:00', from: 'shymkent', checkpoint: 'konysbayeva', to: 'tashkent', pricing: { mode: 'PER_SEAT', price: 5_000 } })
  const shared = await createRun(driver, { on, time: '11:00', from: 'shymkent', checkpoint: 'konysbayeva', to: 'tashkent', pricing: { mode: 'SHARED_COST', total: 12_000, minRiders: 3 } })
  const full = await createRun(driver, { on, time: '12:30', from: 'shymkent', checkpoint: 'konysbayeva', to: 'tashkent', seats: 2, seatsTaken: 2, pricing: { mode: 'PER_SEAT', price: 3_000 } })

  await page.goto('/trips')
  await expect(page.getByRole('heading', { level: 1, name: 'Поиск поездок' })).toBeVisible()
  await page.getByLabel('Дата', { exact: true }).fill(on)
  await page.getByLabel('Откуда').selectOption('shymkent')
  await page.getByLabel('Пункт пропуска').selectOption('konysbayeva')
  await page.getByLabel('Сортировка').selectOption('price')
  await page.getByRole('button', { name: 'Найти' }).click()
  await expect(page).toHaveURL(new RegExp(`date=${on}.*from=shymkent.*checkpoint=konysbayeva.*sort=price`))

  const ids = () => page.getByTestId('trip-item').evaluateAll((items) => items.map((i) => i.getAttribute('data-trip-id')))
  // Cheapest first: the shared run's seat costs at most 4,000 ₸, the other 5,000 ₸; the full one is hidden.
  await expect.poll(async () => (await ids()).filter((id) => [perSeat, shared, full].includes(id!))).toEqual([shared, perSeat])
  const sharedItem = page.locator(`[data-trip-id="${shared}"]`)
  await expect(sharedItem.getByTestId('trip-price')).toContainText(money(4_000))
  await expect(sharedItem.getByTestId('trip-price')).toContainText(/не больше\s4\s000\s₸/)
  await expect(sharedItem).toContainText('Шымкент → Ташкент')
  await expect(sharedItem).toContainText('через Б. Конысбаева')
  await expect(sharedItem).toContainText(/Водитель Ерлан .* Kia Carnival/)
  await expect(sharedItem).toContainText('11:00')
  await expect(page.getByRole('region', { name: 'Карта: места посадки найденных поездок' })).toBeVisible()
  await keepScreenshot(page, 'rider-search')

  // By time, and with full runs too: the full run appears, marked full.
  await page.getByLabel('Сортировка').selectOption('time')
  await page.getByLabel(/Показывать и заполненные/).check()
  await page.getByRole('button', { name: 'Найти' }).click()
  await expect.poll(async () => (await ids()).filter((id) => [perSeat, shared, full].includes(id!))).toEqual([perSeat, shared, full])
  await expect(page.locator(`[data-trip-id="${full}"]`)).toContainText('мест нет')

  // Keyset pages: one run a page, "Показать ещё" follows the cursor (a plain link).
  await page.goto(`/trips?date=${on}&from=shymkent&checkpoint=konysbayeva&sort=price&limit=1`)
  const seen: string[] = []
  for (let i = 0; i < 10; i++) {
    seen.push(...((await ids()) as string[]))
    const more = page.getByRole('link', { name: 'Показать ещё' })
    if ((await more.count()) === 0) break
    await more.click()
    await expect(page).toHaveURL(/cursor=/)
  }
  expect(seen.filter((id) => [perSeat, shared, full].includes(id))).toEqual([shared, perSeat])

  // Bad parameters are field errors on a normal page, never a server error.
  const response = await page.goto('/trips?date=2026-02-31&seats=12&sort=cheap&from=Алматы')
  expect(response?.status()).toBe(200)
  await expect(page.locator('#search-date-error')).toBeVisible()
  await expect(page.locator('#search-seats-error')).toHaveText('Не больше 8.')
  await expect(page.locator('#search-sort-error')).toHaveText('Выберите одно из значений.')
  await expect(page.locator('#search-from-error')).toHaveText('Выберите одно из значений.')
  await expect(page.getByText('Исправьте фильтры, отмеченные выше.')).toBeVisible()
  await page.goto(`/trips?dateFrom=${kzDate(3)}&dateTo=${kzDate(1)}`)
  await expect(page.locator('#search-date-to-error')).toHaveText('Конец диапазона раньше начала.')
  await page.goto('/trips?cursor=not-a-cursor')
  await expect(page.getByText('Ссылка на следующую страницу устарела. Начните поиск заново.')).toBeVisible()

  // Nothing found: an empty state, not an empty page.
  await page.goto(`/trips?date=${on}&checkpoint=aisha-bibi`)
  await expect(page.getByTestId('no-results')).toContainText('Поездок по этим фильтрам нет.')
})

test('the run page shows the share now and the cap of a shared-cost run, and asks a visitor to sign in to book', async ({ page, browser }) => {
  const driver = await createDriver()
  // Four seats already taken: one more rider's share is 24,000 ÷ 5 = 4,800 ₸, at most 24,000 ÷ 4 = 6,000 ₸.
  const tripId = await createRun(driver, { seats: 6, seatsTaken: 4, approval: 'MANUAL', pricing: { mode: 'SHARED_COST', total: 24_000, minRiders: 4 } })
  await page.goto(`/trips/${tripId}`)
  await expect(page.getByRole('heading', { level: 1, name: 'Алматы → Бишкек' })).toBeVisible()
  const price = page.getByTestId('trip-price').first()
  await expect(price).toContainText(money(4_800))
  await expect(price).toContainText('сейчас за место')
  await expect(price).toContainText(/не больше\s6\s000\s₸/)
  await expect(page.getByText('Почему «не больше»?')).toBeVisible()
  await expect(page.getByText('Водитель подтверждает заявку в течение 3 ч')).toBeVisible()
  await expect(page.getByTestId('seats-left')).toHaveText('Свободно 2 из 6')
  await expect(page.getByTestId('checkpoint-status')).toContainText('Открыт на')
  // Our research notes (a status row's source, how exact the map point is) are not the rider's.
  await expect(page.getByTestId('checkpoint-status')).not.toContainText('Источник')
  await expect(page.getByText('Точка на карте')).toHaveCount(0)
  await expect(page.getByText('Госномер покажем после подтверждения брони')).toBeVisible()
  await expect(page.getByText(/Ерлан .* Kia Carnival, синий/)).toBeVisible()
  await expect(page.getByRole('region', { name: /Карта маршрута/ })).toBeVisible()
  const signIn = page.getByRole('link', { name: 'Войдите, чтобы забронировать' })
  await expect(signIn).toHaveAttribute('href', new RegExp(`/sign-in\\?callbackUrl=%2Ftrips%2F${tripId}`))

  await expectNoSeriousAxeViolations(page)
  await page.goto('/trips')
  await expect(page.getByTestId('trip-item').first()).toBeVisible()
  await expectNoSeriousAxeViolations(page)

  // In English, the same figures.
  await page.goto(`/en/trips/${tripId}`)
  await expect(page.getByTestId('trip-price').first()).toContainText('4,800 ₸ now per seat')
  await expect(page.getByTestId('trip-price').first()).toContainText('at most 6,000 ₸')
  await expect(page.getByText('The driver approves requests within 3 h')).toBeVisible()

  // The run's driver gets a link to manage it, and no booking form.
  const context = await browser.newContext()
  await signInContext(context, driver.driver)
  const driverPage = await context.newPage()
  await driverPage.goto(`/trips/${tripId}`)
  await expect(driverPage.getByText('Это ваша поездка: бронировать в ней места нельзя.')).toBeVisible()
  await expect(driverPage.getByRole('link', { name: 'Управлять поездкой' })).toHaveAttribute('href', `/my-trips/${tripId}`)
  await expect(driverPage.getByRole('button', { name: /Забронировать|Отправить заявку/ })).toHaveCount(0)
  await context.close()

  // An id that is not a run is a 404 page, not a crash.
  expect((await page.goto('/trips/not-a-run'))?.status()).toBe(404)
  expect((await page.goto(`/trips/${randomUUID()}`))?.status()).toBe(404)
})

test('a rider books a party of two, sees the share and the cap, and finds it in My bookings', async ({ signedInAs }) => {
  const driver = await createDriver()
  // Shared cost 12,000 ₸ with a minimum of 1 rider: one seat pays 12,000 ₸; two seats 6,000 ₸ each, at most 12,000 ₸ each.
  const tripId = await createRun(driver, { seats: 4, pricing: { mode: 'SHARED_COST', total: 12_000, minRiders: 1 } })
  const { page, user } = await signedInAs()
  const self = await addTraveller(user, { self: true })
  const companion = await addTraveller(user, { self: false, name: 'Мария Спутникова', citizenship: 'BY' })

  await page.goto(`/trips/${tripId}`)
  const quote = page.getByTestId('booking-quote')
  await expect(page.getByRole('checkbox', { name: `${self.name} (вы)` })).toBeChecked()
  await expect(quote).toContainText(/не больше\s12\s000\s₸/)
  // Adding a companion opens a form right here: the run page (and what is ticked) stays.
  await page.getByText('Добавить спутника', { exact: true }).click()
  await expect(page.getByRole('form', { name: 'Добавить попутчика' })).toBeVisible()
  await expect(page).toHaveURL(new RegExp(`/trips/${tripId}$`))
  await page.getByRole('checkbox', { name: companion.name }).check()
  // Recomputed in the browser as the box is ticked.
  await expect(quote).toContainText('Стоимость за 2 места')
  await expect(quote).toContainText(/12\s000\s₸ сейчас за 2 места/)
  await expect(quote).toContainText(/не больше\s24\s000\s₸/)
  await expect(page.locator('.leaflet-marker-icon').first()).toBeVisible()
  await keepScreenshot(page, 'rider-run-page')

  await page.getByRole('button', { name: 'Забронировать' }).click()
  const success = page.getByTestId('booking-success')
  await expect(success).toContainText('Готово: 2 места забронированы и подтверждены.')
  await expect(success).toContainText(/Сейчас ваша доля 12\s000\s₸, и не больше 24\s000\s₸/)
  const own = page.getByTestId('own-booking')
  await expect(own).toHaveAttribute('data-status', 'CONFIRMED')
  await expect(own.getByTestId('traveller-verdicts')).toContainText(self.name)
  await expect(own.getByTestId('traveller-verdicts')).toContainText(companion.name)
  await expect(own.getByTestId('traveller-verdicts')).toContainText('можно ехать')
  await expect(page.getByText(/Госномер: \d{3}E2E02/)).toBeVisible()

  const { rows } = await e2eDb().query(`SELECT seats, quoted_tenge, cap_tenge, status FROM bookings WHERE rider_id = $1`, [user.id])
  expect(rows).toEqual([{ seats: 2, quoted_tenge: 12_000, cap_tenge: 24_000, status: 'CONFIRMED' }])

  // My bookings: the run, both travellers, what is owed now, "I paid", then the receipt.
  await page.goto('/bookings')
  const card = page.getByTestId('booking-card').filter({ hasText: 'Алматы → Бишкек' })
  await expect(card).toContainText('Подтверждена')
  await expect(card).toContainText(`2 места: ${self.name}, ${companion.name}`)
  await expect(card.getByTestId('booking-amount')).toContainText(/К оплате сейчас: 12\s000\s₸ \(не больше 24\s000\s₸\)/)
  await expect(card.getByTestId('payment-state')).toContainText('Не оплачено')
  await keepScreenshot(page, 'rider-my-bookings')
  await card.getByRole('button', { name: 'Я оплатил(а)' }).click()
  await expect(card.getByTestId('payment-state')).toContainText('Вы отметили оплату')
  expect((await e2eDb().query(`SELECT payment_state FROM bookings WHERE rider_id = $1`, [user.id])).rows[0].payment_state).toBe('PAID')

  await card.getByRole('link', { name: 'Квитанция' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Квитанция о поездке' })).toBeVisible()
  await expect(page.getByTestId('receipt-amount')).toContainText(money(12_000))
  await expect(page.getByText(`${self.name}, ${companion.name}`)).toBeVisible()
  await expect(page.getByText(/Пассажир отметил оплату:/)).toBeVisible()
  await keepScreenshot(page, 'rider-receipt')
  // Nobody else sees it.
  const { page: stranger } = await signedInAs()
  expect((await stranger.goto(page.url()))?.status()).toBe(404)

  // The rider was told too, in their notifications.
  await page.goto('/notifications')
  await expect(page.getByText('Бронь подтверждена: Алматы → Бишкек.')).toBeVisible()
})

test('a double submit of the booking form books once', async ({ signedInAs }) => {
  const driver = await createDriver()
  const tripId = await createRun(driver, { pricing: { mode: 'PER_SEAT', price: 4_000 } })
  const { page, user } = await signedInAs()
  await addTraveller(user, { self: true })
  await page.goto(`/trips/${tripId}`)
  await expect(page.getByRole('button', { name: 'Забронировать' })).toBeEnabled()
  // Two submits of the same rendered form (same idempotency token), as a double click sends them.
  await page.locator('form:has(input[name="idempotencyKey"])').evaluate((form: HTMLFormElement) => {
    form.requestSubmit()
    form.requestSubmit()
  })
  await expect(page.getByTestId('booking-success')).toContainText('Готово: 1 место забронировано и подтверждено.')
  const { rows } = await e2eDb().query(`SELECT count(*)::int AS n FROM bookings WHERE rider_id = $1`, [user.id])
  expect(rows[0].n).toBe(1)
  const trip = await e2eDb().query(`SELECT seats_taken FROM trips WHERE id = $1`, [tripId])
  expect(trip.rows[0].seats_taken).toBe(1)
})

test('a rider who has used 90 days is refused, with the reason in plain words', async ({ signedInAs }) => {
  const driver = await createDriver()
  const tripId = await createRun(driver, { pricing: { mode: 'PER_SEAT', price: 4_500 } })
  const { page, user } = await signedInAs()
  // In Kazakhstan since 89 days ago: the exit tomorrow would be day 91 of the 180-day window.
  const self = await addTraveller(user, { self: true, inKazakhstanSince: kzDate(-89) })

  await page.goto(`/trips/${tripId}`)
  await page.getByRole('button', { name: 'Забронировать' }).click()
  const refusal = page.getByTestId('booking-refusal')
  await expect(refusal).toHaveAttribute('data-code', 'LEGAL_BLOCKED')
  await expect(refusal).toHaveAttribute('role', 'alert')
  await expect(refusal).toContainText('Бронь невозможна: поездка нарушит правило пребывания')
  await expect(refusal).toContainText(self.name)
  await expect(refusal).toContainText('ехать нельзя')
  await expect(refusal.locator('[data-code="OVERSTAY_ON_EXIT"]')).toContainText('срок уже будет превышен на 1 день')
  const { rows } = await e2eDb().query(`SELECT count(*)::int AS n FROM bookings WHERE rider_id = $1`, [user.id])
  expect(rows[0].n).toBe(0)
})

test('a warning must be acknowledged before the booking goes through', async ({ signedInAs }) => {
  const driver = await createDriver()
  const tripId = await createRun(driver, { pricing: { mode: 'PER_SEAT', price: 4_500 } })
  const { page, user } = await signedInAs()
  // A code that is no state's: the platform cannot vouch for the count.
  const self = await addTraveller(user, { self: true, citizenship: 'ZZ' })
  await page.goto(`/trips/${tripId}`)
  await page.getByRole('button', { name: 'Забронировать' }).click()
  const refusal = page.getByTestId('booking-refusal')
  await expect(refusal).toHaveAttribute('data-code', 'LEGAL_WARNING')
  await expect(refusal).toContainText('Есть предупреждение по сроку пребывания')
  await expect(refusal).toContainText(self.name)
  await expect(refusal.locator('[data-code="UNKNOWN_NATIONALITY"]')).toContainText('правил въезда для него мы не знаем')
  const acknowledge = page.getByRole('checkbox', { name: /Я прочитал\(а\) предупреждение/ })
  await expect(acknowledge).toHaveAttribute('required', '')
  await acknowledge.check()
  await page.getByRole('button', { name: 'Забронировать' }).click()
  await expect(page.getByTestId('booking-success')).toContainText('Готово: 1 место забронировано и подтверждено.')
  const { rows } = await e2eDb().query(`SELECT verdict, warning_acknowledged FROM bookings WHERE rider_id = $1`, [user.id])
  expect(rows).toEqual([{ verdict: 'WARN', warning_acknowledged: true }])
})

test('a full run offers the waitlist; a cancellation promotes the waitlisted party', async ({ signedInAs }) => {
  const driver = await createDriver()
  const tripId = await createRun(driver, { seats: 1, pricing: { mode: 'PER_SEAT', price: 5_000 } })

  const first = await signedInAs()
  await addTraveller(first.user, { self: true })
  await first.page.goto(`/trips/${tripId}`)
  await first.page.getByRole('button', { name: 'Забронировать' }).click()
  await expect(first.page.getByTestId('booking-success')).toBeVisible()

  const second = await signedInAs()
  await addTraveller(second.user, { self: true })
  await second.page.goto(`/trips/${tripId}`)
  await expect(second.page.getByTestId('seats-left')).toHaveText('Мест нет (все 1 заняты)')
  await expect(second.page.getByTestId('booking-quote')).toContainText('можно встать в лист ожидания')
  await second.page.getByRole('button', { name: 'Забронировать' }).click()
  await expect(second.page.getByTestId('booking-refusal')).toHaveAttribute('data-code', 'TRIP_FULL')
  await expect(second.page.getByTestId('booking-refusal')).toContainText('Мест не осталось')
  await second.page.getByRole('button', { name: 'Встать в лист ожидания' }).click()
  await expect(second.page.getByTestId('booking-success')).toContainText('Вы в листе ожидания (1 место)')
  await expect(second.page.getByTestId('own-booking')).toHaveAttribute('data-status', 'WAITLISTED')

  // The first rider cancels from My bookings (a confirmation step first).
  await first.page.goto('/bookings')
  const card = first.page.getByTestId('booking-card').filter({ hasText: 'Алматы → Бишкек' })
  await card.getByText('Отменить бронь').click()
  await card.getByRole('button', { name: 'Да, отменить' }).click()
  await expect(first.page.getByTestId('booking-card').filter({ hasText: 'Отменена' })).toBeVisible()

  const { rows } = await e2eDb().query(`SELECT rider_id, status FROM bookings WHERE trip_id = $1 ORDER BY created_at`, [tripId])
  expect(rows).toEqual([
    { rider_id: first.user.id, status: 'CANCELLED' },
    { rider_id: second.user.id, status: 'CONFIRMED' },
  ])
  await second.page.goto('/bookings')
  const promoted = second.page.getByRole('region', { name: 'Предстоящие' }).getByTestId('booking-card')
  await expect(promoted).toHaveAttribute('data-status', 'CONFIRMED')
  await expect(promoted).toContainText('Подтверждена')
  await expect(promoted.getByTestId('booking-amount')).toContainText(/К оплате сейчас: 5\s000\s₸/)

  // Told in their notifications; the count in the navigation drops once they are read.
  const nav = second.page.getByRole('navigation', { name: 'Основная навигация' })
  await expect(nav.getByRole('link', { name: /^Уведомления \(\d+\)$/ })).toBeVisible()
  await nav.getByRole('link', { name: /^Уведомления/ }).click()
  await expect(second.page.getByText('Освободилось место — вы переведены из листа ожидания.')).toBeVisible()
  await expect(nav.getByRole('link', { name: 'Уведомления', exact: true })).toBeVisible()
})

test('search, a run page and My bookings fit a 360 px phone', async ({ browser }) => {
  const driver = await createDriver()
  const tripId = await createRun(driver, { pricing: { mode: 'SHARED_COST', total: 20_000, minRiders: 2 } })
  const user = await createUser()
  await addTraveller(user, { self: true })
  const context = await browser.newContext({ viewport: { width: 360, height: 740 } })
  await signInContext(context, user)
  const page = await context.newPage()
  await page.goto('/trips?includeFull=1')
  await expect(page.getByTestId('trip-item').first()).toBeVisible()
  await expectNoSidewaysScroll(page)
  await keepScreenshot(page, 'rider-search-360')
  await page.goto(`/trips/${tripId}`)
  await expect(page.locator('.leaflet-marker-icon').first()).toBeVisible()
  await expectNoSidewaysScroll(page)
  await keepScreenshot(page, 'rider-run-page-360')
  await page.getByRole('button', { name: 'Забронировать' }).click()
  await expect(page.getByTestId('booking-success')).toBeVisible()
  await expectNoSidewaysScroll(page)
  await page.goto('/bookings')
  await expect(page.getByTestId('booking-card').first()).toBeVisible()
  await expectNoSidewaysScroll(page)
  await context.close()
})
