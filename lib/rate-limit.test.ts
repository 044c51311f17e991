import { describe, expect, test } from 'vitest'
import { createMemoryLimiter } from './rate-limit'

describe('createMemoryLimiter', () => {
  test('allows the limit within the window, refuses the next with a Retry-After, resets after', () => {
    const hit = createMemoryLimiter(3, 60)
    const t0 = 1_000_000
    expect([0, 1, 2].map((i) => hit('a', t0 + i).allowed)).toEqual([true, true, true])
    const refused = hit('a', t0 + 10_000)
    expect(refused).toMatchObject({ allowed: false, count: 4 })
    expect(refused.retryAfterSeconds).toBe(50)
    expect(hit('b', t0 + 10_000).allowed).toBe(true)
    expect(hit('a', t0 + 60_001).allowed).toBe(true)
  })
})
