import { randomUUID } from 'node:crypto'
import { describe, expect, test } from 'vitest'
import { db } from '@/lib/db'
import { createUser, TEST_PASSWORD } from '@/lib/testing/factories'
import { SIGN_IN_BACKOFF, signInWithPassword } from './sign-in'

const ip = () => `ip-${randomUUID()}`

describe('signInWithPassword', () => {
  test('the right password signs in, case-insensitively by email', async () => {
    const user = await createUser()
    const outcome = await signInWithPassword({ email: user.email.toUpperCase(), password: TEST_PASSWORD }, ip())
    expect(outcome).toEqual({ ok: true, user: { id: user.id, name: user.name, email: user.email, sessionVersion: 0 } })
  })

  test.each([
    { label: 'wrong password', password: 'wrong-password-1', exists: true },
    { label: 'unknown account', password: TEST_PASSWORD, exists: false },
  ])('$label is refused with the same answer', async ({ password, exists }) => {
    const email = exists ? (await createUser()).email : `nobody-${randomUUID()}@test.kz`
    expect(await signInWithPassword({ email, password }, ip())).toEqual({ ok: false, reason: 'INVALID_CREDENTIALS' })
  })

  test('ten wrong passwords from one address lock that address out of the account — not the owner at another address', async () => {
    const user = await createUser()
    const attacker = ip()
    for (let i = 0; i < 10; i++) {
      expect(await signInWithPassword({ email: user.email, password: 'wrong-password-x' }, attacker)).toEqual({ ok: false, reason: 'INVALID_CREDENTIALS' })
    }
    // The attacker's address is out for this account, even with the right password…
    const limited = await signInWithPassword({ email: user.email, password: TEST_PASSWORD }, attacker)
    expect(limited).toMatchObject({ ok: false, reason: 'RATE_LIMITED' })
    expect(limited.ok === false && limited.reason === 'RATE_LIMITED' && limited.retryAfterSeconds).toBeGreaterThan(800)
    // …the owner, elsewhere, gets in at once, again and again.
    for (let i = 0; i < 3; i++) expect(await signInWithPassword({ email: user.email, password: TEST_PASSWORD }, ip())).toMatchObject({ ok: true })
    // The counter lives in the database, so it holds across restarts of the app.
    const row = await db.rateLimit.findUniqueOrThrow({ where: { key: `sign-in:address-account:${attacker}:${user.email}` } })
    expect(row.count).toBeGreaterThan(10)
  })

  test(`across many addresses the account slows down: ${SIGN_IN_BACKOFF.free} wrong passwords free, then growing delays`, async () => {
    const user = await createUser()
    const wrong = () => signInWithPassword({ email: user.email, password: 'wrong-password-y' }, ip())
    for (let i = 0; i < SIGN_IN_BACKOFF.free; i++) expect(await wrong()).toEqual({ ok: false, reason: 'INVALID_CREDENTIALS' })
    const key = `sign-in:account:${user.email}`
    const waits: number[] = []
    for (let i = 0; i < 7; i++) {
      // Right after a failure (the clock set to it: a busy machine must not eat a 1 s delay) the
      // account waits; even the right password is not tried…
      await db.$executeRaw`UPDATE rate_limits SET last_hit_at = now() WHERE key = ${key}`
      const refused = await signInWithPassword({ email: user.email, password: TEST_PASSWORD }, ip())
      expect(refused).toMatchObject({ ok: false, reason: 'RATE_LIMITED' })
      waits.push(refused.ok === false && refused.reason === 'RATE_LIMITED' ? refused.retryAfterSeconds : -1)
      // …and once the wait is over (the clock moved on: the last attempt made earlier) one more try.
      await db.$executeRaw`UPDATE rate_limits SET last_hit_at = last_hit_at - make_interval(secs => ${SIGN_IN_BACKOFF.maxDelaySeconds + 1}) WHERE key = ${key}`
      expect(await wrong()).toEqual({ ok: false, reason: 'INVALID_CREDENTIALS' })
    }
    expect(waits).toEqual([1, 2, 4, 8, 16, 30, 30])
  })

  test('the owner gets in once the delay has passed, and that gives an attempt back', async () => {
    const user = await createUser()
    for (let i = 0; i < SIGN_IN_BACKOFF.free + 2; i++) {
      await db.$executeRaw`UPDATE rate_limits SET last_hit_at = now() - interval '1 hour' WHERE key = ${`sign-in:account:${user.email}`}`
      await signInWithPassword({ email: user.email, password: 'wrong-password-z' }, ip())
    }
    await db.$executeRaw`UPDATE rate_limits SET last_hit_at = now() - interval '1 hour' WHERE key = ${`sign-in:account:${user.email}`}`
    expect(await signInWithPassword({ email: user.email, password: TEST_PASSWORD }, ip())).toMatchObject({ ok: true })
    expect((await db.rateLimit.findUniqueOrThrow({ where: { key: `sign-in:account:${user.email}` } })).count).toBe(SIGN_IN_BACKOFF.free + 2)
  })

  test(`at the ceiling (${SIGN_IN_BACKOFF.ceiling} failures in an hour) the account takes no attempt until the hour is over`, async () => {
    const user = await createUser()
    const key = `sign-in:account:${user.email}`
    await db.$executeRaw`INSERT INTO rate_limits (key, window_start, count, last_hit_at) VALUES (${key}, now() - interval '10 minutes', ${SIGN_IN_BACKOFF.ceiling}, now() - interval '10 minutes')`
    const refused = await signInWithPassword({ email: user.email, password: TEST_PASSWORD }, ip())
    expect(refused).toMatchObject({ ok: false, reason: 'RATE_LIMITED' })
    expect(refused.ok === false && refused.reason === 'RATE_LIMITED' && refused.retryAfterSeconds).toBeGreaterThan(45 * 60)
    // A new window: the count starts again.
    await db.$executeRaw`UPDATE rate_limits SET window_start = now() - interval '61 minutes' WHERE key = ${key}`
    expect(await signInWithPassword({ email: user.email, password: TEST_PASSWORD }, ip())).toMatchObject({ ok: true })
  })

  test('attempts refused by an address limit do not delay the account for its owner', async () => {
    const user = await createUser()
    const attacker = ip()
    for (let i = 0; i < 40; i++) await signInWithPassword({ email: user.email, password: 'wrong-password-w' }, attacker)
    // 10 were tried, 30 refused at the address: the account saw 10 failures, no delay.
    expect((await db.rateLimit.findUniqueOrThrow({ where: { key: `sign-in:account:${user.email}` } })).count).toBe(10)
    expect(await signInWithPassword({ email: user.email, password: TEST_PASSWORD }, ip())).toMatchObject({ ok: true })
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
