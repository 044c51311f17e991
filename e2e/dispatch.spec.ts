// Journey: a coordinator works tomorrow's day board. With two drivers of the group they open two
// runs through the board, see the riders booked on them with their legal flags, move a party from
// the full run to the other (capacity bars and both manifests follow — also in a second
// coordinator's open board, without a reload), are refused a move into a full run, check riders in,
// mark a no-show and download the run's CSV manifest. A driver (and a coordinator) of another
// group can neither see nor touch the board. Users, cars and the group are made with SQL; riders
// book through the real booking API, so their flags come from the real legal check.
import { randomUUID } from 'node:crypto'
import { readFileSync } from 'node:fs'
import type { APIRequestContext, Browser, Page } from '@playwright/test'
import { createUser, e2eDb, expect, keepScreenshot, signInContext, test, type TestUser } from './fixtures'
import { expectNoSeriousAxeViolations } from './lib/page-checks'

/** A Kazakhstan calendar date (UTC+5) `offset` days from today. */
function kzDate(offset: number): string {
  const d = new Date(Date.now() + 5 * 3_600_000)
  d.setUTCDate(d.getUTCDate() + offset)
  return d.toISOString().slice(0, 10)
}

const tag = () => randomUUID().slice(0, 4)

async function createDriver(name: string): Promise<TestUser> {
  const driver = await createUser({ roles: ['PASSENGER', 'DRIVER'], name })
  await e2eDb().query(`INSERT INTO cars (owner_id, make, model, colour, plate, seats) VALUES ($1, 'Toyota', 'Camry', 'белый', $2, 4)`, [
    driver.id, `${Math.floor(100 + Math.random() * 899)}D${tag().toUpperCase()}`,
  ])
  return driver
}

async function createGroup(name: string, coordinators: TestUser[], drivers: TestUser[]): Promise<string> {
  const { rows } = await e2eDb().query<{ id: string }>(`INSERT INTO groups (name, created_by_id) VALUES ($1, $2) RETURNING id`, [name, coordinators[0]!.id])
  const groupId = rows[0]!.id
  for (const c of coordinators) await e2eDb().query(`INSERT INTO group_members (group_id, user_id, role) VALUES ($1, $2, 'COORDINATOR')`, [groupId, c.id])
  for (const d of drivers) await e2eDb().query(`INSERT INTO group_members (group_id, user_id, role) VALUES ($1, $2, 'DRIVER')`, [groupId, d.id])
  return groupId
}

/** A rider with their own traveller and companions; `daysInCountry` records an open stay (85 days
 * by tomorrow makes the return leave few legal days: a warning). */
async function createRider(name: string, companions: string[] = [], daysInCountry?: number): Promise<{ user: TestUser; travellerIds: string[] }> {
  const user = await createUser({ name })
  const ids: string[] = []
  for (const [i, travellerName] of [name, ...companions].entries()) {
    const { rows } = await e2eDb().query<{ id: string }>(
      `INSERT INTO travellers (account_id, is_self, name, citizenship, updated_at) VALUES ($1, $2, $3, 'RU', now()) RETURNING id`,
      [user.id, i === 0, travellerName],
    )
    ids.push(rows[0]!.id)
  }
  // Everyone is in Kazakhstan (an empty log is not zero days): the first since `daysInCountry`
  // days ago, the others since 5.
  for (const [i, id] of ids.entries()) {
    await e2eDb().query(`INSERT INTO stays (traveller_id, entry_on, exit_on, updated_at) VALUES ($1, $2::date, NULL, now())`, [id, kzDate(-(i === 0 ? (daysInCountry ?? 5) : 5))])
  }
  return { user, travellerIds: ids }
}

async function book(browser: Browser, rider: { user: TestUser; travellerIds: string[] }, tripId: string): Promise<string> {
  const context = await browser.newContext()
  await signInContext(context, rider.user)
  const response = await context.request.post(`/api/trips/${tripId}/bookings`, {
    data: { travellerIds: rider.travellerIds, acknowledgeWarning: true },
    headers: { 'Accept-Language': 'ru' },
  })
  expect(response.status(), await response.text()).toBe(201)
  const { id } = (await response.json()) as { id: string }
  await context.close()
  return id
}

