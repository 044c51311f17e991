import { randomUUID } from 'node:crypto'
import { describe, expect, test } from 'vitest'
import { db } from '@/lib/db'
import { AppError } from '@/lib/errors'
import { uniqueEmail } from '@/lib/testing/factories'
import { fieldMessagesFromZod } from '@/lib/validation'
import { registerUser, registerUserSchema } from './register-user'

const ip = () => `test-${randomUUID()}`

describe('registerUser', () => {
  test('creates a passenger with a hashed password, email lower-cased, phone E.164, and sends a confirmation link', async () => {
    const email = uniqueEmail('Reg').toUpperCase()
    const input = registerUserSchema.parse({ name: 'Анна', email, password: 'long-enough-pw', phone: '+996 555 12-34-56' })
    expect(await registerUser(input, ip())).toEqual({ email: email.toLowerCase() })
    const row = await db.user.findUniqueOrThrow({ where: { email: email.toLowerCase() } })
    expect(row.roles).toEqual(['PASSENGER'])
    expect(row.phone).toBe('+996555123456')
    expect(row.emailVerifiedAt).toBeNull()
    expect(row.passwordHash).toMatch(/^\$argon2id\$/)
    expect(row.passwordHash).not.toContain('long-enough-pw')
    const mail = await db.notification.findMany({ where: { userId: row.id }, select: { kind: true, deliveries: { select: { channel: true } } } })
    expect(mail).toEqual([{ kind: 'EMAIL_VERIFY', deliveries: [{ channel: 'EMAIL' }] }])
  })

  test('a taken email (any case) gets the same answer; its owner is told by email, at most once an hour; nothing else changes', async () => {
    const email = uniqueEmail('dup')
    await registerUser(registerUserSchema.parse({ name: 'A', email, password: 'long-enough-pw' }), ip())
    const owner = await db.user.findUniqueOrThrow({ where: { email } })
    const secondName = `B-${randomUUID()}`
    const second = registerUserSchema.parse({ name: secondName, email: email.toUpperCase(), password: 'another-password-1' })
    expect(await registerUser(second, ip())).toEqual({ email })
    expect(await registerUser(second, ip())).toEqual({ email })
    expect(await db.user.count({ where: { name: secondName } })).toBe(0)
    expect(await db.user.count({ where: { email } })).toBe(1)
    expect((await db.user.findUniqueOrThrow({ where: { email } })).passwordHash).toBe(owner.passwordHash)
    const kinds = await db.notification.findMany({ where: { userId: owner.id }, orderBy: { createdAt: 'asc' }, select: { kind: true } })
    expect(kinds.map((k) => k.kind)).toEqual(['EMAIL_VERIFY', 'ACCOUNT_EXISTS'])
  })

  test('two simultaneous registrations with one email make exactly one account', async () => {
    const email = uniqueEmail('race')
    const input = registerUserSchema.parse({ name: 'R', email, password: 'long-enough-pw' })
    const outcomes = await Promise.all([registerUser(input, ip()), registerUser(input, ip()), registerUser(input, ip())])
    expect(outcomes).toEqual([{ email }, { email }, { email }])
    expect(await db.user.count({ where: { email } })).toBe(1)
  })

  test('registration is limited per IP with a Retry-After', async () => {
    const address = ip()
    for (let i = 0; i < 20; i++) {
      await registerUser(registerUserSchema.parse({ name: 'L', email: uniqueEmail('lim'), password: 'long-enough-pw' }), address)
    }
    const refused = await registerUser(registerUserSchema.parse({ name: 'L', email: uniqueEmail('lim'), password: 'long-enough-pw' }), address).catch((e: unknown) => e)
    expect(refused).toBeInstanceOf(AppError)
    expect((refused as AppError).code).toBe('RATE_LIMITED')
    expect((refused as AppError).options.retryAfterSeconds).toBeGreaterThan(0)
  })
})

describe('registerUserSchema field errors', () => {
  test.each([
    { label: 'bad email', input: { name: 'A', email: 'not-an-email', password: 'long-enough-pw' }, field: 'email', key: 'validation.email' },
    { label: 'short password', input: { name: 'A', email: 'a@b.kz', password: 'short' }, field: 'password', key: 'validation.passwordTooShort' },
    { label: 'empty name', input: { name: '   ', email: 'a@b.kz', password: 'long-enough-pw' }, field: 'name', key: 'validation.required' },
    { label: 'a phone that is no real number', input: { name: 'A', email: 'a@b.kz', password: 'long-enough-pw', phone: '+1 555 0100' }, field: 'phone', key: 'validation.phone' },
    { label: 'control characters in name', input: { name: 'A\u0007B', email: 'a@b.kz', password: 'long-enough-pw' }, field: 'name', key: 'validation.noControlChars' },
    { label: 'unknown field', input: { name: 'A', email: 'a@b.kz', password: 'long-enough-pw', role: 'ADMIN' }, field: 'role', key: 'validation.unknownField' },
  ])('$label → $field: $key', ({ input, field, key }) => {
    const result = registerUserSchema.safeParse(input)
    expect(result.success).toBe(false)
    const fields = fieldMessagesFromZod(result.error!)
    expect(fields[field]?.map((m) => m.key)).toContain(key)
  })
})
