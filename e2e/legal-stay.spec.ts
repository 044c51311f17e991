// Journeys of the legal stay's second pass (issue 11): an Uzbek rider on day 31 is refused a round
// trip and offered the one-way run; a rider whose log is empty gives their entry date in the
// booking form and is booked; editing a stay so that a confirmed booking becomes illegal flags it
// on My bookings. Every date comes from the clock.
import { randomUUID } from 'node:crypto'
import { createUser, e2eDb, expect, keepScreenshot, test, type TestUser } from './fixtures'

/** A Kazakhstan calendar date (UTC+5) `offset` days from today. */
function kzDate(offset: number): string {
  const d = new Date(Date.now() + 5 * 3_600_000)
  d.setUTCDate(d.getUTCDate() + offset)
  return d.toISOString().slice(0, 10)
}

async function createDriver(): Promise<{ driver: TestUser; carId: string }> {
  const driver = await createUser({ roles: ['PASSENGER', 'DRIVER'], name: `Рустам ${randomUUID().slice(0, 4)}` })
  const { rows } = await e2eDb().query<{ id: string }>(
    `INSERT INTO cars (owner_id, make, model, colour, plate, seats) VALUES ($1, 'Hyundai', 'Staria', 'серый', $2, 7) RETURNING id`,
    [driver.id, `${Math.floor(100 + Math.random() * 899)}LS11`],
  )
  return { driver, carId: rows[0]!.id }
}

/** A Shymkent → Tashkent run through Kaplanbek, tomorrow unless said otherwise. */
async function createRun(o: { driver: { driver: TestUser; carId: string }; on?: string; time: string; roundTrip: boolean }): Promise<string> {
  const on = o.on ?? kzDate(1)
  const departureAt = new Date(`${on}T${o.time}:00+05:00`)
  const returnAt = o.roundTrip ? new Date(departureAt.getTime() + 8 * 3_600_000) : null
  const { rows } = await e2eDb().query<{ id: string }>(
    `INSERT INTO trips (driver_id, car_id, origin_city_id, pickup_label, pickup_lat, pickup_lng, checkpoint_id, destination_city_id,
       departure_at, departure_on, round_trip, return_at, return_on, seats_total, seats_taken, pricing_mode, price_per_seat_tenge,
       min_riders, seat_price_tenge, approval_mode, notes, updated_at)
     VALUES ($1, $2, 'shymkent', 'Шымкент, автовокзал', 42.3417, 69.5901, 'kaplanbek', 'tashkent', $3, $4::date, $5, $6, $7::date, 4, 0,
       'PER_SEAT', 3000, 1, 3000, 'INSTANT', '', now())
     RETURNING id`,
    [o.driver.driver.id, o.driver.carId, departureAt, on, o.roundTrip, returnAt, o.roundTrip ? on : null],
  )
  return rows[0]!.id
}

async function addTraveller(user: TestUser, citizenship: string, inKazakhstanSince: string | null): Promise<string> {
  const { rows } = await e2eDb().query<{ id: string }>(
    `INSERT INTO travellers (account_id, is_self, name, citizenship, updated_at) VALUES ($1, true, $2, $3, now()) RETURNING id`,
    [user.id, user.name, citizenship],
  )
  if (inKazakhstanSince !== null) {
    await e2eDb().query(`INSERT INTO stays (traveller_id, entry_on, exit_on, updated_at) VALUES ($1, $2::date, NULL, now())`, [rows[0]!.id, inKazakhstanSince])
  }
  return rows[0]!.id
}

test('an Uzbek rider on day 31 is refused the round trip, offered the one-way run, and can take it', async ({ signedInAs }) => {
  const driver = await createDriver()
  const roundTrip = await createRun({ driver, time: '08:00', roundTrip: true })
  const oneWay = await createRun({ driver, time: '09:30', roundTrip: false })
  const { page, user } = await signedInAs()
  // Entered 29 days ago: tomorrow is day 31 of the entry (30 days per entry, KZ–UZ protocol).
  await addTraveller(user, 'UZ', kzDate(-29))

  await page.goto(`/trips/${roundTrip}`)
  await page.getByRole('button', { name: 'Забронировать' }).click()
  const refusal = page.getByTestId('booking-refusal')
  await expect(refusal).toHaveAttribute('data-code', 'LEGAL_BLOCKED')
  await expect(refusal.locator('[data-code="OVERSTAY_ON_EXIT"]')).toContainText('срок уже будет превышен на 1 день')
  await expect(refusal.locator('[data-code="OVERSTAY_ON_EXIT"]')).toContainText('выберите поездку в один конец')
  await expect(refusal.locator('[data-code="OVERSTAY_ON_EXIT"]')).toContainText('запретом въезда на 5 лет')
  const offers = refusal.getByTestId('one-way-offers')
  await expect(offers).toContainText('Уехать можно: поездки в один конец')
  await keepScreenshot(page, 'legal-uz-day-31-offer')
  await offers.getByRole('link').first().click()
  await expect(page).toHaveURL(new RegExp(`/trips/${oneWay}$`))

  // The one-way run out is sold — with the facts, to be acknowledged.
  await page.getByRole('button', { name: 'Забронировать' }).click()
  await expect(page.getByTestId('booking-refusal')).toHaveAttribute('data-code', 'LEGAL_WARNING')
  await expect(page.getByTestId('booking-refusal').locator('[data-code="OVERSTAY_LEAVE_NOW"]')).toContainText('Выезд мы не запрещаем')
  await page.getByRole('checkbox', { name: /Я прочитал\(а\) предупреждение/ }).check()
  await page.getByRole('button', { name: 'Забронировать' }).click()
  await expect(page.getByTestId('booking-success')).toHaveAttribute('data-status', 'CONFIRMED')
  const { rows } = await e2eDb().query(`SELECT trip_id, verdict FROM bookings WHERE rider_id = $1`, [user.id])
  expect(rows).toEqual([{ trip_id: oneWay, verdict: 'WARN' }])
})

