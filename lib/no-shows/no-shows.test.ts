import { describe, expect, test } from 'vitest'
import { bookSeats } from '@/lib/bookings/book-seats'
import { db } from '@/lib/db'
import { decideNoShow } from '@/lib/moderation/decide-no-show'
import { disputeNoShow } from '@/lib/no-shows/dispute-no-show'
import { NO_SHOW_DISPUTE_DAYS } from '@/lib/no-shows/no-show-rules'
import { reportDriverNoShow } from '@/lib/no-shows/report-driver-no-show'
import { loadMemberRecords } from '@/lib/profiles/member-records'
import { loadPartyRecords } from '@/lib/profiles/party-records'
import { createDriver, createRider, createTrip, createUser } from '@/lib/testing/factories'
import { createCompletedRide } from '@/lib/testing/trust-factories'
import { markBoarding } from '@/lib/trips/mark-boarding'
import { setTripStatus } from '@/lib/trips/set-trip-status'

const DAY = 86_400_000
const book = (rider: Parameters<typeof bookSeats>[0], tripId: string, travellerIds: string[]) =>
  bookSeats(rider, { tripId, travellerIds, acknowledgeWarning: false, joinWaitlist: false })

describe("the driver's 'did not come' mark", () => {
  test("counts on the rider's record, which the next driver sees; marking them boarded again takes it back", async () => {
    const first = await createDriver()
    const run = await createTrip({ driverId: first.driver.id, carId: first.car.id, daysAhead: 2 })
    const { rider, travellerId, travellerIds } = await createRider({ companions: 1 })
    const booking = await book(rider, run.id, travellerIds)
    await markBoarding(first.driver, { bookingId: booking.id, position: 0, boarding: 'NO_SHOW' })
    await markBoarding(first.driver, { bookingId: booking.id, position: 1, boarding: 'NO_SHOW' })
    // One booking, one no-show, however many of the party did not come.
    expect((await loadMemberRecords([rider.id])).get(rider.id)!.noShows).toEqual({ asRider: 1, asDriver: 0 })

    const next = await createDriver()
    const nextRun = await createTrip({ driverId: next.driver.id, carId: next.car.id, daysAhead: 5 })
    const nextBooking = await book(rider, nextRun.id, [travellerId])
    const records = await loadPartyRecords([nextBooking.id])
    expect(records.get(nextBooking.id)).toMatchObject({ riderId: rider.id, record: { noShows: { asRider: 1 } } })

    await markBoarding(first.driver, { bookingId: booking.id, position: 0, boarding: 'BOARDED' })
    expect((await loadMemberRecords([rider.id])).get(rider.id)!.noShows.asRider).toBe(1)
    await markBoarding(first.driver, { bookingId: booking.id, position: 1, boarding: 'PENDING' })
    expect((await loadMemberRecords([rider.id])).get(rider.id)!.noShows.asRider).toBe(0)
  })

  test('a run that was cancelled counts no no-show', async () => {
    const { driver, car } = await createDriver()
    const run = await createTrip({ driverId: driver.id, carId: car.id, daysAhead: 2 })
    const { rider, travellerId } = await createRider()
    const booking = await book(rider, run.id, [travellerId])
    await markBoarding(driver, { bookingId: booking.id, position: 0, boarding: 'NO_SHOW' })
    await setTripStatus(driver, { tripId: run.id, status: 'CANCELLED' })
    expect((await loadMemberRecords([rider.id])).get(rider.id)!.noShows.asRider).toBe(0)
  })

  test('disputed within 7 days it stops counting until an admin decides; upheld it counts again', async () => {
    const { driver, car } = await createDriver()
    const run = await createTrip({ driverId: driver.id, carId: car.id, daysAhead: 2 })
    const { rider, travellerId } = await createRider()
    const booking = await book(rider, run.id, [travellerId])
    await markBoarding(driver, { bookingId: booking.id, position: 0, boarding: 'NO_SHOW' })
    const row = await db.noShow.findFirstOrThrow({ where: { bookingId: booking.id, absentRole: 'RIDER' }, select: { id: true, createdAt: true, reporterId: true } })
    expect(row.reporterId).toBe(driver.id)
    const tooLate = new Date(row.createdAt.getTime() + NO_SHOW_DISPUTE_DAYS * DAY + 60_000)
    await expect(disputeNoShow(rider, row.id, { note: 'Я была там' }, tooLate)).rejects.toMatchObject({ code: 'DISPUTE_WINDOW_CLOSED', status: 409 })
    await expect(disputeNoShow(driver, row.id, { note: 'не моё' })).rejects.toMatchObject({ code: 'NOT_FOUND' })

    await disputeNoShow(rider, row.id, { note: 'Я стояла у входа.' })
    expect((await loadMemberRecords([rider.id])).get(rider.id)!.noShows.asRider).toBe(0)
    await expect(disputeNoShow(rider, row.id, {})).rejects.toMatchObject({ code: 'NO_SHOW_NOT_DISPUTABLE' })

    const admin = await createUser({ roles: ['PASSENGER', 'ADMIN'] })
    await expect(decideNoShow(rider, { noShowId: row.id, decision: 'OVERTURN' })).rejects.toMatchObject({ code: 'FORBIDDEN' })
    await decideNoShow(admin, { noShowId: row.id, decision: 'UPHOLD' })
    expect((await loadMemberRecords([rider.id])).get(rider.id)!.noShows.asRider).toBe(1)
    await expect(decideNoShow(admin, { noShowId: row.id, decision: 'OVERTURN' })).rejects.toMatchObject({ code: 'NO_SHOW_NOT_DISPUTED', status: 409 })
    expect(await db.notification.count({ where: { kind: 'NO_SHOW_DECIDED', userId: { in: [rider.id, driver.id] } } })).toBe(2)
  })
})

