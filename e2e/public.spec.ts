// The public pages: Russian by default with demo runs, every demo account signs in, roles shape
// the navigation, no serious accessibility violations, usable at 360 px.
import AxeBuilder from '@axe-core/playwright'
import { expect, keepScreenshot, signInContext, test } from './fixtures'

const DEMO_PASSWORD = 'poputka-demo'

test('the home page is Russian and lists demo runs to Bishkek and Tashkent', async ({ page }) => {
  await page.goto('/')
  await expect(page.locator('html')).toHaveAttribute('lang', 'ru')
  const runs = page.getByRole('region', { name: 'Ближайшие поездки' }).getByRole('article')
  await expect(runs.first()).toBeVisible()
  await expect(page.getByRole('link', { name: 'Алматы → Бишкек' }).first()).toBeVisible()
  await expect(page.getByRole('link', { name: 'Шымкент → Ташкент' }).first()).toBeVisible()
  await keepScreenshot(page, 'home-ru')
})

test.describe('demo accounts', () => {
  for (const [email, navItem] of [
    ['passenger@poputka.kz', 'Мои брони'],
    ['driver@poputka.kz', 'Мои рейсы'],
    ['coordinator@poputka.kz', 'Группы'],
    ['admin@poputka.kz', 'Администрирование'],
  ] as const) {
    test(`${email} signs in and sees "${navItem}"`, async ({ browser }) => {
      const context = await browser.newContext()
      await signInContext(context, { email, password: DEMO_PASSWORD })
      const page = await context.newPage()
      await page.goto('/')
      await expect(page.getByRole('navigation', { name: 'Основная навигация' }).getByRole('link', { name: navItem })).toBeVisible()
      await context.close()
    })
  }
})

test('an admin grants the coordinator role on the admin page', async ({ signedInAs }) => {
  const { page } = await signedInAs(['PASSENGER', 'ADMIN'])
  const { user: target } = await signedInAs(['PASSENGER'])
  await page.goto(`/admin/users?q=${encodeURIComponent(target.email)}`)
  const row = page.getByRole('row', { name: new RegExp(target.email) })
  await row.getByRole('button', { name: 'Выдать: координатор' }).click()
  await expect(row.getByRole('button', { name: 'Забрать: координатор' })).toBeVisible()
  await expect(row.getByText('координатор', { exact: true })).toBeVisible()
})

test('a passenger cannot open the admin page', async ({ signedInAs }) => {
  const { page } = await signedInAs(['PASSENGER'])
  const response = await page.goto('/admin/users')
  expect(response?.status()).toBe(403)
  await expect(page.getByRole('heading', { name: 'Нет доступа' })).toBeVisible()
})

test('a signed-out visitor of a protected page is sent to sign in and back', async ({ page }) => {
  await page.goto('/account')
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Faccount/)
  await page.getByLabel('Электронная почта').fill('passenger@poputka.kz')
  await page.getByLabel('Пароль').fill(DEMO_PASSWORD)
  await page.getByRole('button', { name: 'Войти' }).click()
  await expect(page).toHaveURL(/\/account$/)
  await expect(page.getByRole('heading', { name: 'Профиль' })).toBeVisible()
})

for (const path of ['/', '/en', '/sign-in', '/register']) {
  test(`axe finds no serious or critical violation on ${path}`, async ({ page }) => {
    await page.goto(path)
    const results = await new AxeBuilder({ page }).analyze()
    const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
    expect(serious.map((v) => `${v.id}: ${v.nodes.length} nodes`)).toEqual([])
  })

  test(`${path} fits a 360 px wide phone without sideways scrolling`, async ({ browser }) => {
    const context = await browser.newContext({ viewport: { width: 360, height: 740 } })
    const page = await context.newPage()
    await page.goto(path)
    const width = await page.evaluate(() => document.documentElement.scrollWidth)
    expect(width).toBeLessThanOrEqual(360)
    await context.close()
  })
}
