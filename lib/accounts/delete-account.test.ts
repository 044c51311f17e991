import { describe, expect, test } from 'vitest'
import { bookSeats } from '@/lib/bookings/book-seats'
import { db } from '@/lib/db'
import { addDaysIso, todayInKz } from '@/lib/dates/kz-date'
import { createRider, createTrip, TEST_PASSWORD } from '@/lib/testing/factories'
import { deleteAccount } from './delete-account'
import { exportAccountData } from './export-account-data'

// Stays are relative to today: a fixed entry date turns an open stay into an overstay once enough
// calendar days pass, and the booking would then be refused for a reason this test is not about.
const today = () => todayInKz()

describe('deleteAccount and exportAccountData', () => {
  test('export holds the rider’s own travellers, stays and bookings', async () => {
    const { rider, travellerId } = await createRider({
      stays: [{ entryOn: addDaysIso(today(), -60), exitOn: addDaysIso(today(), -41) }, { entryOn: addDaysIso(today(), -10), exitOn: null }],
    })
    const trip = await createTrip()
    await bookSeats(rider, { tripId: trip.id, travellerIds: [travellerId], acknowledgeWarning: true, joinWaitlist: false })
    const data = await exportAccountData(rider)
    expect(data.user.email).toBe(rider.email)
    expect(data.user).not.toHaveProperty('passwordHash')
    expect(data.travellers[0]!.stays).toHaveLength(2)
    expect(data.bookings).toHaveLength(1)
  })

  test('a wrong password deletes nothing', async () => {
    const { rider } = await createRider()
    await expect(deleteAccount(rider, { password: 'not-the-password', confirm: true })).rejects.toMatchObject({ code: 'VALIDATION' })
    expect(await db.traveller.count({ where: { accountId: rider.id } })).toBe(1)
  })

  test('deletion scrubs personal data, cancels future bookings (seat freed) and anonymises past ones', async () => {
    const { rider, travellerId } = await createRider({ stays: [{ entryOn: addDaysIso(today(), -20), exitOn: null }] })
    const future = await createTrip({ seatsTotal: 4, daysAhead: 1 })
    const done = await createTrip({ seatsTotal: 4, daysAhead: 3 })
    const futureBooking = await bookSeats(rider, { tripId: future.id, travellerIds: [travellerId], acknowledgeWarning: true, joinWaitlist: false })
    const doneBooking = await bookSeats(rider, { tripId: done.id, travellerIds: [travellerId], acknowledgeWarning: true, joinWaitlist: false })
    await db.trip.update({ where: { id: done.id }, data: { status: 'COMPLETED' } }) // a run that already happened

    await deleteAccount(rider, { password: TEST_PASSWORD, confirm: true })

    const user = await db.user.findUniqueOrThrow({ where: { id: rider.id } })
    expect(user.deletedAt).not.toBeNull()
    expect(user.email).toMatch(/@deleted\.invalid$/)
    expect([user.name, user.phone, user.roles]).toEqual(['—', null, []])
    expect(await db.traveller.count({ where: { accountId: rider.id } })).toBe(0)
    expect(await db.stay.count({ where: { travellerId } })).toBe(0)
    const cancelled = await db.booking.findUniqueOrThrow({ where: { id: futureBooking.id }, include: { travellers: true } })
    expect(cancelled).toMatchObject({ status: 'CANCELLED', riderId: null })
    expect((await db.trip.findUniqueOrThrow({ where: { id: future.id } })).seatsTaken).toBe(0)
    const kept = await db.booking.findUniqueOrThrow({ where: { id: doneBooking.id }, include: { travellers: true } })
    expect(kept).toMatchObject({ status: 'CONFIRMED', riderId: null })
    expect(kept.travellers[0]).toMatchObject({ name: '—', travellerId: null, checkInputs: {}, reasons: [] })
  })
})