const run = (page: Page, driver: TestUser) => page.locator(`[data-testid="run"][data-driver="${driver.name}"]`)
const party = (page: Page, name: string) => page.locator(`[data-testid="party"][data-party="${name}"]`)

/** Tiny RFC 4180 reader for the test: quoted fields, doubled quotes, CRLF records. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = []
  let row: string[] = []
  let cell = ''
  let quoted = false
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { cell += '"'; i++ } else if (c === '"') quoted = false
      else cell += c
    } else if (c === '"') quoted = true
    else if (c === ',') { row.push(cell); cell = '' } else if (c === '\r' && text[i + 1] === '\n') { row.push(cell); rows.push(row); row = []; cell = ''; i++ } else cell += c
  }
  return rows
}

test('a coordinator runs tomorrow’s board: opens two runs, moves a party (seen live in a second session), is refused a full run, checks riders in, downloads the CSV', async ({ browser }) => {
  test.setTimeout(180_000)
  const date = kzDate(1)
  const coordinator = await createUser({ roles: ['PASSENGER', 'COORDINATOR'], name: `Дина ${tag()}` })
  const coordinator2 = await createUser({ roles: ['PASSENGER', 'COORDINATOR'], name: `Марат ${tag()}` })
  const driverA = await createDriver(`Айдар ${tag()}`)
  const driverB = await createDriver(`Руслан ${tag()}`)
  const groupId = await createGroup(`Утро ${tag()}`, [coordinator, coordinator2], [driverA, driverB])

  const context = await browser.newContext()
  await signInContext(context, coordinator)
  const page = await context.newPage()
  await page.goto(`/dispatch/${groupId}/${date}`)
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Доска на')
  await expect(page.getByText('На этот день у группы нет рейсов')).toBeVisible()

  // Open two runs through the board's form.
  await page.getByText('Открыть рейс', { exact: true }).first().click()
  const form = page.getByRole('form', { name: 'Открыть рейс' })
  for (const [driver, time, seats] of [[driverA, '07:00', '3'], [driverB, '09:00', '4']] as const) {
    await form.getByLabel('Водитель').selectOption({ label: driver.name })
    await form.getByLabel('Время отправления').fill(time)
    await form.getByLabel('Мест для пассажиров').fill(seats)
    await form.getByLabel('Цена за место, ₸').fill('4500')
    await form.getByRole('button', { name: 'Открыть рейс' }).click()
    await expect(form.getByTestId('form-message')).toContainText(`Рейс ${time} открыт: ${driver.name}.`)
    await expect(run(page, driver)).toBeVisible()
  }
  const { rows: trips } = await e2eDb().query<{ id: string; driver_id: string; seats_total: number }>(
    `SELECT id, driver_id, seats_total FROM trips WHERE group_id = $1 AND departure_on = $2::date ORDER BY departure_at`, [groupId, date],
  )
  expect(trips.map((t) => [t.driver_id, t.seats_total])).toEqual([[driverA.id, 3], [driverB.id, 4]])
  const [runA, runB] = [trips[0]!.id, trips[1]!.id]
  const { rows: audit } = await e2eDb().query(`SELECT action, actor_id FROM audit_log WHERE group_id = $1 AND action = 'trip.open'`, [groupId])
  expect(audit).toHaveLength(2)

  // Riders book through the real API: run A fills up (2 + 1 of 3 seats), run B has 3 of 4.
  const anna = await createRider(`Анна ${tag()}`, [`Иван ${tag()}`])
  const boris = await createRider(`Борис ${tag()}`, [], 85)
  const vera = await createRider(`Вера ${tag()}`)
  const gleb = await createRider(`Глеб ${tag()}`, [`Ольга ${tag()}`])
  await book(browser, anna, runA)
  const borisBooking = await book(browser, boris, runA)
  await book(browser, vera, runB)
  await book(browser, gleb, runB)

  // The board shows them (polling, no reload) with their legal flags.
  await expect(party(page, boris.user.name)).toBeVisible()
  await expect(party(page, gleb.user.name)).toBeVisible()
  await expect(party(page, boris.user.name).locator('[data-verdict="WARN"]')).toHaveText(/внимание/)
  await expect(party(page, anna.user.name).locator('[data-verdict]')).toHaveText([/ок/, /ок/])
  await expect(run(page, driverA).getByTestId('capacity-text')).toHaveText('Занято 3 из 3 · свободно 0')
  await expect(run(page, driverB).getByTestId('capacity-text')).toHaveText('Занято 3 из 4 · свободно 1')
  await expect(party(page, anna.user.name)).toContainText('не оплачено')
  await expectNoSeriousAxeViolations(page)
  await keepScreenshot(page, 'dispatch-board')

  // Polling is cheap: with the version last seen, the board answers 304 until something changes.
  const first = await page.request.get(`/api/dispatch/${groupId}/${date}`)
  const etag = first.headers()['etag']!
  expect(etag).toMatch(/^"[0-9a-f]{32}"$/)
  expect((await page.request.get(`/api/dispatch/${groupId}/${date}`, { headers: { 'If-None-Match': etag } })).status()).toBe(304)

  // A second coordinator has the same board open.
  const context2 = await browser.newContext()
  await signInContext(context2, coordinator2)
  const page2 = await context2.newPage()
  await page2.goto(`/dispatch/${groupId}/${date}`)
  await expect(run(page2, driverA).getByTestId('capacity-text')).toHaveText('Занято 3 из 3 · свободно 0')
  await page2.evaluate(() => ((window as unknown as { sameDocument: boolean }).sameDocument = true))

  // Move Boris from the full run A to run B.
  const borisParty = party(page, boris.user.name)
  await borisParty.getByRole('button', { name: `Перенести «${boris.user.name}»…` }).click()
  await borisParty.getByLabel(`Перенести «${boris.user.name}» в`).selectOption({ label: `09:00 · ${driverB.name} · свободно 1` })
  await borisParty.getByRole('button', { name: 'Перенести' }).click()
  // Two hours later than the run Boris booked: the board shows how the run differs and asks first.
  const confirm = borisParty.getByTestId('move-confirm')
  await expect(confirm.getByTestId('move-differences')).toContainText('Отправление: 07:00 → 09:00')
  expect((await e2eDb().query(`SELECT trip_id FROM bookings WHERE id = $1`, [borisBooking])).rows).toEqual([{ trip_id: runA }])
  await keepScreenshot(page, 'dispatch-move-confirm')
  await confirm.getByLabel('Причина для пассажира (необязательно)').fill('Первая машина переполнена')
  await confirm.getByRole('button', { name: 'Перенести всё равно' }).click()
  await expect(run(page, driverB).locator(`[data-party="${boris.user.name}"]`)).toBeVisible()
  await expect(run(page, driverA).locator(`[data-party="${boris.user.name}"]`)).toHaveCount(0)
  await expect(run(page, driverA).getByTestId('capacity-text')).toHaveText('Занято 2 из 3 · свободно 1')
  await expect(run(page, driverB).getByTestId('capacity-text')).toHaveText('Занято 4 из 4 · свободно 0')
  const { rows: moved } = await e2eDb().query(`SELECT trip_id FROM bookings WHERE id = $1`, [borisBooking])
  expect(moved).toEqual([{ trip_id: runB }])
  // Boris is told what changed, with the reason.
  const { rows: told } = await e2eDb().query(`SELECT params FROM notifications WHERE user_id = $1 AND kind = 'MOVED_TO_TRIP'`, [boris.user.id])
  expect(told[0].params).toMatchObject({ reason: 'Первая машина переполнена', changes: expect.arrayContaining([expect.objectContaining({ field: 'time' })]) })

  // The second session sees it within seconds, without a reload.
  await expect(run(page2, driverA).getByTestId('capacity-text')).toHaveText('Занято 2 из 3 · свободно 1', { timeout: 8_000 })
  await expect(run(page2, driverB).getByTestId('capacity-text')).toHaveText('Занято 4 из 4 · свободно 0', { timeout: 8_000 })
  await expect(run(page2, driverB).locator(`[data-party="${boris.user.name}"]`)).toBeVisible()
  expect(await page2.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument)).toBe(true)

  // Both manifests follow the move (opened from the second session).
  const manifest = await context2.newPage()
  await manifest.goto(`/dispatch/manifest/${runA}`)
  await expect(manifest.getByTestId('manifest-row')).toHaveCount(2)
  await expect(manifest.locator(`[data-traveller="${boris.user.name}"]`)).toHaveCount(0)
  await manifest.goto(`/dispatch/manifest/${runB}`)
  await expect(manifest.getByTestId('manifest-row')).toHaveCount(4)
  await expect(manifest.locator(`[data-traveller="${boris.user.name}"]`)).toBeVisible()
  await expect(manifest.getByTestId('manifest-totals')).toContainText('Мест занято: 4 из 4')
  await keepScreenshot(manifest, 'dispatch-manifest')

  // A move into the now full run B is refused with the reason, and nothing changes.
  const annaParty = party(page, anna.user.name)
  await annaParty.getByRole('button', { name: `Перенести «${anna.user.name}»…` }).click()
  await annaParty.getByLabel(`Перенести «${anna.user.name}» в`).selectOption({ label: `09:00 · ${driverB.name} · мест нет` })
  await annaParty.getByRole('button', { name: 'Перенести' }).click()
  await expect(annaParty.getByRole('alert')).toContainText('В выбранной машине уже нет 2 мест (свободно: 0)')
  await expect(run(page, driverA).locator(`[data-party="${anna.user.name}"]`)).toBeVisible()
  await expect(run(page, driverA).getByTestId('capacity-text')).toHaveText('Занято 2 из 3 · свободно 1')

  // Check-in at the pickup: Anna boards, her companion does not show up.
  const [annaName, ivanName] = [anna.user.name, (await e2eDb().query<{ name: string }>(`SELECT name FROM travellers WHERE id = $1`, [anna.travellerIds[1]])).rows[0]!.name]
  await page.getByRole('group', { name: `Посадка: ${annaName}` }).getByRole('button', { name: 'Сел' }).click()
  await expect(page.getByRole('group', { name: `Посадка: ${annaName}` }).getByRole('button', { name: 'Сел' })).toHaveAttribute('aria-pressed', 'true')
  await page.getByRole('group', { name: `Посадка: ${ivanName}` }).getByRole('button', { name: 'Не пришёл' }).click()
  await expect(page.getByRole('group', { name: `Посадка: ${ivanName}` }).getByRole('button', { name: 'Не пришёл' })).toHaveAttribute('aria-pressed', 'true')
  await expect(run(page, driverA).locator(`[data-traveller="${ivanName}"] [data-boarding="NO_SHOW"]`)).toHaveText('не пришёл')
  await expect(page.locator('.dx-stats')).toContainText('Не пришли1')

  // The run's CSV manifest: a download with the rows as checked in.
  const [download] = await Promise.all([page.waitForEvent('download'), run(page, driverA).getByRole('link', { name: 'CSV 07:00' }).click()])
  expect(download.suggestedFilename()).toMatch(new RegExp(`^manifest-${date}-0700\\.csv$`))
  const text = readFileSync((await download.path())!, 'utf8')
  expect(text.charCodeAt(0)).toBe(0xfeff)
  const rows = parseCsv(text.slice(1))
  expect(rows[0]).toEqual(['Рейс', 'Водитель', 'Машина', 'Место посадки', 'Бронь (кто бронировал)', 'Пассажир', 'Мест в брони', 'Телефон', 'Оплата', 'Сумма, ₸', 'Проверка срока', 'Посадка'])
  expect(rows.slice(1).map((r) => [r[1], r[4], r[5], r[6], r[8], r[9], r[10], r[11]])).toEqual([
    [driverA.name, annaName, annaName, '2', 'не оплачено', '9000', 'ок', 'сел'],
    // The party's amount once, on its first row: the column sums to what is owed.
    [driverA.name, annaName, ivanName, '2', 'не оплачено', '', 'ок', 'не пришёл'],
  ])
  expect(rows[1]![0]).toContain('07:00 Алматы → Бишкек')

  // The day summary reads the same day.
  await page.getByRole('link', { name: 'Итоги дня' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Итоги')
  await expect(page.getByTestId('total-seats')).toHaveText('6 из 7')
  await expect(page.getByTestId('total-noshows')).toHaveText('1')
  await expect(page.getByRole('img', { name: 'Продано мест из предложенных, по рейсам' })).toBeVisible()
  await expectNoSeriousAxeViolations(page)
  await keepScreenshot(page, 'dispatch-summary')

  // And the audit log names who did what.
  await page.goto(`/dispatch/${groupId}/audit?date=${kzDate(0)}`)
  await expect(page.locator('[data-action="booking.move"]')).toContainText(`${coordinator.name} перенёс(ла) «${boris.user.name}» (1 место)`)
  await expect(page.locator('[data-action="booking.boarding"]')).toHaveCount(2)

  // 360 px wide: the board fits a phone.
  await page.setViewportSize({ width: 360, height: 740 })
  await page.goto(`/dispatch/${groupId}/${date}`)
  await expect(run(page, driverA)).toBeVisible()
  await keepScreenshot(page, 'dispatch-board-360')
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360)

  // In English: the same board, and the day's CSV with English headers (the language follows the page).
  await page.setViewportSize({ width: 1280, height: 800 })
  await page.goto(`/en/dispatch/${groupId}/${date}`)
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Board for')
  await expect(run(page, driverA).getByTestId('capacity-text')).toHaveText('2 of 3 taken · 1 free')
  await expect(party(page, boris.user.name).locator('[data-verdict="WARN"]')).toHaveText(/warning/)
  const dayCsv = await page.request.get(`/api/dispatch/${groupId}/${date}/manifest.csv`)
  expect(dayCsv.headers()['content-type']).toBe('text/csv; charset=utf-8')
  const dayRows = parseCsv((await dayCsv.text()).slice(1))
  expect(dayRows[0]!.slice(0, 3)).toEqual(['Run', 'Driver', 'Car'])
  expect(dayRows.slice(1).map((r) => r[5])).toEqual([annaName, ivanName, boris.user.name, vera.user.name, gleb.user.name, expect.any(String)])

  await context.close()
  await context2.close()
})

test('a driver or a coordinator of another group can neither see nor touch the board', async ({ browser }) => {
  const date = kzDate(1)
  const coordinator = await createUser({ roles: ['PASSENGER', 'COORDINATOR'], name: `Дина ${tag()}` })
  const driver = await createDriver(`Айдар ${tag()}`)
  const groupId = await createGroup(`Группа ${tag()}`, [coordinator], [driver])
  const { rows } = await e2eDb().query<{ id: string }>(
    `INSERT INTO trips (driver_id, car_id, origin_city_id, pickup_label, pickup_lat, pickup_lng, checkpoint_id, destination_city_id, departure_at, departure_on,
       round_trip, seats_total, pricing_mode, price_per_seat_tenge, seat_price_tenge, approval_mode, group_id, updated_at)
     SELECT $1, c.id, 'almaty', 'Сайран', 43.24, 76.86, 'korday', 'bishkek', $2, $3::date, false, 4, 'PER_SEAT', 4000, 4000, 'INSTANT', $4, now()
     FROM cars c WHERE c.owner_id = $1 RETURNING id`,
    [driver.id, new Date(`${date}T08:00:00+05:00`), date, groupId],
  )
  const tripId = rows[0]!.id
  const rider = await createRider(`Анна ${tag()}`)
  const bookingId = await book(browser, rider, tripId)

  const otherDriver = await createDriver(`Чужой ${tag()}`)
  const otherCoordinator = await createUser({ roles: ['PASSENGER', 'COORDINATOR'], name: `Чужой координатор ${tag()}` })
  await createGroup(`Другая ${tag()}`, [otherCoordinator], [otherDriver])

  // The driver is no coordinator at all (403 from the API); the other coordinator is refused this
  // group's board as if it did not exist (404). Either way the page says "not found".
  for (const [who, readStatus] of [[otherDriver, 403], [otherCoordinator, 404]] as const) {
    const context = await browser.newContext()
    await signInContext(context, who)
    const page = await context.newPage()
    for (const path of [`/dispatch/${groupId}/${date}`, `/dispatch/${groupId}/${date}/summary`, `/dispatch/${groupId}/audit`, `/dispatch/manifest/${tripId}`]) {
      await page.goto(path)
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Страница не найдена')
      await expect(page.getByText(rider.user.name)).toHaveCount(0)
    }

    const api: APIRequestContext = context.request
    const json = { 'Content-Type': 'application/json' }
    for (const path of [`/api/dispatch/${groupId}/${date}`, `/api/dispatch/${groupId}/${date}/summary`, `/api/dispatch/${groupId}/${date}/manifest.csv`, `/api/dispatch/${groupId}/audit`]) {
      const response = await api.get(path)
      expect([path, response.status()]).toEqual([path, readStatus])
    }
    const mutations = [
      await api.post(`/api/dispatch/${groupId}/${date}/moves`, { data: { bookingId, targetTripId: tripId }, headers: json }),
      await api.post(`/api/dispatch/${groupId}/${date}/runs`, { data: {}, headers: json }),
      await api.post(`/api/dispatch/runs/${tripId}/cancel-and-move`, { data: { moves: [], reason: 'x' }, headers: json }),
      await api.post(`/api/dispatch/bookings/${bookingId}/promote`),
      await api.post(`/api/trips/${tripId}/status`, { data: { status: 'BOARDING' }, headers: json }),
      await api.post(`/api/bookings/${bookingId}/boarding`, { data: { position: 0, boarding: 'NO_SHOW' }, headers: json }),
      await api.get(`/api/trips/${tripId}/manifest.csv`),
    ]
    for (const response of mutations) expect([response.url(), [403, 404].includes(response.status())]).toEqual([response.url(), true])
    await context.close()
  }
  const { rows: after } = await e2eDb().query(`SELECT t.status, t.seats_taken, bt.boarding FROM trips t JOIN bookings b ON b.trip_id = t.id JOIN booking_travellers bt ON bt.booking_id = b.id WHERE t.id = $1`, [tripId])
  expect(after).toEqual([{ status: 'SCHEDULED', seats_taken: 1, boarding: 'PENDING' }])
})

test('a coordinator creates a group and invites a driver, who joins by the link; a passenger is told to add a car first', async ({ browser, signedInAs }) => {
  const { page } = await signedInAs(['PASSENGER', 'COORDINATOR'])
  const name = `Вечерние рейсы ${tag()}`
  await page.goto('/dispatch')
  await page.getByLabel('Название группы').fill(name)
  await page.getByRole('button', { name: 'Создать группу' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(name)
  await expect(page).toHaveURL(/\/dispatch\/groups\/[0-9a-f-]{36}$/)
  const groupUrl = page.url()

  await page.getByRole('button', { name: 'Создать приглашение' }).click()
  const code = (await page.getByTestId('invite-code').first().textContent())!.trim()
  expect(code).toMatch(/^[A-Z2-9]{8}$/)
  await expect(page.getByTestId('invite').first()).toContainText('Использовано 0 из 10')

  // The driver opens the link: the code is filled in, one click joins.
  const driver = await createDriver(`Ерлан ${tag()}`)
  const driverContext = await browser.newContext()
  await signInContext(driverContext, driver)
  const driverPage = await driverContext.newPage()
  await driverPage.goto(`/dispatch/join?code=${code}`)
  await expect(driverPage.getByLabel('Код приглашения')).toHaveValue(code)
  await driverPage.getByRole('button', { name: 'Вступить' }).click()
  await expect(driverPage.getByRole('heading', { level: 1 })).toHaveText(name)
  await expect(driverPage.getByRole('button', { name: 'Выйти из группы' })).toBeVisible()

  await page.goto(groupUrl)
  await expect(page.getByTestId('member').filter({ hasText: driver.name })).toContainText('водитель')
  await expect(page.getByTestId('invite').first()).toContainText('Использовано 1 из 10')

  // A passenger without a car is told what to do; the API refuses the same way.
  const passenger = await createUser()
  const passengerContext = await browser.newContext()
  await signInContext(passengerContext, passenger)
  const passengerPage = await passengerContext.newPage()
  await passengerPage.goto(`/dispatch/join?code=${code}`)
  await expect(passengerPage.getByText('Вступить в группу водителей можно, когда в профиле есть ваша машина.')).toBeVisible()
  const refused = await passengerContext.request.post('/api/groups/join', { data: { code }, headers: { 'Content-Type': 'application/json', 'Accept-Language': 'ru' } })
  expect(refused.status()).toBe(403)
  expect(((await refused.json()) as { error: { code: string; message: string } }).error).toMatchObject({ code: 'GROUP_NEEDS_DRIVER', message: expect.stringContaining('добавьте свою машину') })

  // The coordinator removes the driver again.
  page.once('dialog', (dialog) => void dialog.accept())
  await page.getByRole('button', { name: `Исключить ${driver.name}` }).click()
  await expect(page.getByTestId('member').filter({ hasText: driver.name })).toHaveCount(0)
  await expectNoSeriousAxeViolations(page)
  await driverContext.close()
  await passengerContext.close()
})
