import { describe, expect, test } from 'vitest'
import { EnvError, parseEnv } from './env'

const valid = { DATABASE_URL: 'postgresql://u:p@localhost:5432/db', NEXTAUTH_SECRET: 'x'.repeat(32) }

describe('parseEnv', () => {
  test('accepts a complete environment and applies defaults', () => {
    const env = parseEnv(valid)
    expect(env.DATABASE_POOL_SIZE).toBe(10)
    expect(env.TRUST_PROXY).toBe(false)
    // No SMTP and no bot token: email waits in the outbox, the bot is off.
    expect(env.SMTP_URL).toBeUndefined()
    expect(env.TELEGRAM_BOT_TOKEN).toBeUndefined()
    expect(env.TELEGRAM_API_URL).toBe('https://api.telegram.org')
  })
  test('SMTP with a sender and a bot token are accepted', () => {
    const env = parseEnv({ ...valid, SMTP_URL: 'smtps://u:p@smtp.example.com:465', MAIL_FROM: 'Попутка <no-reply@poputka.kz>', TELEGRAM_BOT_TOKEN: '123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw' })
    expect(env.SMTP_URL).toBe('smtps://u:p@smtp.example.com:465')
    expect(env.TELEGRAM_BOT_TOKEN).toMatch(/^123456789:/)
  })
  test.each([
    { label: 'missing DATABASE_URL', input: { NEXTAUTH_SECRET: valid.NEXTAUTH_SECRET }, variable: 'DATABASE_URL' },
    { label: 'DATABASE_URL not postgres', input: { ...valid, DATABASE_URL: 'mysql://x' }, variable: 'DATABASE_URL' },
    { label: 'missing NEXTAUTH_SECRET', input: { DATABASE_URL: valid.DATABASE_URL }, variable: 'NEXTAUTH_SECRET' },
    { label: 'short NEXTAUTH_SECRET', input: { ...valid, NEXTAUTH_SECRET: 'short' }, variable: 'NEXTAUTH_SECRET' },
    { label: 'bad TRUST_PROXY', input: { ...valid, TRUST_PROXY: 'maybe' }, variable: 'TRUST_PROXY' },
    { label: 'bad pool size', input: { ...valid, DATABASE_POOL_SIZE: '0' }, variable: 'DATABASE_POOL_SIZE' },
    { label: 'SMTP_URL not smtp', input: { ...valid, SMTP_URL: 'http://mail.example.com', MAIL_FROM: 'a@b.kz' }, variable: 'SMTP_URL' },
    { label: 'SMTP_URL without MAIL_FROM', input: { ...valid, SMTP_URL: 'smtp://localhost:2525' }, variable: 'MAIL_FROM' },
    { label: 'a bot token that is not one', input: { ...valid, TELEGRAM_BOT_TOKEN: 'not-a-token' }, variable: 'TELEGRAM_BOT_TOKEN' },
    { label: 'TELEGRAM_API_URL not a URL', input: { ...valid, TELEGRAM_API_URL: 'api.telegram' }, variable: 'TELEGRAM_API_URL' },
  ])('$label: the error names $variable', ({ input, variable }) => {
    expect(() => parseEnv(input)).toThrow(EnvError)
    expect(() => parseEnv(input)).toThrow(new RegExp(`${variable}:`))
  })
})