describe("the rider's 'the driver did not come'", () => {
  test('from departure to 7 days after, once; the driver is told, may dispute, and an admin may strike it', async () => {
    const ride = await createCompletedRide()
    const departedAt = (await db.trip.findUniqueOrThrow({ where: { id: ride.trip.id }, select: { departureAt: true } })).departureAt
    await expect(reportDriverNoShow(ride.rider, ride.booking.id, new Date(departedAt.getTime() - 60_000))).rejects.toMatchObject({ code: 'NO_SHOW_TOO_EARLY' })
    await expect(reportDriverNoShow(ride.rider, ride.booking.id, new Date(departedAt.getTime() + 8 * DAY))).rejects.toMatchObject({ code: 'NO_SHOW_TOO_LATE' })
    await expect(reportDriverNoShow(ride.driver, ride.booking.id)).rejects.toMatchObject({ code: 'NOT_FOUND' })

    const claim = await reportDriverNoShow(ride.rider, ride.booking.id)
    await expect(reportDriverNoShow(ride.rider, ride.booking.id)).rejects.toMatchObject({ code: 'ALREADY_REPORTED', status: 409 })
    expect((await loadMemberRecords([ride.driver.id])).get(ride.driver.id)!.noShows).toEqual({ asRider: 0, asDriver: 1 })
    expect(await db.notification.count({ where: { userId: ride.driver.id, kind: 'NO_SHOW_CLAIMED' } })).toBe(1)

    await disputeNoShow(ride.driver, claim.id, { note: 'Я ждал 20 минут.' })
    const admin = await createUser({ roles: ['PASSENGER', 'ADMIN'] })
    await decideNoShow(admin, { noShowId: claim.id, decision: 'OVERTURN' })
    expect((await loadMemberRecords([ride.driver.id])).get(ride.driver.id)!.noShows.asDriver).toBe(0)
  })

  test('not on a cancelled run', async () => {
    const ride = await createCompletedRide()
    await db.trip.update({ where: { id: ride.trip.id }, data: { status: 'CANCELLED' } })
    await expect(reportDriverNoShow(ride.rider, ride.booking.id)).rejects.toMatchObject({ code: 'BOOKING_NOT_ACTIVE', status: 409 })
  })
})
