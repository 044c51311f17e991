// Journey: a coordinator works a busy day (16 runs, 64 booked travellers — more than the board
// sends at once). The page shows each run as a collapsed row without its riders; opening a run
// loads them, and every control works on them: check-in, a move to another run, the cancel-and-
// move panel. A second coordinator with the same run open sees the check-in without a reload. Users, runs and bookings
// are made with SQL (the riders' flags here are the stored verdicts, not a new legal check).
import AxeBuilder from '@axe-core/playwright'
import { randomUUID } from 'node:crypto'
import type { Page } from '@playwright/test'
import { createUser, e2eDb, expect, signInContext, test, type TestUser } from './fixtures'

function kzDate(offset: number): string {
  const d = new Date(Date.now() + 5 * 3_600_000)
  d.setUTCDate(d.getUTCDate() + offset)
  return d.toISOString().slice(0, 10)
}

const tag = () => randomUUID().slice(0, 4)
const RUNS = 16

/** A group with four drivers and 16 runs a week out (05:00, 06:00, …), each with two parties of two
 * (rider + companion) confirmed on 5 seats: 64 travellers. Returns the runs in departure order. */
async function busyDay(coordinators: TestUser[]) {
  const sql = e2eDb()
  // A week out: no other spec has runs that day, so the busy day never pushes their runs off a search page.
  const date = kzDate(8)
  const { rows: [group] } = await sql.query<{ id: string }>(`INSERT INTO groups (name, created_by_id) VALUES ($1, $2) RETURNING id`, [`Большой день ${tag()}`, coordinators[0]!.id])
  for (const c of coordinators) await sql.query(`INSERT INTO group_members (group_id, user_id, role) VALUES ($1, $2, 'COORDINATOR')`, [group!.id, c.id])
  const drivers: { id: string; name: string; carId: string }[] = []
  for (let i = 0; i < 4; i++) {
    const driver = await createUser({ roles: ['PASSENGER', 'DRIVER'], name: `Водитель ${i + 1} ${tag()}` })
    const { rows: [car] } = await sql.query<{ id: string }>(
      `INSERT INTO cars (owner_id, make, model, colour, plate, seats) VALUES ($1, 'Toyota', 'Alphard', 'белый', $2, 5) RETURNING id`,
      [driver.id, `${100 + i}B${tag().toUpperCase()}`],
    )
    await sql.query(`INSERT INTO group_members (group_id, user_id, role) VALUES ($1, $2, 'DRIVER')`, [group!.id, driver.id])
    drivers.push({ id: driver.id, name: driver.name, carId: car!.id })
  }
  const runs: { id: string; time: string; riders: string[] }[] = []
  for (let i = 0; i < RUNS; i++) {
    const d = drivers[i % 4]!
    const time = `${String(5 + i).padStart(2, '0')}:00`
    const { rows: [trip] } = await sql.query<{ id: string }>(
      `INSERT INTO trips (driver_id, car_id, origin_city_id, pickup_label, pickup_lat, pickup_lng, checkpoint_id, destination_city_id, departure_at, departure_on,
         round_trip, seats_total, seats_taken, pricing_mode, price_per_seat_tenge, seat_price_tenge, approval_mode, group_id, updated_at)
       VALUES ($1, $2, 'almaty', 'Сайран', 43.24, 76.86, 'korday', 'bishkek', $3, $4::date, false, 5, 4, 'PER_SEAT', 4000, 4000, 'INSTANT', $5, now()) RETURNING id`,
      [d.id, d.carId, new Date(`${date}T${time}:00+05:00`), date, group!.id],
    )
    const riders: string[] = []
    for (let k = 0; k < 2; k++) {
      const rider = await createUser({ name: `Пассажир ${i + 1}-${k + 1} ${tag()}` })
      const { rows: [booking] } = await sql.query<{ id: string }>(
        `INSERT INTO bookings (trip_id, rider_id, status, seats, quoted_tenge, cap_tenge, verdict, rule_version, decided_at, updated_at)
         VALUES ($1, $2, 'CONFIRMED', 2, 8000, 8000, 'OK', 'e2e', now(), now()) RETURNING id`,
        [trip!.id, rider.id],
      )
      // The rider and a companion, as their own travellers (a move checks them again).
      const companion = `Спутник ${i + 1}-${k + 1} ${tag()}`
      const { rows: travellers } = await sql.query<{ id: string }>(
        `INSERT INTO travellers (account_id, is_self, name, citizenship, updated_at) VALUES ($1, true, $2, 'RU', now()), ($1, false, $3, 'RU', now()) RETURNING id`,
        [rider.id, rider.name, companion],
      )
      await sql.query(
        `INSERT INTO booking_travellers (booking_id, traveller_id, position, name, verdict, reasons, check_inputs)
         VALUES ($1, $2, 0, $3, 'OK', '[]', '{}'), ($1, $4, 1, $5, 'OK', '[]', '{}')`,
        [booking!.id, travellers[0]!.id, rider.name, travellers[1]!.id, companion],
      )
      // Both in Kazakhstan since 5 days ago (an empty log is not zero days: a move asks again).
      await sql.query(`INSERT INTO stays (traveller_id, entry_on, exit_on, updated_at) VALUES ($1, $3::date, NULL, now()), ($2, $3::date, NULL, now())`, [travellers[0]!.id, travellers[1]!.id, kzDate(-5)])
      riders.push(rider.name)
    }
    runs.push({ id: trip!.id, time, riders })
  }
  return { groupId: group!.id, date, runs }
}

