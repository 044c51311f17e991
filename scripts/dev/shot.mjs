// Dev helper: screenshots of pages at a width, optionally signed in. Not part of the tests.
// node scripts/dev/shot.mjs BASE OUTDIR WIDTH [email] path...
import { chromium } from '@playwright/test'
const [base, out, width, maybeEmail, ...rest] = process.argv.slice(2)
const email = maybeEmail?.includes('@') ? maybeEmail : null
const paths = email ? rest : [maybeEmail, ...rest].filter(Boolean)
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] })
const context = await browser.newContext({ viewport: { width: Number(width), height: 844 }, timezoneId: 'Asia/Almaty' })
const page = await context.newPage()
if (email) {
  await page.goto(`${base}/sign-in`)
  await page.locator('input[name=email]').fill(email)
  await page.locator('input[name=password]').fill('poputka-demo')
  await page.locator('form button[type=submit]').click()
  await page.waitForTimeout(1500)
}
for (const p of paths) {
  await page.goto(base + p, { waitUntil: 'networkidle' })
  await page.waitForTimeout(500)
  const sw = await page.evaluate(() => document.documentElement.scrollWidth)
  const name = `${out}/${p.replace(/[/?=&]/g, '_') || 'root'}-${width}.png`
  await page.screenshot({ path: name, fullPage: true })
  console.log(name, 'scrollWidth', sw)
}
await browser.close()
