import { describe, expect, test } from 'vitest'
import { EnvError, parseEnv } from './env'

const valid = { DATABASE_URL: 'postgresql://u:p@localhost:5432/db', NEXTAUTH_SECRET: 'x'.repeat(32) }

describe('parseEnv', () => {
  test('accepts a complete environment and applies defaults', () => {
    const env = parseEnv(valid)
    expect(env.DATABASE_POOL_SIZE).toBe(10)
    expect(env.TRUST_PROXY).toBe(false)
  })
  test.each([
    { label: 'missing DATABASE_URL', input: { NEXTAUTH_SECRET: valid.NEXTAUTH_SECRET }, variable: 'DATABASE_URL' },
    { label: 'DATABASE_URL not postgres', input: { ...valid, DATABASE_URL: 'mysql://x' }, variable: 'DATABASE_URL' },
    { label: 'missing NEXTAUTH_SECRET', input: { DATABASE_URL: valid.DATABASE_URL }, variable: 'NEXTAUTH_SECRET' },
    { label: 'short NEXTAUTH_SECRET', input: { ...valid, NEXTAUTH_SECRET: 'short' }, variable: 'NEXTAUTH_SECRET' },
    { label: 'bad TRUST_PROXY', input: { ...valid, TRUST_PROXY: 'maybe' }, variable: 'TRUST_PROXY' },
    { label: 'bad pool size', input: { ...valid, DATABASE_POOL_SIZE: '0' }, variable: 'DATABASE_POOL_SIZE' },
  ])('$label: the error names $variable', ({ input, variable }) => {
    expect(() => parseEnv(input)).toThrow(EnvError)
    expect(() => parseEnv(input)).toThrow(new RegExp(`${variable}:`))
  })
})
