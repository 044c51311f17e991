// The structured logger never writes a password, token, cookie, document or stay, however deep it is
// nested; and signing in and booking through the services (the happy paths and the refusals) log
// nothing sensitive either — every byte written to stdout and stderr is read back and searched.
import { randomUUID } from 'node:crypto'
import { afterEach, beforeEach, describe, expect, test } from 'vitest'
import { signInWithPassword } from '@/lib/auth/sign-in'
import { bookSeats } from '@/lib/bookings/book-seats'
import { db } from '@/lib/db'
import { errorResponse } from '@/lib/route'
import { log, redact } from '@/lib/log'
import { createRider, createTrip, TEST_PASSWORD } from '@/lib/testing/factories'
import { createDocumentRow } from '@/lib/testing/traveller-factories'

/** Everything written to stdout and stderr while `body` runs. */
async function captureOutput(body: () => Promise<unknown>): Promise<string> {
  const written: string[] = []
  const original = { out: process.stdout.write.bind(process.stdout), err: process.stderr.write.bind(process.stderr) }
  const grab = (chunk: unknown) => {
    written.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk as Uint8Array).toString('utf8'))
    return true
  }
  process.stdout.write = grab as typeof process.stdout.write
  process.stderr.write = grab as typeof process.stderr.write
  try {
    await body()
  } finally {
    process.stdout.write = original.out
    process.stderr.write = original.err
  }
  return written.join('')
}

let previousLevel: string | undefined
beforeEach(() => {
  previousLevel = process.env.LOG_LEVEL
  process.env.LOG_LEVEL = 'debug'
})
afterEach(() => {
  process.env.LOG_LEVEL = previousLevel
})

describe('redact', () => {
  test.each([
    { label: 'a password', key: 'password' },
    { label: 'a new password', key: 'newPassword' },
    { label: 'a password hash', key: 'passwordHash' },
    { label: 'a column name', key: 'password_hash' },
    { label: 'a session token', key: 'sessionToken' },
    { label: 'a CSRF token', key: 'csrfToken' },
    { label: 'an idempotency token', key: 'token' },
    { label: 'a cookie header', key: 'cookie' },
    { label: 'a set-cookie header', key: 'set-cookie' },
    { label: 'an authorization header', key: 'Authorization' },
    { label: 'the app secret', key: 'NEXTAUTH_SECRET' },
    { label: 'a residence document', key: 'document' },
    { label: 'documents', key: 'documents' },
    { label: 'a document number', key: 'documentNumber' },
    { label: 'a travel log', key: 'stays' },
    { label: "the legal check's inputs", key: 'checkInputs' },
    { label: 'the same as a column', key: 'check_inputs' },
  ])('$label ($key) is redacted', ({ key }) => {
    const secret = `secret-${randomUUID()}`
    const out = JSON.stringify(redact({ [key]: secret, nested: { [key]: { value: secret } }, list: [{ [key]: secret }] }))
    expect(out).not.toContain(secret)
    expect(out).toContain('[redacted]')
  })

  test('ordinary fields stay readable', () => {
    expect(redact({ requestId: 'r-1', method: 'POST', path: '/api/trips', status: 201, ms: 12 })).toEqual({ requestId: 'r-1', method: 'POST', path: '/api/trips', status: 201, ms: 12 })
  })

  test('whatever is nested too deep to read is cut, not written out unredacted', () => {
    const secret = `secret-${randomUUID()}`
    const deep = { a: { b: { c: { d: { e: { f: { password: secret, note: secret } } } } } } }
    const out = JSON.stringify(redact(deep))
    expect(out).not.toContain(secret)
    expect(out).toContain('[truncated]')
  })

  test('an error keeps its name, message and stack, not the properties hung on it', () => {
    const secret = `secret-${randomUUID()}`
    const error = Object.assign(new Error('connect failed'), { config: { password: secret }, body: secret })
    const out = redact(error) as Record<string, unknown>
    expect(Object.keys(out).sort()).toEqual(['message', 'name', 'stack'])
    expect(JSON.stringify(out)).not.toContain(secret)
  })
})