const runCard = (page: Page, tripId: string) => page.locator(`[data-testid="run"][data-run-id="${tripId}"]`)

test('a busy day: the board comes without the riders, a run opens with them, and check-in, move and cancel work on them; a second coordinator sees a check-in live', async ({ browser }) => {
  test.setTimeout(180_000)
  const coordinator = await createUser({ roles: ['PASSENGER', 'COORDINATOR'], name: `Дина ${tag()}` })
  const coordinator2 = await createUser({ roles: ['PASSENGER', 'COORDINATOR'], name: `Марат ${tag()}` })
  const { groupId, date, runs } = await busyDay([coordinator, coordinator2])
  const [first, second] = [runs[0]!, runs[1]!]

  const context = await browser.newContext()
  await signInContext(context, coordinator)
  const page = await context.newPage()
  const response = await page.goto(`/dispatch/${groupId}/${date}`)
  // The HTML names no rider: they come when a run is opened.
  const html = await response!.text()
  for (const run of runs) for (const name of run.riders) expect(html).not.toContain(name)
  await expect(page.getByTestId('run')).toHaveCount(RUNS)
  await expect(page.getByTestId('party')).toHaveCount(0)
  await expect(page.getByText('День большой: рейсы свёрнуты, пассажиры рейса загружаются, когда вы его открываете.')).toBeVisible()
  await expect(page.locator('.dx-stats')).toContainText('Посадка0 из 64')
  await expect(runCard(page, first.id).getByTestId('run-count')).toHaveText('Пассажиры: 2 брони, 4 человека')
  await expect(runCard(page, first.id).getByTestId('capacity-text')).toHaveText('Занято 4 из 5 · свободно 1')
  // A collapsed run has one control: the button that opens it.
  await expect(runCard(page, second.id).getByRole('button')).toHaveCount(1)

  // Open the first run: its two parties load, with their check-in buttons; the focus follows.
  const opener = runCard(page, first.id).getByRole('button', { name: `Открыть рейс ${first.time}` })
  await expect(opener).toHaveAttribute('aria-expanded', 'false')
  await opener.click()
  const collapse = runCard(page, first.id).getByRole('button', { name: `Свернуть рейс ${first.time}` })
  await expect(collapse).toHaveAttribute('aria-expanded', 'true')
  await expect(collapse).toBeFocused()
  await expect(runCard(page, first.id).getByTestId('party')).toHaveCount(2)
  await expect(runCard(page, second.id).getByTestId('party')).toHaveCount(0)
  const axe = await new AxeBuilder({ page }).analyze()
  expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([])

  // A second coordinator has the same run open.
  const context2 = await browser.newContext()
  await signInContext(context2, coordinator2)
  const page2 = await context2.newPage()
  await page2.goto(`/dispatch/${groupId}/${date}`)
  await runCard(page2, first.id).getByRole('button', { name: `Открыть рейс ${first.time}` }).click()
  await expect(runCard(page2, first.id).getByTestId('party')).toHaveCount(2)

  // Check-in on the opened run; the other session sees it within seconds, without a reload.
  const rider = first.riders[0]!
  const group = page.getByRole('group', { name: `Посадка: ${rider}` })
  await group.getByRole('button', { name: 'Сел' }).click()
  await expect(group.getByRole('button', { name: 'Сел' })).toHaveAttribute('aria-pressed', 'true')
  await expect(page.locator('.dx-stats')).toContainText('Посадка1 из 64')
  await expect(page2.getByRole('group', { name: `Посадка: ${rider}` }).getByRole('button', { name: 'Сел' })).toHaveAttribute('aria-pressed', 'true', { timeout: 10_000 })
  await expect(page2.locator('.dx-stats')).toContainText('Посадка1 из 64', { timeout: 10_000 })

  // Move the other party of the first run into the third run, given room for it.
  const { rows: [roomy] } = await e2eDb().query<{ id: string }>(`UPDATE trips SET seats_total = 8 WHERE id = $1 RETURNING id`, [runs[2]!.id])
  await page.reload()
  await runCard(page, first.id).getByRole('button', { name: `Открыть рейс ${first.time}` }).click()
  const moving = first.riders[1]!
  const party = page.locator(`[data-testid="party"][data-party="${moving}"]`)
  await party.getByRole('button', { name: `Перенести «${moving}»…` }).click()
  await party.getByLabel(`Перенести «${moving}» в`).selectOption({ index: 2 })
  await party.getByRole('button', { name: 'Перенести' }).click()
  // The third run leaves two hours later: the board shows the difference and asks first (issue 12).
  const confirm = party.getByTestId('move-confirm')
  await expect(confirm.getByTestId('move-differences')).toContainText('Отправление')
  await confirm.getByRole('button', { name: 'Перенести всё равно' }).click()
  await expect(runCard(page, roomy!.id).getByTestId('capacity-text')).toHaveText('Занято 6 из 8 · свободно 2')
  await expect(runCard(page, first.id).getByTestId('capacity-text')).toHaveText('Занято 2 из 5 · свободно 3')
  await expect(runCard(page, first.id).getByTestId('party')).toHaveCount(1)
  const { rows: moved } = await e2eDb().query(`SELECT trip_id FROM bookings b JOIN users u ON u.id = b.rider_id WHERE u.name = $1`, [moving])
  expect(moved).toEqual([{ trip_id: roomy!.id }])

  // 320 px wide: no horizontal scroll with a run open (its riders loaded).
  await page.setViewportSize({ width: 320, height: 740 })
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320)
  await page.setViewportSize({ width: 1280, height: 800 })

  // Collapsing gives the row (and the focus) back.
  await runCard(page, first.id).getByRole('button', { name: `Свернуть рейс ${first.time}` }).click()
  await expect(runCard(page, first.id).getByRole('button', { name: `Открыть рейс ${first.time}` })).toBeFocused()
  await expect(runCard(page, first.id).getByTestId('party')).toHaveCount(0)

  // The cancel-and-move panel of another run offers a run for each of its parties.
  const last = runs.at(-1)!
  await runCard(page, last.id).getByRole('button', { name: `Открыть рейс ${last.time}` }).click()
  await runCard(page, last.id).getByText(`Отменить рейс ${last.time}…`).click()
  for (const name of last.riders) await expect(runCard(page, last.id).getByLabel(`«${name}» (2 места) →`)).toBeVisible()

  await context.close()
  await context2.close()
})
