import { randomUUID } from 'node:crypto'
import { describe, expect, test } from 'vitest'
import { db } from '@/lib/db'
import { addDaysIso, todayInKz } from '@/lib/dates/kz-date'
import { AppError } from '@/lib/errors'
import { createRider, createTrip } from '@/lib/testing/factories'
import { bookSeats } from './book-seats'
import { cancelBooking } from './cancel-booking'

async function liveSeats(tripId: string): Promise<number> {
  const rows = await db.booking.findMany({ where: { tripId, status: { in: ['PENDING', 'CONFIRMED'] } }, select: { seats: true } })
  return rows.reduce((n, r) => n + r.seats, 0)
}

describe('bookSeats', () => {
  test('200 concurrent requests for the last 3 seats sell exactly 3; the rest hear "full"; counters match', async () => {
    const trip = await createTrip({ seatsTotal: 4 })
    const first = await createRider()
    await bookSeats(first.rider, { tripId: trip.id, travellerIds: [first.travellerId], acknowledgeWarning: false, joinWaitlist: false })
    const riders = await Promise.all(Array.from({ length: 200 }, () => createRider()))
    const outcomes = await Promise.allSettled(
      riders.map((r) => bookSeats(r.rider, { tripId: trip.id, travellerIds: [r.travellerId], acknowledgeWarning: false, joinWaitlist: false })),
    )
    const sold = outcomes.filter((o) => o.status === 'fulfilled')
    const refused = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected')
    expect(sold).toHaveLength(3)
    expect(refused).toHaveLength(197)
    expect(refused.every((o) => o.reason instanceof AppError && o.reason.code === 'TRIP_FULL')).toBe(true)
    const after = await db.trip.findUniqueOrThrow({ where: { id: trip.id }, select: { seatsTaken: true, seatsTotal: true } })
    expect(after).toEqual({ seatsTaken: 4, seatsTotal: 4 })
    expect(await liveSeats(trip.id)).toBe(4)
  })

  test('a retried request with the same Idempotency-Key returns the first result and books once', async () => {
    const trip = await createTrip({ seatsTotal: 4 })
    const { rider, travellerId } = await createRider()
    const key = `key-${randomUUID()}`
    const input = { tripId: trip.id, travellerIds: [travellerId], acknowledgeWarning: false, joinWaitlist: false, idempotencyKey: key }
    const results = await Promise.all([bookSeats(rider, input), bookSeats(rider, input), bookSeats(rider, input)])
    expect(new Set(results.map((r) => r.id)).size).toBe(1)
    expect(results.filter((r) => !r.replayed).length).toBeLessThanOrEqual(1)
    const again = await bookSeats(rider, input)
    expect(again).toMatchObject({ id: results[0]!.id, replayed: true })
    expect(await db.booking.count({ where: { tripId: trip.id } })).toBe(1)
    expect((await db.trip.findUniqueOrThrow({ where: { id: trip.id } })).seatsTaken).toBe(1)
  })

  test('a rider who has used 90 days is refused with the reason, and nothing is written', async () => {
    const trip = await createTrip({ daysAhead: 2 })
    const today = todayInKz()
    // In Kazakhstan for the last 90 days up to the run's date: over the limit on exit.
    const { rider, travellerId } = await createRider({ stays: [{ entryOn: addDaysIso(today, -88), exitOn: null }] })
    const error = await bookSeats(rider, { tripId: trip.id, travellerIds: [travellerId], acknowledgeWarning: false, joinWaitlist: false }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(AppError)
    expect((error as AppError).code).toBe('LEGAL_BLOCKED')
    const details = (error as AppError).options.details as { travellers: { verdict: string; reasons: { code: string }[] }[] }
    expect(details.travellers[0]!.verdict).toBe('BLOCKED')
    expect(details.travellers[0]!.reasons.some((r) => r.code === 'OVERSTAY_ON_EXIT' || r.code === 'RETURN_REFUSED')).toBe(true)
    expect(await db.booking.count({ where: { tripId: trip.id } })).toBe(0)
    expect((await db.trip.findUniqueOrThrow({ where: { id: trip.id } })).seatsTaken).toBe(0)
  })

  test('a full run puts the party on the waitlist; a cancellation promotes the first party that fits', async () => {
    const trip = await createTrip({ seatsTotal: 2 })
    const a = await createRider({ companions: 1 })
    const b = await createRider({ companions: 1 })
    const c = await createRider()
    const booked = await bookSeats(a.rider, { tripId: trip.id, travellerIds: a.travellerIds, acknowledgeWarning: false, joinWaitlist: false })
    const waitB = await bookSeats(b.rider, { tripId: trip.id, travellerIds: b.travellerIds, acknowledgeWarning: false, joinWaitlist: true })
    const waitC = await bookSeats(c.rider, { tripId: trip.id, travellerIds: [c.travellerId], acknowledgeWarning: false, joinWaitlist: true })
    expect([booked.status, waitB.status, waitC.status]).toEqual(['CONFIRMED', 'WAITLISTED', 'WAITLISTED'])
    await cancelBooking(a.rider, { bookingId: booked.id })
    const statuses = await db.booking.findMany({ where: { tripId: trip.id }, select: { id: true, status: true }, orderBy: { createdAt: 'asc' } })
    expect(statuses.map((s) => s.status)).toEqual(['CANCELLED', 'CONFIRMED', 'WAITLISTED'])
    expect(await db.notification.count({ where: { userId: b.rider.id, kind: 'PROMOTED_FROM_WAITLIST' } })).toBe(1)
    expect((await db.trip.findUniqueOrThrow({ where: { id: trip.id } })).seatsTaken).toBe(2)
    expect(await liveSeats(trip.id)).toBe(2)
  })

  test.each([
    { label: 'a traveller of another account', makeInput: async (tripId: string) => ({ tripId, travellerIds: [(await createRider()).travellerId] }), code: 'VALIDATION' },
    { label: 'an unknown run', makeInput: async () => ({ tripId: randomUUID(), travellerIds: [randomUUID()] }), code: 'NOT_FOUND' },
  ])('$label is refused ($code)', async ({ makeInput, code }) => {
    const trip = await createTrip()
    const { rider } = await createRider()
    const input = await makeInput(trip.id)
    await expect(bookSeats(rider, { ...input, acknowledgeWarning: false, joinWaitlist: false })).rejects.toMatchObject({ code })
  })

  test('a rider cannot book their own run twice or hold two live bookings on it', async () => {
    const trip = await createTrip()
    const { rider, travellerIds } = await createRider({ companions: 1 })
    await bookSeats(rider, { tripId: trip.id, travellerIds: [travellerIds[0]!], acknowledgeWarning: false, joinWaitlist: false })
    await expect(bookSeats(rider, { tripId: trip.id, travellerIds: [travellerIds[1]!], acknowledgeWarning: false, joinWaitlist: false })).rejects.toMatchObject({ code: 'ALREADY_BOOKED' })
  })
})
