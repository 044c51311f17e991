// Phone screenshots for docs/screenshots (issue 14's closing note): home, search results, a run,
// a booking refused by the legal check, My stay, the driver's run and the day board, in Kazakh and
// Russian, at 390 px. Against a running app with the demo data (npm start):
//   BASE=http://127.0.0.1:3000 PGURL=postgresql://postgres:…@127.0.0.1:54320/poputka node scripts/dev/docs-screenshots.mjs
// It adds one past stay to the demo passenger (so a run near the 90-day limit is refused) if absent.
import { chromium } from '@playwright/test'
import pg from 'pg'
import sharp from 'sharp'

const base = process.env.BASE ?? 'http://127.0.0.1:3000'
const db = new pg.Client({ connectionString: process.env.PGURL })
await db.connect()
const kz = (offset) => new Date(Date.now() + 5 * 3_600_000 + offset * 86_400_000).toISOString().slice(0, 10)
const { rows: [traveller] } = await db.query(`SELECT t.id FROM travellers t JOIN users u ON u.id = t.account_id WHERE u.email = 'passenger@poputka.kz' AND t.is_self`)
await db.query(`INSERT INTO stays (id, traveller_id, entry_on, exit_on, source, updated_at) SELECT gen_random_uuid(), $1, $2::date, $3::date, 'MANUAL', now()
  WHERE NOT EXISTS (SELECT 1 FROM stays WHERE traveller_id = $1 AND entry_on = $2::date)`, [traveller.id, kz(-110), kz(-100)])
const { rows: [late] } = await db.query(`SELECT id FROM trips WHERE status = 'SCHEDULED' AND origin_city_id = 'almaty' ORDER BY departure_at DESC LIMIT 1`)
const { rows: [driverRun] } = await db.query(`SELECT t.id FROM trips t JOIN users u ON u.id = t.driver_id WHERE u.email = 'driver@poputka.kz' AND t.status = 'SCHEDULED' ORDER BY t.departure_at LIMIT 1`)
const { rows: [group] } = await db.query(`SELECT g.id FROM groups g JOIN users u ON u.id = g.created_by_id WHERE u.email = 'coordinator@poputka.kz' LIMIT 1`)
await db.end()

const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] })
async function shoot(page, file) {
  await page.waitForLoadState('networkidle')
  await page.waitForTimeout(600)
  const png = await page.screenshot({ fullPage: false })
  const small = await sharp(png).png({ palette: true, colors: 48, compressionLevel: 9 }).toBuffer()
  await (await import('node:fs/promises')).writeFile(`docs/screenshots/${file}`, small)
  console.log(file, small.length)
}
async function as(email, width = 390) {
  const context = await browser.newContext({ viewport: { width, height: 760 }, timezoneId: 'Asia/Almaty', serviceWorkers: 'block' })
  const page = await context.newPage()
  if (email) {
    const csrf = await (await context.request.get(`${base}/api/auth/csrf`)).json()
    await context.request.post(`${base}/api/auth/callback/credentials`, { form: { csrfToken: csrf.csrfToken, email, password: 'poputka-demo', json: 'true' } })
  }
  return { context, page }
}
await (await import('node:fs/promises')).mkdir('docs/screenshots', { recursive: true })
for (const [lang, prefix] of [['kk', '/kk'], ['ru', '']]) {
  const visitor = await as(null)
  await visitor.page.goto(`${base}${prefix}/`)
  await shoot(visitor.page, `${lang}-home.png`)
  await visitor.page.goto(`${base}${prefix}/trips?from=almaty&to=bishkek`)
  await visitor.page.locator('#results-heading').scrollIntoViewIfNeeded()
  await shoot(visitor.page, `${lang}-search-results.png`)
  await visitor.context.close()

  const rider = await as('passenger@poputka.kz')
  await rider.page.goto(`${base}${prefix}/trips/${late.id}`)
  await shoot(rider.page, `${lang}-run.png`)
  const book = rider.page.locator('form button[type=submit]').last()
  await book.scrollIntoViewIfNeeded()
  await book.click()
  await rider.page.waitForTimeout(1500)
  await rider.page.locator('.notice.block, [role=alert]').first().scrollIntoViewIfNeeded().catch(() => undefined)
  await shoot(rider.page, `${lang}-booking-refused.png`)
  await rider.page.goto(`${base}${prefix}/stay`)
  await shoot(rider.page, `${lang}-my-stay.png`)
  await rider.context.close()

  const driver = await as('driver@poputka.kz')
  await driver.page.goto(`${base}${prefix}/my-trips/${driverRun.id}`)
  await shoot(driver.page, `${lang}-drivers-run.png`)
  await driver.context.close()

  const coordinator = await as('coordinator@poputka.kz')
  await coordinator.page.goto(`${base}${prefix}/dispatch/${group.id}/${kz(0)}`)
  await shoot(coordinator.page, `${lang}-day-board.png`)
  await coordinator.context.close()
}
await browser.close()
