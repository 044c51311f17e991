// Journey (issue 14): a rider at the border with no signal. Online, they open My bookings and their
// booked run; offline (context.setOffline, and every request the service worker makes aborted too)
// the same pages open from the phone's copy with the route, the driver and an "as of" note; a
// booking made offline is refused plainly, nothing is sent, and once online it books exactly once.
import { randomUUID } from 'node:crypto'
import type { BrowserContext, Page } from '@playwright/test'
import { createUser, e2eDb, expect, signInContext, test } from './fixtures'
import { addBooking, addRun, kzDate } from './lib/world'

async function goOffline(context: BrowserContext) {
  await context.setOffline(true)
  // setOffline does not reach a service worker's own fetches in every Chromium: abort those too.
  await context.route('**/*', (route) => route.abort('internetdisconnected'))
}

async function goOnline(context: BrowserContext) {
  await context.unrouteAll({ behavior: 'wait' })
  await context.setOffline(false)
}

/** Waits until the service worker controls the page (it installs on the first page). */
async function controlled(page: Page) {
  await page.waitForFunction(() => Boolean(navigator.serviceWorker?.controller), undefined, { timeout: 20_000 })
}

test('offline: My bookings and the booked run open from the last sync; an offline booking is refused and books once when back online', async ({ browser }) => {
  test.setTimeout(120_000)
  const driver = await createUser({ roles: ['PASSENGER', 'DRIVER'], name: `Ерлан ${randomUUID().slice(0, 4)}` })
  await e2eDb().query(`UPDATE users SET phone = '+77015550101' WHERE id = $1`, [driver.id])
  const plate = `${Math.floor(100 + Math.random() * 899)}OFF02`
  const { rows: cars } = await e2eDb().query<{ id: string }>(`INSERT INTO cars (owner_id, make, model, colour, plate, seats) VALUES ($1, 'Kia', 'Carnival', 'синий', $2, 7) RETURNING id`, [driver.id, plate])
  const carId = cars[0]!.id
  const rider = await createUser({ name: `Айгерим ${randomUUID().slice(0, 4)}` })
  const { rows: travellers } = await e2eDb().query<{ id: string }>(`INSERT INTO travellers (account_id, is_self, name, citizenship, updated_at) VALUES ($1, true, $2, 'RU', now()) RETURNING id`, [rider.id, rider.name])
  const travellerId = travellers[0]!.id
  const booked = await addRun({ driverId: driver.id, carId, groupId: null, on: kzDate(2), time: '07:00' })
  await addBooking({ tripId: booked, riderId: rider.id, travellerId, travellerName: rider.name, status: 'CONFIRMED', exitOn: kzDate(2) })
  const other = await addRun({ driverId: driver.id, carId, groupId: null, on: kzDate(3), time: '07:00' })

  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, serviceWorkers: 'allow' })
  await signInContext(context, rider)
  const page = await context.newPage()

  // Online: the worker installs on the first page, then each page opened is kept.
  await page.goto('/bookings')
  await controlled(page)
  await page.goto('/bookings')
  await expect(page.getByRole('heading', { level: 1, name: 'Мои брони' })).toBeVisible()
  await page.goto(`/trips/${booked}`)
  await expect(page.getByRole('heading', { level: 1, name: 'Алматы → Бишкек' })).toBeVisible()
  const onlineText = await page.locator('main').innerText()
  await page.goto(`/trips/${other}`)
  await expect(page.getByRole('button', { name: 'Забронировать' })).toBeVisible()
  await expect(page.locator('[data-offline-note]')).toBeHidden()

  await goOffline(context)

  await page.goto('/bookings')
  await expect(page.getByRole('heading', { level: 1, name: 'Мои брони' })).toBeVisible()
  await expect(page.locator('[data-offline-note]')).toBeVisible()
  await expect(page.locator('[data-offline-note]')).toContainText('Нет сети — показано сохранённое')
  await expect(page.getByText('Алматы → Бишкек').first()).toBeVisible()

  await page.goto(`/trips/${booked}`)
  await expect(page.locator('[data-offline-note]')).toBeVisible()
  await expect(page.getByRole('heading', { level: 1, name: 'Алматы → Бишкек' })).toBeVisible()
  const main = page.locator('main')
  await expect(main).toContainText(driver.name.split(' ')[0]!)
  await expect(main).toContainText(plate)
  await expect(main).toContainText('Алматы, Сайран')
  // Whatever the page showed of the driver online (the phone once confirmed) shows offline too.
  if (onlineText.includes('+7 701 555')) await expect(main).toContainText('+7 701 555')

  // An offline booking attempt: refused in plain words, nothing sent.
  await page.goto(`/trips/${other}`)
  await expect(page.locator('[data-offline-note]')).toBeVisible()
  await page.getByRole('button', { name: 'Забронировать' }).click()
  await expect(page.getByText('Нет сети — ничего не отправлено.')).toBeVisible()
  const count = async () => Number((await e2eDb().query(`SELECT count(*) FROM bookings WHERE trip_id = $1 AND rider_id = $2`, [other, rider.id])).rows[0].count)
  expect(await count()).toBe(0)

  // Back online: the same form (same idempotency key) books once, and pressing again books nothing more.
  await goOnline(context)
  await page.getByRole('button', { name: 'Забронировать' }).click()
  await expect.poll(count).toBe(1)
  await page.goto(`/trips/${other}`)
  await expect(page.locator('[data-offline-note]')).toBeHidden()
  expect(await count()).toBe(1)

  // Signing out deletes the copies: offline, My bookings is no longer there.
  await page.goto('/bookings')
  await page.getByRole('button', { name: 'Меню' }).click()
  await page.getByRole('button', { name: 'Выйти' }).click()
  await page.waitForURL((url) => url.pathname === '/')
  const kept = await page.evaluate(async () => {
    const urls: string[] = []
    for (const n of (await caches.keys()).filter((k) => k.startsWith('poputka-pages-'))) urls.push(...(await (await caches.open(n)).keys()).map((r) => new URL(r.url).pathname))
    return urls
  })
  expect(kept.filter((p) => p.startsWith('/bookings') || p.startsWith('/trips/'))).toEqual([])
  await context.close()
})
