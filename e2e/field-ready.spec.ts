// Issue 14, done-when: the public and signed-in pages at 320, 390 and 1280 px in Russian, English and
// Kazakh have no sideways scroll (with an 80-letter name without spaces on them) and no axe
// violations; the ten pages riders use most are kept as visual baselines (toHaveScreenshot) that a
// change must update on purpose (`npx playwright test e2e/field-ready.spec.ts --update-snapshots`).
// Baselines are deterministic on any date: every date, time and generated name is masked.
import AxeBuilder from '@axe-core/playwright'
import type { Browser, BrowserContext, Page } from '@playwright/test'
import { createUser, e2eDb, expect, signInContext, test, type TestUser } from './fixtures'
import { addBooking, addRun, kzDate } from './lib/world'

const LOCALES = [
  { locale: 'ru', prefix: '' },
  { locale: 'en', prefix: '/en' },
  { locale: 'kk', prefix: '/kk' },
] as const
const WIDTHS = [320, 390, 1280] as const

/** A name with no place to break: it must wrap, not widen the page. */
const LONG_NAME = 'Александрина' + 'Константиновна'.repeat(4) + 'Z'.repeat(12)

type Data = {
  rider: TestUser
  driver: TestUser
  coordinator: TestUser
  bookedRun: string
  bookingId: string
  groupId: string
  on: string
}

let data: Promise<Data> | undefined

async function setUp(): Promise<Data> {
  // Digits only: every digit is as wide as the others, so a name wraps the same on every run (the
  // baselines mask the text, not the lines it takes).
  const tag = String(100_000 + Math.floor(Math.random() * 900_000))
  const rider = await createUser({ name: LONG_NAME })
  const driver = await createUser({ roles: ['PASSENGER', 'DRIVER'], name: `Ерлан ${tag}` })
  const coordinator = await createUser({ roles: ['PASSENGER', 'COORDINATOR'], name: `Дина ${tag}` })
  const db = e2eDb()
  await db.query(`UPDATE users SET phone = '+77015550102' WHERE id = ANY($1)`, [[driver.id, rider.id]])
  const car = await db.query<{ id: string }>(`INSERT INTO cars (owner_id, make, model, colour, plate, seats) VALUES ($1, 'Kia', 'Carnival', 'синий', $2, 7) RETURNING id`, [driver.id, `${Math.floor(100 + Math.random() * 899)}FR02`])
  const group = await db.query<{ id: string }>(`INSERT INTO groups (name, created_by_id) VALUES ($1, $2) RETURNING id`, [`Группа ${tag}`, coordinator.id])
  const groupId = group.rows[0]!.id
  await db.query(`INSERT INTO group_members (group_id, user_id, role) VALUES ($1, $2, 'COORDINATOR'), ($1, $3, 'DRIVER')`, [groupId, coordinator.id, driver.id])
  const traveller = await db.query<{ id: string }>(`INSERT INTO travellers (account_id, is_self, name, citizenship, updated_at) VALUES ($1, true, $2, 'RU', now()) RETURNING id`, [rider.id, LONG_NAME])
  await db.query(`INSERT INTO stays (traveller_id, entry_on, exit_on, source, updated_at) VALUES ($1, $2::date, NULL, 'MANUAL', now())`, [traveller.rows[0]!.id, kzDate(-20)]).catch(async () =>
    db.query(`INSERT INTO stays (traveller_id, entry_on, exit_on, source) VALUES ($1, $2::date, NULL, 'MANUAL')`, [traveller.rows[0]!.id, kzDate(-20)]),
  )
  const on = kzDate(1)
  const bookedRun = await addRun({ driverId: driver.id, carId: car.rows[0]!.id, groupId, on, time: '07:00', taken: 1, notes: LONG_NAME })
  const bookingId = await addBooking({ tripId: bookedRun, riderId: rider.id, travellerId: traveller.rows[0]!.id, travellerName: LONG_NAME, status: 'CONFIRMED', exitOn: on })
  return { rider, driver, coordinator, bookedRun, bookingId, groupId, on }
}

async function signedIn(browser: Browser, user: TestUser, width: number): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width, height: 844 }, serviceWorkers: 'block' })
  await signInContext(context, user)
  return { context, page: await context.newPage() }
}

