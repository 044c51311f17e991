// Live bookings are checked again when a stay, a document or a run changes, and once a day. Real
// PostgreSQL; every date comes from the clock.
import { describe, expect, test } from 'vitest'
import { db } from '@/lib/db'
import { addDaysIso, dbDateFromIso, todayInKz } from '@/lib/dates/kz-date'
import { createRider, createTrip } from '@/lib/testing/factories'
import { getManifest } from '@/lib/trips/get-manifest'
import { addDocument } from '@/lib/travellers/documents/add-document'
import { deleteDocument } from '@/lib/travellers/documents/delete-document'
import { updateStay } from '@/lib/travellers/stays/update-stay'
import { getStayStatus } from '@/lib/travellers/get-stay-status'
import { bookSeats } from './book-seats'
import { cancelBooking } from './cancel-booking'
import { recheckBooking, recheckBookings, recheckDueBookings } from './recheck-bookings'

const book = (rider: Awaited<ReturnType<typeof createRider>>, tripId: string) =>
  bookSeats(rider.rider, { tripId, travellerIds: [rider.travellerId], acknowledgeWarning: true, joinWaitlist: false })

async function notificationsOf(userId: string) {
  return db.notification.findMany({ where: { userId, kind: 'BOOKING_LEGAL_WORSENED' }, select: { params: true } })
}

