import { describe, expect, test } from 'vitest'
import { embeddedMaxConnections, planPool, workerCount } from './pool-plan'

describe('workerCount', () => {
  test('one in development, WEB_CONCURRENCY when set, else every core', () => {
    expect(workerCount({ dev: true, webConcurrency: 8 })).toBe(1)
    expect(workerCount({ dev: false, webConcurrency: 3 })).toBe(3)
    expect(workerCount({ dev: false })).toBeGreaterThanOrEqual(1)
  })
})

describe('planPool', () => {
  test.each([
    { label: '2 processes on the default 100 connections keep the default pool of 10', workers: 2, max: 100, reserved: 3, requested: undefined, pool: 10, connections: 22, warns: false },
    { label: '16 processes on 100 connections get smaller pools that fit', workers: 16, max: 100, reserved: 3, requested: undefined, pool: 3, connections: 64, warns: false },
    { label: '64 processes on 100 connections: the floor of 2 does not fit, and it says so', workers: 64, max: 100, reserved: 3, requested: undefined, pool: 2, connections: 192, warns: true },
    { label: 'an explicit pool size is kept, with a warning when it does not fit', workers: 8, max: 100, reserved: 3, requested: 20, pool: 20, connections: 168, warns: true },
    { label: 'an explicit pool size that fits, no warning', workers: 4, max: 200, reserved: 3, requested: 20, pool: 20, connections: 84, warns: false },
  ])('$label', ({ workers, max, reserved, requested, pool, connections, warns }) => {
    const plan = planPool({ workers, maxConnections: max, reservedConnections: reserved, requestedPoolSize: requested })
    expect(plan).toMatchObject({ workers, poolSize: pool, connections })
    expect(Boolean(plan.warning)).toBe(warns)
    if (!warns) expect(plan.connections).toBeLessThanOrEqual(Math.floor((max - reserved) * 0.8))
  })
})

describe('embeddedMaxConnections', () => {
  test('the embedded server always has room for every process with the default pool', () => {
    for (const workers of [1, 2, 4, 16, 64, 128]) {
      const plan = planPool({ workers, maxConnections: embeddedMaxConnections(workers), reservedConnections: 3 })
      expect([workers, plan.poolSize, plan.warning]).toEqual([workers, 10, undefined])
    }
  })
})