async function check(page: Page, path: string, width: number) {
  const response = await page.goto(path)
  expect(response?.status(), path).toBeLessThan(400)
  await page.waitForLoadState('networkidle')
  const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth)
  expect(scrollWidth, `${path} at ${width} px`).toBeLessThanOrEqual(width)
  const results = await new AxeBuilder({ page }).analyze()
  expect(results.violations.map((v) => `${path}: ${v.id} (${v.impact}) ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([])
}

for (const { locale, prefix } of LOCALES) {
  for (const width of WIDTHS) {
    test(`${locale} at ${width} px: no sideways scroll and no axe violations on public and signed-in pages`, async ({ browser }) => {
      test.setTimeout(240_000)
      data ??= setUp()
      const d = await data
      const anonymous = await browser.newContext({ viewport: { width, height: 844 }, serviceWorkers: 'block' })
      const page = await anonymous.newPage()
      for (const path of ['', '/trips', '/trips?from=almaty&to=bishkek', `/trips/${d.bookedRun}`, '/sign-in', '/register', '/offline']) {
        await check(page, `${prefix}${path}`, width)
      }
      await anonymous.close()

      const rider = await signedIn(browser, d.rider, width)
      for (const path of ['/bookings', `/trips/${d.bookedRun}`, `/bookings/${d.bookingId}/receipt`, '/stay', '/notifications', '/account']) {
        await check(rider.page, `${prefix}${path}`, width)
      }
      await rider.context.close()

      const driver = await signedIn(browser, d.driver, width)
      for (const path of ['/my-trips', `/my-trips/${d.bookedRun}`, '/my-trips/new']) await check(driver.page, `${prefix}${path}`, width)
      await driver.context.close()

      const coordinator = await signedIn(browser, d.coordinator, width)
      for (const path of ['/dispatch', `/dispatch/${d.groupId}/${d.on}`]) await check(coordinator.page, `${prefix}${path}`, width)
      await coordinator.context.close()
    })
  }
}

/** Everything that changes with the date or the generated data: masked in the baselines. */
function volatile(page: Page) {
  return [
    page.locator('main time'),
    page.locator('main :is(p, span, dd, li, td, th, h1, h2, a, strong, label, legend, option, div.spread)').filter({
      hasText: /\d{1,2}:\d{2}|\b20\d\d\b|\d{1,2}\s?(янв|фев|мар|апр|ма[йя]|июн|июл|авг|сен|окт|ноя|дек|Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)|Ерлан|Дина|Группа|Александрина|FR02/,
    }),
    page.locator('.pmap-shell'),
    page.locator('main article'),
    page.locator('input[type=date]'),
  ]
}

test.describe('visual baselines (phone, Russian)', () => {
  const pages: { name: string; user?: 'rider' | 'driver' | 'coordinator'; path: (d: Data) => string }[] = [
    { name: 'home', path: () => '/' },
    { name: 'search', path: () => '/trips' },
    { name: 'sign-in', path: () => '/sign-in' },
    { name: 'register', path: () => '/register' },
    { name: 'run', user: 'rider', path: (d) => `/trips/${d.bookedRun}` },
    { name: 'my-bookings', user: 'rider', path: () => '/bookings' },
    { name: 'my-stay', user: 'rider', path: () => '/stay' },
    { name: 'receipt', user: 'rider', path: (d) => `/bookings/${d.bookingId}/receipt` },
    { name: 'drivers-run', user: 'driver', path: (d) => `/my-trips/${d.bookedRun}` },
    { name: 'day-board', user: 'coordinator', path: (d) => `/dispatch/${d.groupId}/${d.on}` },
  ]
  for (const p of pages) {
    test(`${p.name}`, async ({ browser }) => {
      data ??= setUp()
      const d = await data
      const context = await browser.newContext({ viewport: { width: 390, height: 844 }, serviceWorkers: 'block', reducedMotion: 'reduce' })
      if (p.user) await signInContext(context, d[p.user])
      const page = await context.newPage()
      await page.goto(p.path(d))
      await page.waitForLoadState('networkidle')
      await page.evaluate(() => document.fonts.ready)
      await expect(page).toHaveScreenshot(`${p.name}.png`, { mask: volatile(page), animations: 'disabled', caret: 'hide', maxDiffPixelRatio: 0.02, timeout: 20_000 })
      await context.close()
    })
  }
})
