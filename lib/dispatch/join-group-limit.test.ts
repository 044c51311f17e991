// POST /api/groups/join had no limit: invitation codes could be guessed at leisure. Guesses are
// limited per account and per client address (429 with Retry-After); a driver who joins with the
// right code does not use up their attempts.
import { randomUUID } from 'node:crypto'
import { NextRequest } from 'next/server'
import { beforeEach, describe, expect, test, vi } from 'vitest'
import { db } from '@/lib/db'
import { rateLimits } from '@/lib/rate-limit'
import { createDriver, createGroup, createUser } from '@/lib/testing/factories'
import { createInvite } from './create-invite'

const session = vi.hoisted(() => ({ userId: null as string | null }))
vi.mock('@/lib/auth/session-token', () => ({ readSessionClaims: async () => (session.userId ? { uid: session.userId } : null) }))
vi.mock('@/lib/i18n/navigation', () => ({ redirect: () => { throw new Error('redirect in a route handler') } }))
const { POST } = await import('@/app/api/groups/join/route')

beforeEach(() => {
  session.userId = null
})

function join(code: string, ip: string) {
  const request = new NextRequest('http://localhost/api/groups/join', {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'accept-language': 'en', 'x-poputka-client-ip': ip },
    body: JSON.stringify({ code }),
  })
  return POST(request, { params: Promise.resolve({}) })
}

const guess = () => `G${randomUUID().replace(/-/g, '').slice(0, 7).toUpperCase()}`

describe('POST /api/groups/join', () => {
  test(`one account: after ${rateLimits.groupJoinPerAccount.limit} wrong codes the next attempt is 429 with Retry-After — even with the right code`, async () => {
    const { coordinator, group } = await createGroup({ drivers: 0 })
    const invite = await createInvite(coordinator, group.id, {})
    const { driver } = await createDriver()
    session.userId = driver.id
    for (let i = 0; i < rateLimits.groupJoinPerAccount.limit; i++) {
      // Each from another address: the account's own limit is what stops them.
      expect((await join(guess(), `ip-${randomUUID()}`)).status).toBe(404)
    }
    const limited = await join(invite.code, `ip-${randomUUID()}`)
    expect(limited.status).toBe(429)
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0)
    expect(((await limited.json()) as { error: { code: string } }).error.code).toBe('RATE_LIMITED')
    expect(await db.groupMember.count({ where: { groupId: group.id, userId: driver.id } })).toBe(0)
  })

  test(`one address: after ${rateLimits.groupJoinPerIp.limit} wrong codes from many accounts, the address is refused`, async () => {
    const ip = `ip-${randomUUID()}`
    const drivers = await Promise.all(Array.from({ length: Math.ceil(rateLimits.groupJoinPerIp.limit / 5) + 1 }, () => createDriver()))
    let attempts = 0
    let status = 0
    for (const { driver } of drivers) {
      session.userId = driver.id
      for (let i = 0; i < 5 && status !== 429; i++) {
        status = (await join(guess(), ip)).status
        attempts++
      }
      if (status === 429) break
    }
    expect(status).toBe(429)
    expect(attempts).toBe(rateLimits.groupJoinPerIp.limit + 1)
  })

  test('a member without a car guesses under the same limit (a coordinator’s invitation needs no car); a driver’s code tells them so', async () => {
    const { coordinator, group } = await createGroup({ drivers: 0 })
    const driverInvite = await createInvite(coordinator, group.id, {})
    const passenger = await createUser()
    session.userId = passenger.id
    const refused = await join(driverInvite.code, `ip-${randomUUID()}`)
    expect(refused.status).toBe(403)
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('GROUP_NEEDS_DRIVER')
    // That attempt counted: one fewer wrong guess is left.
    for (let i = 0; i < rateLimits.groupJoinPerAccount.limit - 1; i++) expect((await join(guess(), `ip-${randomUUID()}`)).status).toBe(404)
    expect((await join(guess(), `ip-${randomUUID()}`)).status).toBe(429)
    expect(await db.groupMember.count({ where: { groupId: group.id, userId: passenger.id } })).toBe(0)
  })

  test('joining with the right code gives the attempt back', async () => {
    const { coordinator, group } = await createGroup({ drivers: 0 })
    const { driver } = await createDriver()
    session.userId = driver.id
    const ip = `ip-${randomUUID()}`
    for (let i = 0; i < rateLimits.groupJoinPerAccount.limit + 3; i++) {
      const invite = await createInvite(coordinator, group.id, {})
      await db.groupMember.deleteMany({ where: { groupId: group.id, userId: driver.id } })
      expect((await join(invite.code, ip)).status).toBe(200)
    }
  })
})
