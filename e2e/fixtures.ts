// Playwright fixtures: a database handle on the e2e server's throwaway database, factories that
// make unique users of a role, and a signed-in page for them (through next-auth's real endpoints).
import { test as base, expect, type Browser, type BrowserContext, type Page } from '@playwright/test'
import { randomUUID } from 'node:crypto'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import pg from 'pg'
import { hash } from '@node-rs/argon2'

export const E2E_PASSWORD = 'e2e-password-123'

let pool: pg.Pool | undefined
export function e2eDb(): pg.Pool {
  if (!pool) {
    const url = readFileSync(path.join(process.cwd(), 'test-results', `e2e-database-url-${process.env.E2E_PORT ?? 3210}`), 'utf8').trim()
    pool = new pg.Pool({ connectionString: url, max: 4 })
  }
  return pool
}

let passwordHash: Promise<string> | undefined

export type TestUser = { id: string; email: string; name: string; password: string }
export type Role = 'PASSENGER' | 'DRIVER' | 'COORDINATOR' | 'ADMIN'

export async function createUser(options: { roles?: Role[]; name?: string; emailPrefix?: string; phone?: string } = {}): Promise<TestUser> {
  passwordHash ??= hash(E2E_PASSWORD, { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 })
  const email = `${options.emailPrefix ?? 'e2e'}-${randomUUID().slice(0, 10)}@test.poputka.kz`
  const name = options.name ?? `Тест ${randomUUID().slice(0, 4)}`
  const roles = options.roles ?? ['PASSENGER']
  const { rows } = await e2eDb().query<{ id: string }>(
    `INSERT INTO users (email, name, password_hash, roles, phone, updated_at) VALUES ($1, $2, $3, $4::"Role"[], $5, now()) RETURNING id`,
    [email, name, await passwordHash, roles, options.phone ?? null],
  )
  return { id: rows[0]!.id, email, name, password: E2E_PASSWORD }
}

/** Signs a context in through /api/auth (CSRF token + credentials callback), like the form does. */
export async function signInContext(context: BrowserContext, user: Pick<TestUser, 'email' | 'password'>): Promise<void> {
  const csrf = await context.request.get('/api/auth/csrf')
  const { csrfToken } = (await csrf.json()) as { csrfToken: string }
  const response = await context.request.post('/api/auth/callback/credentials', {
    form: { csrfToken, email: user.email, password: user.password, json: 'true' },
  })
  expect(response.ok()).toBeTruthy()
  const cookies = await context.cookies()
  expect(cookies.some((c) => c.name.includes('next-auth.session-token'))).toBeTruthy()
}

export async function newSignedInPage(browser: Browser, user: TestUser): Promise<Page> {
  const context = await browser.newContext()
  await signInContext(context, user)
  return context.newPage()
}

type Fixtures = {
  /** A page signed in as a fresh user with the given roles. */
  signedInAs: (roles?: Role[]) => Promise<{ page: Page; user: TestUser }>
}

export const test = base.extend<Fixtures>({
  signedInAs: async ({ browser }, use) => {
    const contexts: BrowserContext[] = []
    await use(async (roles) => {
      const user = await createUser({ roles: roles ?? ['PASSENGER'] })
      const context = await browser.newContext()
      contexts.push(context)
      await signInContext(context, user)
      return { page: await context.newPage(), user }
    })
    for (const c of contexts) await c.close()
  },
})

export { expect }

/** Saves a screenshot of a key page as an artifact (e2e/.artifacts, git-ignored). */
export async function keepScreenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join('e2e', '.artifacts', `${name}.png`), fullPage: true })
}
