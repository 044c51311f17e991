import { describe, expect, test } from 'vitest'
import { bookSeats } from '@/lib/bookings/book-seats'
import { addDaysIso, isoFromDbDate, todayInKz } from '@/lib/dates/kz-date'
import { db } from '@/lib/db'
import { createDriver, createRider, createTrip, createUser } from '@/lib/testing/factories'
import { markBoarding } from './mark-boarding'
import { setTripStatus } from './set-trip-status'

describe('setTripStatus', () => {
  test('completing a round trip writes each boarded traveller’s crossing; a no-show gets nothing', async () => {
    const { driver, car } = await createDriver()
    const trip = await createTrip({ driverId: driver.id, carId: car.id, daysAhead: 1 })
    const today = todayInKz()
    const boarded = await createRider({ stays: [{ entryOn: addDaysIso(today, -10), exitOn: null }] })
    const noShow = await createRider()
    const b1 = await bookSeats(boarded.rider, { tripId: trip.id, travellerIds: [boarded.travellerId], acknowledgeWarning: false, joinWaitlist: false })
    const b2 = await bookSeats(noShow.rider, { tripId: trip.id, travellerIds: [noShow.travellerId], acknowledgeWarning: false, joinWaitlist: false })
    await markBoarding(driver, { bookingId: b1.id, position: 0, boarding: 'BOARDED' })
    await markBoarding(driver, { bookingId: b2.id, position: 0, boarding: 'NO_SHOW' })
    for (const status of ['BOARDING', 'DEPARTED', 'AT_BORDER', 'RETURNED', 'COMPLETED'] as const) {
      await setTripStatus(driver, { tripId: trip.id, status })
    }
    const stays = await db.stay.findMany({ where: { travellerId: boarded.travellerId }, orderBy: { entryOn: 'asc' } })
    const runDate = isoFromDbDate(trip.departureOn)
    expect(stays.map((s) => [isoFromDbDate(s.entryOn), s.exitOn ? isoFromDbDate(s.exitOn) : null, s.source])).toEqual([
      [addDaysIso(today, -10), runDate, 'MANUAL'],
      [runDate, null, 'RUN'],
    ])
    // Only the stay the no-show already had (the factory's open stay): the run wrote nothing.
    expect(await db.stay.count({ where: { travellerId: noShow.travellerId } })).toBe(1)
    expect(await db.notification.count({ where: { userId: boarded.rider.id, kind: 'TRIP_COMPLETED_LOGGED' } })).toBe(1)
  })

  test.each([
    { label: 'skipping a step', from: [] as const, to: 'DEPARTED' as const },
    { label: 'going back', from: ['BOARDING'] as const, to: 'SCHEDULED' as const },
  ])('refuses $label', async ({ from, to }) => {
    const { driver, car } = await createDriver()
    const trip = await createTrip({ driverId: driver.id, carId: car.id })
    for (const s of from) await setTripStatus(driver, { tripId: trip.id, status: s })
    await expect(setTripStatus(driver, { tripId: trip.id, status: to })).rejects.toMatchObject({ code: 'BAD_STATUS_CHANGE' })
  })

  test('another driver cannot change the run; cancelling tells every rider and frees the seats', async () => {
    const { driver, car } = await createDriver()
    const trip = await createTrip({ driverId: driver.id, carId: car.id })
    const other = await createUser({ roles: ['PASSENGER', 'DRIVER'] })
    await expect(setTripStatus(other, { tripId: trip.id, status: 'BOARDING' })).rejects.toMatchObject({ code: 'FORBIDDEN' })
    const r = await createRider()
    await bookSeats(r.rider, { tripId: trip.id, travellerIds: [r.travellerId], acknowledgeWarning: false, joinWaitlist: false })
    await setTripStatus(driver, { tripId: trip.id, status: 'CANCELLED', reason: 'car broke down' })
    expect(await db.trip.findUniqueOrThrow({ where: { id: trip.id }, select: { status: true, seatsTaken: true } })).toEqual({ status: 'CANCELLED', seatsTaken: 0 })
    expect(await db.booking.findFirstOrThrow({ where: { tripId: trip.id }, select: { status: true } })).toEqual({ status: 'CANCELLED' })
    expect(await db.notification.count({ where: { userId: r.rider.id, kind: 'TRIP_CANCELLED' } })).toBe(1)
  })
})