test('a rider whose log is empty is asked for the entry date in the booking form, and then booked', async ({ signedInAs }) => {
  const driver = await createDriver()
  const tripId = await createRun({ driver, time: '10:00', roundTrip: true })
  const { page, user } = await signedInAs()
  const travellerId = await addTraveller(user, 'RU', null)

  await page.goto(`/trips/${tripId}`)
  await page.getByRole('button', { name: 'Забронировать' }).click()
  await expect(page.getByTestId('booking-refusal')).toHaveAttribute('data-code', 'CURRENT_STAY_REQUIRED')
  await expect(page.getByTestId('booking-refusal')).toContainText('нет текущего пребывания в Казахстане')
  const fields = page.getByTestId('current-stay-fields')
  await expect(fields).toContainText('С какого числа вы в Казахстане?')
  const entry = fields.getByLabel(`Дата въезда: ${user.name}`)

  // A date in the future is refused beside the field, server-side (the browser's max is bypassed).
  await entry.evaluate((input) => input.removeAttribute('max'))
  await entry.fill(kzDate(2))
  await page.getByRole('button', { name: 'Сохранить дату и забронировать' }).click()
  await expect(fields.locator('.field-error')).toContainText('Дата ещё не наступила')
  await keepScreenshot(page, 'legal-empty-log-entry-date')

  await entry.fill(kzDate(-3))
  await page.getByRole('button', { name: 'Сохранить дату и забронировать' }).click()
  await expect(page.getByTestId('booking-success')).toHaveAttribute('data-status', 'CONFIRMED')
  const { rows } = await e2eDb().query(`SELECT to_char(entry_on, 'YYYY-MM-DD') AS entry_on, exit_on FROM stays WHERE traveller_id = $1`, [travellerId])
  expect(rows).toEqual([{ entry_on: kzDate(-3), exit_on: null }])
})

test('editing a stay so that a confirmed booking becomes illegal flags it on My bookings and My stay', async ({ signedInAs }) => {
  const driver = await createDriver()
  const tripId = await createRun({ driver, on: kzDate(3), time: '07:00', roundTrip: true })
  const { page, user } = await signedInAs()
  await addTraveller(user, 'RU', kzDate(-10))

  await page.goto(`/trips/${tripId}`)
  await page.getByRole('button', { name: 'Забронировать' }).click()
  await expect(page.getByTestId('booking-success')).toHaveAttribute('data-status', 'CONFIRMED')

  // The rider corrects the log: in Kazakhstan since 88 days ago — day 92 on the run's day.
  await page.goto('/stay')
  await page.getByTestId('stay-row').getByRole('button', { name: 'Изменить' }).click()
  const form = page.getByRole('form', { name: 'Изменить период' })
  await form.getByLabel('Дата въезда в Казахстан').fill(kzDate(-88))
  await form.getByRole('button', { name: 'Сохранить' }).click()
  await expect(page.getByTestId('affected-bookings')).toContainText('поездка невозможна')

  await page.goto('/bookings')
  const card = page.locator(`[data-testid="booking-card"]`).filter({ has: page.getByTestId('booking-worsened') })
  await expect(card.getByTestId('booking-worsened')).toHaveAttribute('data-verdict', 'BLOCKED')
  await expect(card.getByTestId('booking-worsened')).toContainText('Проверка пребывания изменилась: поездка невозможна')
  await expect(card.getByTestId('booking-worsened').locator('[data-code="OVERSTAY_ON_EXIT"]')).toBeVisible()
  await keepScreenshot(page, 'legal-booking-worsened')
  const { rows } = await e2eDb().query(`SELECT verdict, verdict_worsened_at IS NOT NULL AS flagged FROM bookings WHERE rider_id = $1`, [user.id])
  expect(rows).toEqual([{ verdict: 'BLOCKED', flagged: true }])
  const told = await e2eDb().query(`SELECT count(*)::int AS n FROM notifications WHERE user_id = $1 AND kind = 'BOOKING_LEGAL_WORSENED'`, [user.id])
  expect(told.rows[0].n).toBe(1)
})