describe('re-check of live bookings', () => {
  test('editing a stay so a confirmed booking becomes illegal flags it, tells the rider once, and shows on My stay', async () => {
    const today = todayInKz()
    const trip = await createTrip({ daysAhead: 3 })
    const rider = await createRider({ stays: [{ entryOn: addDaysIso(today, -10), exitOn: null }] })
    const booking = await book(rider, trip.id)
    expect(booking.verdict).toBe('OK')
    const stay = await db.stay.findFirstOrThrow({ where: { travellerId: rider.travellerId }, select: { id: true } })

    // The rider corrects their entry: in Kazakhstan for 89 days already — day 93 on the run.
    await updateStay(rider.rider, stay.id, { entryOn: addDaysIso(today, -88) })

    const after = await db.booking.findUniqueOrThrow({ where: { id: booking.id }, select: { verdict: true, verdictWorsenedAt: true, legalRecheckedOn: true, status: true } })
    expect(after).toMatchObject({ verdict: 'BLOCKED', status: 'CONFIRMED', legalRecheckedOn: dbDateFromIso(today) })
    expect(after.verdictWorsenedAt).not.toBeNull()
    const traveller = await db.bookingTraveller.findFirstOrThrow({ where: { bookingId: booking.id }, select: { verdict: true, reasons: true } })
    expect(traveller.verdict).toBe('BLOCKED')
    expect(JSON.stringify(traveller.reasons)).toContain('OVERSTAY_ON_EXIT')
    expect(await notificationsOf(rider.rider.id)).toEqual([{ params: expect.objectContaining({ bookingId: booking.id, verdict: 'BLOCKED' }) }])

    // Running the re-check again (or in parallel) tells nobody twice.
    await Promise.all([recheckBookings({ travellerIds: [rider.travellerId] }), recheckBooking(booking.id), recheckDueBookings()])
    expect(await notificationsOf(rider.rider.id)).toHaveLength(1)

    const status = await getStayStatus(rider.rider, rider.travellerId, today)
    expect(status.affectedBookings).toEqual([expect.objectContaining({ bookingId: booking.id, verdict: 'BLOCKED' })])

    // Corrected back: the verdict improves and the flag goes.
    await updateStay(rider.rider, stay.id, { entryOn: addDaysIso(today, -10) })
    expect(await db.booking.findUniqueOrThrow({ where: { id: booking.id }, select: { verdict: true, verdictWorsenedAt: true } })).toEqual({ verdict: 'OK', verdictWorsenedAt: null })
    expect((await getStayStatus(rider.rider, rider.travellerId, today)).affectedBookings).toEqual([])
  })

  test('the driver sees the new verdict only — never the reasons, stays or documents', async () => {
    const today = todayInKz()
    const trip = await createTrip({ daysAhead: 2 })
    const rider = await createRider({ stays: [{ entryOn: addDaysIso(today, -5), exitOn: null }] })
    const booking = await book(rider, trip.id)
    const stay = await db.stay.findFirstOrThrow({ where: { travellerId: rider.travellerId }, select: { id: true } })
    await updateStay(rider.rider, stay.id, { entryOn: addDaysIso(today, -89) })
    const driver = await db.user.findUniqueOrThrow({ where: { id: trip.driverId }, select: { id: true, name: true, email: true, roles: true } })
    const manifest = await getManifest(driver as never, trip.id)
    const text = JSON.stringify(manifest)
    expect(text).toContain(booking.id)
    expect(text).toContain('BLOCKED')
    expect(text).not.toContain('OVERSTAY')
    expect(text).not.toContain(addDaysIso(today, -89))
  })

  test('a document added or removed re-checks: a temporary residence permit lifts a block', async () => {
    const today = todayInKz()
    const trip = await createTrip({ daysAhead: 2 })
    const rider = await createRider({ stays: [{ entryOn: addDaysIso(today, -5), exitOn: null }] })
    const booking = await book(rider, trip.id)
    const stay = await db.stay.findFirstOrThrow({ where: { travellerId: rider.travellerId }, select: { id: true } })
    await updateStay(rider.rider, stay.id, { entryOn: addDaysIso(today, -89) })
    expect((await db.booking.findUniqueOrThrow({ where: { id: booking.id } })).verdict).toBe('BLOCKED')
    const permit = await addDocument(rider.rider, rider.travellerId, { kind: 'TEMPORARY_RESIDENCE', validFrom: addDaysIso(today, -1), validTo: addDaysIso(today, 200) })
    expect(await db.booking.findUniqueOrThrow({ where: { id: booking.id }, select: { verdict: true, verdictWorsenedAt: true } })).toEqual({ verdict: 'OK', verdictWorsenedAt: null })
    await deleteDocument(rider.rider, permit.id)
    expect((await db.booking.findUniqueOrThrow({ where: { id: booking.id } })).verdict).toBe('BLOCKED')
  })

  test('the daily sweep re-checks each live booking once a day and skips those done', async () => {
    const today = todayInKz()
    const trip = await createTrip({ daysAhead: 2 })
    const rider = await createRider({ stays: [{ entryOn: addDaysIso(today, -5), exitOn: null }] })
    const booking = await book(rider, trip.id)
    // As if booked yesterday, and days passed: the log now says 89 days (written straight to the table).
    await db.booking.update({ where: { id: booking.id }, data: { legalRecheckedOn: dbDateFromIso(addDaysIso(today, -1)) } })
    await db.stay.updateMany({ where: { travellerId: rider.travellerId }, data: { entryOn: dbDateFromIso(addDaysIso(today, -89)) } })
    await recheckDueBookings()
    expect(await db.booking.findUniqueOrThrow({ where: { id: booking.id }, select: { verdict: true, legalRecheckedOn: true } })).toEqual({ verdict: 'BLOCKED', legalRecheckedOn: dbDateFromIso(today) })
    expect(await notificationsOf(rider.rider.id)).toHaveLength(1)
    // Checked today: the next sweep leaves it alone (it would not even read it).
    await db.stay.updateMany({ where: { travellerId: rider.travellerId }, data: { entryOn: dbDateFromIso(addDaysIso(today, -5)) } })
    await recheckDueBookings()
    expect((await db.booking.findUniqueOrThrow({ where: { id: booking.id } })).verdict).toBe('BLOCKED')
  })

  test('a cancelled booking stops counting for the traveller’s other bookings', async () => {
    const today = todayInKz()
    // A US rider on day 21 of an entry: a same-day run in 5 days restarts the 30-day clock, so a
    // run in 20 days is fine — until the first is cancelled (day 41 of one entry).
    const rider = await createRider({ citizenship: 'US', stays: [{ entryOn: addDaysIso(today, -20), exitOn: null }] })
    const first = await book(rider, (await createTrip({ daysAhead: 5 })).id)
    const second = await book(rider, (await createTrip({ daysAhead: 20 })).id)
    expect(second.verdict).toBe('OK')
    await cancelBooking(rider.rider, { bookingId: first.id })
    const after = await db.booking.findUniqueOrThrow({ where: { id: second.id }, select: { verdict: true, verdictWorsenedAt: true } })
    expect(after.verdict).toBe('BLOCKED')
    expect(after.verdictWorsenedAt).not.toBeNull()
  })
})
