// Sessions end when they should, on the server: a copy of the session cookie taken before is refused
// afterwards (it used to work for 30 days). Sign-out ends that session; "sign out everywhere" in
// Profile ends every session of the account, on every device; an admin's change of roles and
// deleting the account end the person's sessions too.
import type { BrowserContext } from '@playwright/test'
import { createUser, e2eDb, expect, signInContext, test, type TestUser } from './fixtures'

test.describe.configure({ mode: 'parallel' })

/** A signed-in API call with just this cookie header (a copy of a session, as a thief would hold). */
async function asCookie(context: BrowserContext, cookie: string): Promise<number> {
  const response = await context.request.fetch('/api/bookings', { headers: { Cookie: cookie }, failOnStatusCode: false })
  return response.status()
}

async function sessionCookie(context: BrowserContext): Promise<string> {
  const cookie = (await context.cookies()).find((c) => c.name.endsWith('next-auth.session-token'))
  expect(cookie, 'signed in').toBeTruthy()
  return `${cookie!.name}=${cookie!.value}`
}

async function signedIn(browser: import('@playwright/test').Browser, user: TestUser) {
  const context = await browser.newContext()
  await signInContext(context, user)
  return context
}

test('sign-out ends the session on the server: the old cookie is refused afterwards; another device stays signed in', async ({ browser }) => {
  const user = await createUser()
  const phone = await signedIn(browser, user)
  const laptop = await signedIn(browser, user)
  const copy = await sessionCookie(phone)
  const bare = await browser.newContext()
  expect(await asCookie(bare, copy)).toBe(200)

  const page = await phone.newPage()
  await page.goto('/')
  await page.getByRole('button', { name: 'Выйти' }).click()
  await expect(page.getByRole('link', { name: 'Войти' })).toBeVisible()

  expect(await asCookie(bare, copy)).toBe(401)
  expect((await laptop.request.get('/api/bookings', { failOnStatusCode: false })).status()).toBe(200)
  for (const c of [phone, laptop, bare]) await c.close()
})

test('"sign out everywhere" in Profile ends every session, this one included', async ({ browser }) => {
  const user = await createUser()
  const here = await signedIn(browser, user)
  const there = await signedIn(browser, user)
  const page = await here.newPage()
  await page.goto('/account')
  await page.getByText('Выйти на всех устройствах…').click()
  await expect(page.getByText('Все входы в вашу учётную запись, включая этот, завершатся сразу.')).toBeVisible()
  await page.getByRole('button', { name: 'Да, выйти везде' }).click()
  await expect(page).toHaveURL(/\/sign-in/)

  // The other device: its next request is refused, its next page asks it to sign in.
  expect((await there.request.get('/api/bookings', { failOnStatusCode: false })).status()).toBe(401)
  const other = await there.newPage()
  await other.goto('/account')
  await expect(other).toHaveURL(/\/sign-in\?callbackUrl=%2Faccount/)
  // And signing in again works.
  await signInContext(there, user)
  expect((await there.request.get('/api/bookings')).status()).toBe(200)
  for (const c of [here, there]) await c.close()
})

test('"sign out everywhere" fits a 320 px phone: no sideways scroll, a thumb-sized button', async ({ browser }) => {
  const user = await createUser({ name: 'Длинноеимякотороенепереносится'.repeat(3) })
  const context = await browser.newContext({ viewport: { width: 320, height: 640 } })
  await signInContext(context, user)
  const page = await context.newPage()
  await page.goto('/account')
  const open = page.getByText('Выйти на всех устройствах…')
  await open.click()
  const button = page.getByRole('button', { name: 'Да, выйти везде' })
  await expect(button).toBeVisible()
  for (const control of [open, button]) {
    const box = (await control.boundingBox())!
    expect(box.height).toBeGreaterThanOrEqual(44)
    expect(box.width).toBeGreaterThanOrEqual(44)
  }
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320)
  await context.close()
})

test('an admin’s change of roles ends the person’s sessions', async ({ browser, signedInAs }) => {
  const { page: admin } = await signedInAs(['PASSENGER', 'ADMIN'])
  const target = await createUser()
  const theirs = await signedIn(browser, target)
  expect((await theirs.request.get('/api/bookings')).status()).toBe(200)
  await admin.goto(`/admin/users?q=${encodeURIComponent(target.email)}`)
  const row = admin.getByRole('row', { name: new RegExp(target.email) })
  await row.getByRole('button', { name: 'Выдать: координатор' }).click()
  await expect(row.getByRole('button', { name: 'Забрать: координатор' })).toBeVisible()
  expect((await theirs.request.get('/api/bookings', { failOnStatusCode: false })).status()).toBe(401)
  // The admin's own session is untouched.
  await admin.reload()
  await expect(admin.getByRole('heading', { level: 1 })).toBeVisible()
  expect(admin.url()).toContain('/admin/users')
  await theirs.close()
})

test('deleting the account ends its sessions: a copy of the cookie is refused', async ({ browser }) => {
  const user = await createUser()
  const context = await signedIn(browser, user)
  const copy = await sessionCookie(context)
  const response = await context.request.delete('/api/account', { data: { password: user.password, confirm: true } })
  expect(response.status()).toBe(200)
  const bare = await browser.newContext()
  expect(await asCookie(bare, copy)).toBe(401)
  const { rows } = await e2eDb().query<{ session_version: number }>('SELECT session_version FROM users WHERE id = $1', [user.id])
  expect(rows[0]!.session_version).toBeGreaterThan(0)
  for (const c of [context, bare]) await c.close()
})
