import { randomUUID } from 'node:crypto'
import { describe, expect, test } from 'vitest'
import { db } from '@/lib/db'
import { createUser, TEST_PASSWORD } from '@/lib/testing/factories'
import { signInWithPassword } from './sign-in'

const ip = () => `ip-${randomUUID()}`

describe('signInWithPassword', () => {
  test('the right password signs in, case-insensitively by email', async () => {
    const user = await createUser()
    const outcome = await signInWithPassword({ email: user.email.toUpperCase(), password: TEST_PASSWORD }, ip())
    expect(outcome).toEqual({ ok: true, user: { id: user.id, name: user.name, email: user.email } })
  })

  test.each([
    { label: 'wrong password', password: 'wrong-password-1', exists: true },
    { label: 'unknown account', password: TEST_PASSWORD, exists: false },
  ])('$label is refused with the same answer', async ({ password, exists }) => {
    const email = exists ? (await createUser()).email : `nobody-${randomUUID()}@test.kz`
    expect(await signInWithPassword({ email, password }, ip())).toEqual({ ok: false, reason: 'INVALID_CREDENTIALS' })
  })

  test('after 10 failures on one account within 15 minutes even the right password is refused', async () => {
    const user = await createUser()
    for (let i = 0; i < 10; i++) {
      expect((await signInWithPassword({ email: user.email, password: 'wrong-password-x' }, ip())).ok).toBe(false)
    }
    const outcome = await signInWithPassword({ email: user.email, password: TEST_PASSWORD }, ip())
    expect(outcome).toMatchObject({ ok: false, reason: 'RATE_LIMITED' })
    expect(outcome.ok === false && outcome.reason === 'RATE_LIMITED' && outcome.retryAfterSeconds).toBeGreaterThan(800)
    // The counter lives in the database, so it holds across restarts of the app.
    const row = await db.rateLimit.findUniqueOrThrow({ where: { key: `sign-in:account:${user.email}` } })
    expect(row.count).toBeGreaterThan(10)
  })

  test('successful sign-ins do not use up the limit', async () => {
    const user = await createUser()
    const address = ip()
    for (let i = 0; i < 15; i++) {
      expect((await signInWithPassword({ email: user.email, password: TEST_PASSWORD }, address)).ok).toBe(true)
    }
  })

  test('the per-IP limit stops guessing across many accounts', async () => {
    const address = ip()
    for (let i = 0; i < 50; i++) await signInWithPassword({ email: `guess-${i}-${randomUUID()}@x.kz`, password: 'nope-nope-nope' }, address)
    const user = await createUser()
    expect(await signInWithPassword({ email: user.email, password: TEST_PASSWORD }, address)).toMatchObject({ ok: false, reason: 'RATE_LIMITED' })
  })
})
