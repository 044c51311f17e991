// A driver's edit tells every booked rider exactly what changed, before → after, with the reason;
// changes that make the booking worse wait on it until the rider accepts or cancels free.
import { describe, expect, test } from 'vitest'
import { formatDateTime } from '@/lib/format'
import { acceptBookingChange } from '@/lib/bookings/accept-booking-change'
import { bookSeats } from '@/lib/bookings/book-seats'
import { addDaysIso, kzInstant, todayInKz } from '@/lib/dates/kz-date'
import { db } from '@/lib/db'
import { changeLines } from '@/lib/notifications/change-lines'
import { readChangeSummary } from '@/lib/notifications/changes'
import { createDriver, createRider, createTrip } from '@/lib/testing/factories'
import { editTrip } from './edit-trip'

async function bookedRun() {
  const { driver, car } = await createDriver()
  const trip = await createTrip({ driverId: driver.id, carId: car.id })
  const { rider, travellerIds } = await createRider()
  const booking = await bookSeats(rider, { tripId: trip.id, travellerIds, acknowledgeWarning: true, joinWaitlist: false })
  return { driver, trip, rider, booking }
}

describe('editTrip', () => {
  test('a new time and pickup: the rider is told before → after with the reason, and may accept or cancel free', async () => {
    const { driver, trip, rider, booking } = await bookedRun()
    const on = addDaysIso(todayInKz(), 1)
    const result = await editTrip(driver, trip.id, { departureTime: '08:15', pickup: { label: 'Сайран, северный вход', lat: 43.24, lng: 76.86 }, reason: 'Пробки на выезде' })
    expect(result).toMatchObject({ notified: 1, changes: ['time', 'pickup'] })

    const row = await db.booking.findUniqueOrThrow({ where: { id: booking.id } })
    expect(row.changedByDriverAt).not.toBeNull()
    const summary = readChangeSummary(row.changeSummary)!
    expect(await changeLines('ru', summary)).toEqual([
      `Отправление: ${formatDateTime('ru', kzInstant(on, '07:00'))} → ${formatDateTime('ru', kzInstant(on, '08:15'))}`,
      'Посадка: Sairan → Сайран, северный вход',
    ])
    expect(summary.reason).toBe('Пробки на выезде')
    const notice = await db.notification.findFirstOrThrow({ where: { userId: rider.id, kind: 'TRIP_CHANGED' } })
    expect(notice.params).toMatchObject({ bookingId: booking.id, reason: 'Пробки на выезде', changes: summary.changes })

    await acceptBookingChange(rider, { bookingId: booking.id })
    expect((await db.booking.findUniqueOrThrow({ where: { id: booking.id } })).changedByDriverAt).toBeNull()
    await expect(acceptBookingChange(rider, { bookingId: booking.id })).rejects.toMatchObject({ code: 'NO_CHANGE_TO_ACCEPT' })
    await expect(acceptBookingChange(driver, { bookingId: booking.id })).rejects.toMatchObject({ code: 'NOT_FOUND' })
  })

  test('two edits before the rider answers read as one change: the first "before", the latest "after"', async () => {
    const { driver, trip, booking } = await bookedRun()
    await editTrip(driver, trip.id, { departureTime: '08:00' })
    await editTrip(driver, trip.id, { departureTime: '07:00', pricePerSeatTenge: 4500 })
    const summary = readChangeSummary((await db.booking.findUniqueOrThrow({ where: { id: booking.id } })).changeSummary)!
    expect(summary.changes).toEqual([{ field: 'price', before: 4000, after: 4500 }])
  })

  test('a lower price is told but asks for nothing', async () => {
    const { driver, trip, rider, booking } = await bookedRun()
    await editTrip(driver, trip.id, { pricePerSeatTenge: 3500 })
    expect((await db.booking.findUniqueOrThrow({ where: { id: booking.id } })).changedByDriverAt).toBeNull()
    const notice = await db.notification.findFirstOrThrow({ where: { userId: rider.id, kind: 'TRIP_CHANGED' } })
    expect((notice.params as { changes: unknown }).changes).toEqual([{ field: 'price', before: 4000, after: 3500 }])
  })

  test('notes alone tell nobody', async () => {
    const { driver, trip, rider } = await bookedRun()
    expect(await editTrip(driver, trip.id, { notes: 'Встречаемся у шлагбаума.' })).toMatchObject({ notified: 0, changes: [] })
    expect(await db.notification.count({ where: { userId: rider.id, kind: 'TRIP_CHANGED' } })).toBe(0)
  })
})
