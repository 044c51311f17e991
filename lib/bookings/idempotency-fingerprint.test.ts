// An Idempotency-Key is bound to the request it first came with. The same key again with the same
// request returns the first answer; with another run, other travellers or other answers to the
// legal check it is a 422 IDEMPOTENCY_KEY_REUSED — it used to return the first booking with 200,
// so a client believed it had booked what it asked for the second time.
import { randomUUID } from 'node:crypto'
import { NextRequest } from 'next/server'
import { beforeEach, describe, expect, test, vi } from 'vitest'
import { db } from '@/lib/db'
import { AppError } from '@/lib/errors'
import { createRider, createTrip } from '@/lib/testing/factories'
import { bookSeats, requestFingerprint } from './book-seats'

const session = vi.hoisted(() => ({ userId: null as string | null }))
vi.mock('@/lib/auth/session-token', () => ({ readSessionClaims: async () => (session.userId ? { uid: session.userId } : null) }))
vi.mock('@/lib/i18n/navigation', () => ({ redirect: () => { throw new Error('redirect in a route handler') } }))
const { POST } = await import('@/app/api/trips/[tripId]/bookings/route')

beforeEach(() => {
  session.userId = null
})

function book(tripId: string, body: unknown, key: string) {
  const request = new NextRequest(`http://localhost/api/trips/${tripId}/bookings`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'accept-language': 'en', 'idempotency-key': key },
    body: JSON.stringify(body),
  })
  return POST(request, { params: Promise.resolve({ tripId }) })
}

const codeOf = (p: Promise<unknown>) => p.then(() => 'ok', (e: unknown) => (e instanceof AppError ? e.code : String(e)))

describe('POST /api/trips/:id/bookings with an Idempotency-Key', () => {
  test('the same key for another run is 422 IDEMPOTENCY_KEY_REUSED, and nothing is booked on that run', async () => {
    const [first, second] = [await createTrip(), await createTrip()]
    const { rider, travellerId } = await createRider()
    session.userId = rider.id
    const key = `key-${randomUUID()}`
    const created = await book(first.id, { travellerIds: [travellerId] }, key)
    expect(created.status).toBe(201)
    const reused = await book(second.id, { travellerIds: [travellerId] }, key)
    expect(reused.status).toBe(422)
    expect(await reused.json()).toEqual({ error: { code: 'IDEMPOTENCY_KEY_REUSED', message: expect.stringMatching(/key/i) } })
    expect(await db.booking.count({ where: { tripId: second.id } })).toBe(0)
  })

  test('the same key and the same request: the first answer again (200, the same booking), booked once', async () => {
    const trip = await createTrip()
    const { rider, travellerId } = await createRider()
    session.userId = rider.id
    const key = `key-${randomUUID()}`
    const first = (await (await book(trip.id, { travellerIds: [travellerId] }, key)).json()) as { id: string }
    const again = await book(trip.id, { travellerIds: [travellerId], acknowledgeWarning: false }, key)
    expect(again.status).toBe(200)
    expect(((await again.json()) as { id: string }).id).toBe(first.id)
    expect(await db.booking.count({ where: { tripId: trip.id } })).toBe(1)
  })
})

describe('bookSeats: what makes a request "the same"', () => {
  test.each([
    { label: 'other travellers', change: (i: { travellerIds: string[] }, extra: string) => ({ ...i, travellerIds: [extra] }) },
    { label: 'one traveller more', change: (i: { travellerIds: string[] }, extra: string) => ({ ...i, travellerIds: [...i.travellerIds, extra] }) },
    { label: 'the waitlist asked for', change: (i: object) => ({ ...i, joinWaitlist: true }) },
    { label: 'the warning acknowledged', change: (i: object) => ({ ...i, acknowledgeWarning: true }) },
  ])('$label → IDEMPOTENCY_KEY_REUSED', async ({ change }) => {
    const trip = await createTrip()
    const { rider, travellerIds } = await createRider({ companions: 1 })
    const input = { tripId: trip.id, travellerIds: [travellerIds[0]!], acknowledgeWarning: false, joinWaitlist: false, idempotencyKey: `key-${randomUUID()}` }
    await bookSeats(rider, input)
    expect(await codeOf(bookSeats(rider, change(input, travellerIds[1]!) as typeof input))).toBe('IDEMPOTENCY_KEY_REUSED')
    expect(await db.booking.count({ where: { tripId: trip.id } })).toBe(1)
  })

  test('concurrent retries of one request all get the one booking; a concurrent different request with the key is refused', async () => {
    const [trip, other] = [await createTrip(), await createTrip()]
    const { rider, travellerId } = await createRider()
    const key = `key-${randomUUID()}`
    const input = { tripId: trip.id, travellerIds: [travellerId], acknowledgeWarning: false, joinWaitlist: false, idempotencyKey: key }
    const asked = [input, input, { ...input, tripId: other.id }]
    const outcomes = await Promise.allSettled(asked.map((i) => bookSeats(rider, i)))
    // No request is told it booked something other than what it asked for; the others are refused.
    for (const [i, outcome] of outcomes.entries()) {
      if (outcome.status === 'fulfilled') expect(outcome.value.tripId).toBe(asked[i]!.tripId)
      else expect((outcome.reason as AppError).code).toBe('IDEMPOTENCY_KEY_REUSED')
    }
    expect(outcomes.filter((o) => o.status === 'fulfilled').length).toBeGreaterThanOrEqual(1)
    expect(await db.booking.count({ where: { riderId: rider.id } })).toBe(1)
  })

  test('the fingerprint is of the method, the path and the canonical body (key order does not matter)', () => {
    const a = requestFingerprint({ tripId: 't1', travellerIds: ['a', 'b'], acknowledgeWarning: false, joinWaitlist: false })
    expect(requestFingerprint({ joinWaitlist: false, acknowledgeWarning: false, travellerIds: ['a', 'b'], tripId: 't1' })).toBe(a)
    expect(requestFingerprint({ tripId: 't1', travellerIds: ['b', 'a'], acknowledgeWarning: false, joinWaitlist: false })).not.toBe(a)
    expect(requestFingerprint({ tripId: 't2', travellerIds: ['a', 'b'], acknowledgeWarning: false, joinWaitlist: false })).not.toBe(a)
    // Entry dates given inline for travellers with no current stay belong to the request; their order does not.
    expect(requestFingerprint({ tripId: 't1', travellerIds: ['a', 'b'], acknowledgeWarning: false, joinWaitlist: false, currentStays: [] })).toBe(a)
    const withStays = requestFingerprint({ tripId: 't1', travellerIds: ['a', 'b'], acknowledgeWarning: false, joinWaitlist: false, currentStays: [{ travellerId: 'a', entryOn: '2026-01-02' }, { travellerId: 'b', entryOn: '2026-01-03' }] })
    expect(withStays).not.toBe(a)
    expect(requestFingerprint({ tripId: 't1', travellerIds: ['a', 'b'], acknowledgeWarning: false, joinWaitlist: false, currentStays: [{ travellerId: 'b', entryOn: '2026-01-03' }, { travellerId: 'a', entryOn: '2026-01-02' }] })).toBe(withStays)
    expect(requestFingerprint({ tripId: 't1', travellerIds: ['a', 'b'], acknowledgeWarning: false, joinWaitlist: false, currentStays: [{ travellerId: 'a', entryOn: '2026-01-01' }, { travellerId: 'b', entryOn: '2026-01-03' }] })).not.toBe(withStays)
    expect(a).toMatch(/^[0-9a-f]{64}$/)
  })
})
