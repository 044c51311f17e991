// The booking's legal check (issue 11): an empty log asks for the entry date, leaving is never
// refused, other bookings count, passports by regime. Real PostgreSQL; dates from the clock.
import { describe, expect, test } from 'vitest'
import { db } from '@/lib/db'
import { addDaysIso, dbDateFromIso, todayInKz } from '@/lib/dates/kz-date'
import { AppError } from '@/lib/errors'
import { createRider, createTrip } from '@/lib/testing/factories'
import { whatIf } from '@/lib/travellers/what-if'
import { bookSeats, bookSeatsSchema } from './book-seats'

type Rider = Awaited<ReturnType<typeof createRider>>

const attempt = (rider: Rider, tripId: string, extra: Partial<Parameters<typeof bookSeats>[1]> = {}) =>
  bookSeats(rider.rider, { tripId, travellerIds: [rider.travellerId], acknowledgeWarning: false, joinWaitlist: false, ...extra }).catch((error: unknown) => error)

describe('an empty log is not zero days', () => {
  test('refused with CURRENT_STAY_REQUIRED naming the traveller; nothing written', async () => {
    const trip = await createTrip({ daysAhead: 2 })
    const rider = await createRider({ stays: [] })
    const error = await attempt(rider, trip.id)
    expect(error).toBeInstanceOf(AppError)
    expect((error as AppError).code).toBe('CURRENT_STAY_REQUIRED')
    expect((error as AppError).options.details).toMatchObject({ currentStayRequired: [{ travellerId: rider.travellerId }] })
    expect(await db.booking.count({ where: { tripId: trip.id } })).toBe(0)
  })

  test('with the entry date given, the open stay is written with the booking (one transaction)', async () => {
    const today = todayInKz()
    const trip = await createTrip({ daysAhead: 2 })
    const rider = await createRider({ stays: [] })
    const booking = await bookSeats(rider.rider, {
      tripId: trip.id,
      travellerIds: [rider.travellerId],
      acknowledgeWarning: false,
      joinWaitlist: false,
      currentStays: [{ travellerId: rider.travellerId, entryOn: addDaysIso(today, -3) }],
    })
    expect(booking.status).toBe('CONFIRMED')
    expect(await db.stay.findMany({ where: { travellerId: rider.travellerId }, select: { entryOn: true, exitOn: true } })).toEqual([
      { entryOn: dbDateFromIso(addDaysIso(today, -3)), exitOn: null },
    ])
  })

  test('an entry date in the future, or for a traveller who already has an open stay, is refused beside the field; nothing written', async () => {
    const today = todayInKz()
    const trip = await createTrip({ daysAhead: 2 })
    const empty = await createRider({ stays: [] })
    const future = await attempt(empty, trip.id, { currentStays: [{ travellerId: empty.travellerId, entryOn: addDaysIso(today, 1) }] })
    expect((future as AppError).code).toBe('VALIDATION')
    expect((future as AppError).options.fields).toHaveProperty([`currentStays.${empty.travellerId}`])
    const present = await createRider()
    const second = await attempt(present, trip.id, { currentStays: [{ travellerId: present.travellerId, entryOn: addDaysIso(today, -1) }] })
    expect((second as AppError).code).toBe('VALIDATION')
    expect(await db.booking.count({ where: { tripId: trip.id } })).toBe(0)
    expect(await db.stay.count({ where: { travellerId: empty.travellerId } })).toBe(0)
  })

  test('the schema refuses a malformed entry date and an unknown field', () => {
    expect(() => bookSeatsSchema.parse({ tripId: crypto.randomUUID(), travellerIds: [crypto.randomUUID()], currentStays: [{ travellerId: crypto.randomUUID(), entryOn: '2026-02-30' }] })).toThrow()
    expect(() => bookSeatsSchema.parse({ tripId: crypto.randomUUID(), travellerIds: [crypto.randomUUID()], currentStays: [{ travellerId: crypto.randomUUID(), entryOn: addDaysIso(todayInKz(), -1), number: 'X1' }] })).toThrow()
  })
})

describe('never refuse leaving', () => {
  test('UZ on day 31: the round trip is refused with one-way runs offered; the one-way run is sold with a warning', async () => {
    const today = todayInKz()
    const roundTrip = await createTrip({ daysAhead: 1 })
    const oneWay = await createTrip({ daysAhead: 1, roundTrip: false, returnAt: null, returnOn: null })
    // Entered 29 days ago: tomorrow is day 31 of the entry (30 per entry, KZ–UZ protocol).
    const rider = await createRider({ citizenship: 'UZ', stays: [{ entryOn: addDaysIso(today, -29), exitOn: null }] })
    const refused = await attempt(rider, roundTrip.id)
    expect((refused as AppError).code).toBe('LEGAL_BLOCKED')
    const details = (refused as AppError).options.details as { oneWayAlternatives: { tripId: string }[]; travellers: { reasons: { code: string }[] }[] }
    expect(details.travellers[0]!.reasons.map((r) => r.code)).toContain('OVERSTAY_ON_EXIT')
    expect(details.oneWayAlternatives.map((a) => a.tripId)).toContain(oneWay.id)

    const warned = await attempt(rider, oneWay.id)
    expect((warned as AppError).code).toBe('LEGAL_WARNING')
    const sold = await attempt(rider, oneWay.id, { acknowledgeWarning: true })
    expect(sold).toMatchObject({ status: 'CONFIRMED', verdict: 'WARN' })
  })
})

describe('trips already booked count', () => {
  test('a US rider with a same-day run booked in 5 days may book one in 20 days (the per-entry clock restarts)', async () => {
    const today = todayInKz()
    const rider = await createRider({ citizenship: 'US', stays: [{ entryOn: addDaysIso(today, -20), exitOn: null }] })
    const later = await createTrip({ daysAhead: 20 })
    expect((await attempt(rider, later.id)) as AppError).toMatchObject({ code: 'LEGAL_BLOCKED' })
    await attempt(rider, (await createTrip({ daysAhead: 5 })).id)
    expect(await attempt(rider, later.id)).toMatchObject({ status: 'CONFIRMED', verdict: 'OK' })
    // The what-if planner counts the booked run the same way.
    const plan = await whatIf(rider.rider, rider.travellerId, addDaysIso(today, 21), addDaysIso(today, 21))
    expect(plan.reasons.map((r) => r.code)).toContain('PLANNED_TRIPS_COUNTED')
  })
})