describe('log', () => {
  test('one JSON object a line: info to stdout, warnings and errors to stderr, secrets redacted', async () => {
    const output = await captureOutput(async () => {
      log.info('signed in', { userId: 'u-1', password: 'hunter2-hunter2', headers: { cookie: 'next-auth.session-token=abc', 'user-agent': 'x' } })
      log.error('failed', { error: new Error('boom'), token: 'tok-123' })
    })
    const lines = output.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>)
    expect(lines).toHaveLength(2)
    expect(lines[0]).toMatchObject({ level: 'info', msg: 'signed in', userId: 'u-1', password: '[redacted]', headers: { cookie: '[redacted]', 'user-agent': 'x' } })
    expect(lines[1]).toMatchObject({ level: 'error', msg: 'failed', token: '[redacted]', error: { name: 'Error', message: 'boom' } })
    expect(output).not.toMatch(/hunter2|session-token=abc|tok-123/)
  })

  test('LOG_LEVEL silences what is below it', async () => {
    process.env.LOG_LEVEL = 'warn'
    const output = await captureOutput(async () => log.info('not written'))
    expect(output).toBe('')
  })
})

describe('signing in and booking log nothing sensitive', () => {
  test('sign-in: a wrong password, the right one, and the rate limit', async () => {
    const { rider } = await createRider()
    const user = await db.user.findUniqueOrThrow({ where: { id: rider.id }, select: { email: true, passwordHash: true } })
    const wrong = `wrong-${randomUUID()}`
    const output = await captureOutput(async () => {
      expect((await signInWithPassword({ email: user.email, password: wrong }, '203.0.113.7')).ok).toBe(false)
      expect((await signInWithPassword({ email: user.email, password: TEST_PASSWORD }, '203.0.113.7')).ok).toBe(true)
      for (let i = 0; i < 11; i++) await signInWithPassword({ email: user.email, password: wrong }, '203.0.113.7')
      const limited = await signInWithPassword({ email: user.email, password: wrong }, '203.0.113.7')
      expect(limited).toMatchObject({ ok: false, reason: 'RATE_LIMITED' })
    })
    for (const secret of [wrong, TEST_PASSWORD, user.passwordHash]) expect(output).not.toContain(secret)
  })

  test('booking with a travel log and a residence document; a refusal; an unexpected failure', async () => {
    // Dates that appear nowhere but in this rider's records.
    const stay = { entryOn: '2024-05-13', exitOn: '2024-06-21' }
    const { rider, travellerId } = await createRider({ stays: [stay] })
    await createDocumentRow(travellerId, { kind: 'VISA', validFrom: '2023-08-14', validTo: '2031-10-09' })
    const trip = await createTrip({ seatsTotal: 2 })
    const output = await captureOutput(async () => {
      const booked = await bookSeats(rider, { tripId: trip.id, travellerIds: [travellerId], acknowledgeWarning: true, joinWaitlist: false })
      expect(booked.status).toBe('CONFIRMED')
      // Booked already: refused.
      await bookSeats(rider, { tripId: trip.id, travellerIds: [travellerId], acknowledgeWarning: true, joinWaitlist: false }).catch(() => undefined)
      // An unexpected error inside an action and a route is logged: its message, never the data around it.
      // (lib/action.ts logs { error } the same way; runAction itself needs a Next request for its locale.)
      log.error('unhandled error in action', { error: Object.assign(new Error('unexpected'), { stays: [stay], password: TEST_PASSWORD }) })
      errorResponse(Object.assign(new Error('unexpected'), { checkInputs: { stays: [stay] } }), 'ru', 'req-1')
    })
    expect(output).toContain('unexpected') // the failures were logged…
    for (const secret of ['2024-05-13', '2024-06-21', '2023-08-14', '2031-10-09', TEST_PASSWORD]) expect(output).not.toContain(secret) // …without the data
  })
})
