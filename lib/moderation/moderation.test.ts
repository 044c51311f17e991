import { describe, expect, test } from 'vitest'
import { blockUser } from '@/lib/blocks/block-user'
import { unblockUser } from '@/lib/blocks/unblock-user'
import { bookSeats } from '@/lib/bookings/book-seats'
import { addDaysIso, dbDateFromIso, kzDateOf, kzInstant, todayInKz } from '@/lib/dates/kz-date'
import { db } from '@/lib/db'
import { createReport } from '@/lib/moderation/create-report'
import { getModerationQueue } from '@/lib/moderation/get-moderation-queue'
import { resolveReport } from '@/lib/moderation/resolve-report'
import { reinstateUser } from '@/lib/moderation/suspend-user'
import { loadMemberRecords } from '@/lib/profiles/member-records'
import { createDriver, createRider, createTrip, createUser, ensureReferenceData } from '@/lib/testing/factories'
import { extendSeries } from '@/lib/trips/extend-series'
import { publishTrip } from '@/lib/trips/publish-trip'
import { searchTrips, searchTripsSchema } from '@/lib/trips/search-trips'
import { setTripStatus } from '@/lib/trips/set-trip-status'
import { publishTripSchema } from '@/lib/trips/trip-input'

const book = (rider: Parameters<typeof bookSeats>[0], tripId: string, travellerIds: string[]) =>
  bookSeats(rider, { tripId, travellerIds, acknowledgeWarning: false, joinWaitlist: false })

async function publishInput(carId: string, daysAhead = 3) {
  await ensureReferenceData()
  const point = await db.pickupPoint.findFirstOrThrow({ where: { cityId: 'almaty' }, select: { id: true } })
  return publishTripSchema.parse({
    carId, originCityId: 'almaty', pickup: { pointId: point.id }, checkpointId: 'korday', destinationCityId: 'bishkek',
    departureOn: addDaysIso(todayInKz(), daysAhead), departureTime: '07:00', roundTrip: false, seatsTotal: 3,
    pricingMode: 'PER_SEAT', pricePerSeatTenge: 4000, approvalMode: 'INSTANT', notes: '',
  })
}

const admin = () => createUser({ roles: ['PASSENGER', 'ADMIN'] })

/** A one-way run leaving at `departureAt`. */
const leaving = (departureAt: Date) => ({ departureAt, departureOn: dbDateFromIso(kzDateOf(departureAt)), roundTrip: false, returnAt: null, returnOn: null })

describe('reports and the admin queue', () => {
  test('a report of a member, a run or a review reaches the queue with what it is about; the same open report twice is kept once', async () => {
    const reporter = await createUser()
    const { driver, car } = await createDriver()
    const run = await createTrip({ driverId: driver.id, carId: car.id, daysAhead: 2 })
    const byMember = await createReport(reporter, { target: 'MEMBER', userId: driver.id, reason: 'FRAUD', comment: 'Просил 10 000 вместо 4 000.' })
    const byRun = await createReport(reporter, { target: 'TRIP', tripId: run.id, reason: 'UNSAFE' })
    expect(await createReport(reporter, { target: 'MEMBER', userId: driver.id, reason: 'OTHER' })).toEqual({ id: byMember.id, duplicate: true })
    const queue = await getModerationQueue(await admin())
    const mine = queue.reports.filter((r) => r.id === byMember.id || r.id === byRun.id)
    expect(mine).toHaveLength(2)
    expect(mine.find((r) => r.id === byRun.id)).toMatchObject({ target: 'TRIP', subject: { id: driver.id }, trip: { id: run.id }, openAboutSubject: 2 })
    expect(mine.find((r) => r.id === byMember.id)).toMatchObject({ reason: 'FRAUD', comment: 'Просил 10 000 вместо 4 000.', reporter: { id: reporter.id } })
    await expect(getModerationQueue(reporter)).rejects.toMatchObject({ code: 'FORBIDDEN' })
  })

  test('nobody reports themselves, and a review can be reported only once visible', async () => {
    const me = await createUser()
    await expect(createReport(me, { target: 'MEMBER', userId: me.id, reason: 'OTHER' })).rejects.toMatchObject({ code: 'REPORT_SELF' })
    await expect(createReport(me, { target: 'REVIEW', reviewId: '00000000-0000-4000-8000-000000000000', reason: 'OFFENSIVE' })).rejects.toMatchObject({ code: 'NOT_FOUND' })
  })

  test('reports are rate limited per account', async () => {
    const reporter = await createUser()
    const targets = await Promise.all(Array.from({ length: 11 }, () => createUser()))
    for (const t of targets.slice(0, 10)) await createReport(reporter, { target: 'MEMBER', userId: t.id, reason: 'OTHER' })
    await expect(createReport(reporter, { target: 'MEMBER', userId: targets[10]!.id, reason: 'OTHER' })).rejects.toMatchObject({ code: 'RATE_LIMITED', status: 429 })
  })

  test('a warning tells the member with the admin’s note, and is logged', async () => {
    const member = await createUser()
    const report = await createReport(await createUser(), { target: 'MEMBER', userId: member.id, reason: 'HARASSMENT' })
    const a = await admin()
    await resolveReport(a, { reportId: report.id, decision: 'WARN', note: 'Будьте вежливы в чате.' })
    const note = await db.notification.findFirstOrThrow({ where: { userId: member.id, kind: 'MODERATION_WARNING' }, select: { params: true } })
    expect(note.params).toEqual({ note: 'Будьте вежливы в чате.' })
    expect(await db.report.findUniqueOrThrow({ where: { id: report.id }, select: { status: true, resolution: true } })).toEqual({ status: 'ACTIONED', resolution: 'WARN' })
    expect(await db.auditEntry.count({ where: { actorId: a.id, action: 'moderation.warn', entityId: member.id } })).toBe(1)
    await expect(resolveReport(a, { reportId: report.id, decision: 'DISMISS' })).rejects.toMatchObject({ code: 'REPORT_CLOSED', status: 409 })
    await expect(resolveReport(a, { reportId: (await createReport(await createUser(), { target: 'MEMBER', userId: member.id, reason: 'OTHER' })).id, decision: 'HIDE_REVIEW' })).rejects.toMatchObject({ code: 'VALIDATION' })
  })
})

describe('suspension', () => {
  test("cancels the driver's runs not yet left (riders told, not a late cancellation); the account can neither publish nor book until reinstated", async () => {
    const { driver, car } = await createDriver()
    const soon = await createTrip({ driverId: driver.id, carId: car.id, ...leaving(new Date(Date.now() + 3 * 3_600_000)) })
    const later = await createTrip({ driverId: driver.id, carId: car.id, daysAhead: 4 })
    const { rider, travellerId } = await createRider()
    await book(rider, soon.id, [travellerId])
    const report = await createReport(rider, { target: 'MEMBER', userId: driver.id, reason: 'UNSAFE' })
    const second = await createReport(await createUser(), { target: 'TRIP', tripId: later.id, reason: 'UNSAFE' })
    const a = await admin()
    await resolveReport(a, { reportId: report.id, decision: 'SUSPEND', note: 'Опасная езда' })

    expect(await db.trip.findMany({ where: { id: { in: [soon.id, later.id] } }, select: { status: true, lateCancellation: true } })).toEqual([
      { status: 'CANCELLED', lateCancellation: false },
      { status: 'CANCELLED', lateCancellation: false },
    ])
    expect(await db.notification.count({ where: { userId: rider.id, kind: 'TRIP_CANCELLED' } })).toBe(1)
    expect(await db.notification.count({ where: { userId: driver.id, kind: 'ACCOUNT_SUSPENDED' } })).toBe(1)
    // Every open report about them is answered by the suspension.
    expect((await db.report.findUniqueOrThrow({ where: { id: second.id }, select: { status: true } })).status).toBe('ACTIONED')

    await expect(publishTrip(driver, await publishInput(car.id))).rejects.toMatchObject({ code: 'ACCOUNT_SUSPENDED', status: 403 })
    const { driver: other, car: otherCar } = await createDriver()
    const otherRun = await createTrip({ driverId: other.id, carId: otherCar.id, daysAhead: 2 })
    const selfTraveller = await db.traveller.create({ data: { accountId: driver.id, isSelf: true, name: driver.name, citizenship: 'KZ' }, select: { id: true } })
    await expect(book(driver, otherRun.id, [selfTraveller.id])).rejects.toMatchObject({ code: 'ACCOUNT_SUSPENDED', status: 403 })

    await reinstateUser(a, driver.id)
    expect((await publishTrip(driver, await publishInput(car.id))).tripIds).toHaveLength(1)
  })

  test("a suspended driver's recurring runs stop being created", async () => {
    const { driver, car } = await createDriver()
    const input = publishTripSchema.parse({ ...(await publishInput(car.id, 1)), repeat: { weekdays: [1, 2, 3, 4, 5, 6, 7] } })
    const { seriesId } = await publishTrip(driver, input)
    expect(seriesId).not.toBeNull()
    await db.user.update({ where: { id: driver.id }, data: { suspendedAt: new Date() } })
    // Pretend the series was created long ago: it is due to be topped up.
    await db.tripSeries.update({ where: { id: seriesId! }, data: { generatedThrough: dbDateFromIso(addDaysIso(todayInKz(), 1)) } })
    const before = await db.trip.count({ where: { seriesId: seriesId! } })
    await extendSeries()
    expect(await db.trip.count({ where: { seriesId: seriesId! } })).toBe(before)
  })

  test('admins are not suspended', async () => {
    const other = await admin()
    const report = await createReport(await createUser(), { target: 'MEMBER', userId: other.id, reason: 'OTHER' })
    await expect(resolveReport(await admin(), { reportId: report.id, decision: 'SUSPEND' })).rejects.toMatchObject({ code: 'SUSPEND_ADMIN' })
  })
})

describe('late cancellations', () => {
  test('a driver cancelling within 24 hours of departure with a confirmed rider: counted; earlier, or with nobody booked: not', async () => {
    const { driver, car } = await createDriver()
    const late = await createTrip({ driverId: driver.id, carId: car.id, ...leaving(new Date(Date.now() + 5 * 3_600_000)) })
    const early = await createTrip({ driverId: driver.id, carId: car.id, daysAhead: 5 })
    const empty = await createTrip({ driverId: driver.id, carId: car.id, ...leaving(new Date(Date.now() + 6 * 3_600_000)) })
    for (const run of [late, early]) {
      const { rider, travellerId } = await createRider()
      await book(rider, run.id, [travellerId])
    }
    for (const run of [late, early, empty]) await setTripStatus(driver, { tripId: run.id, status: 'CANCELLED' })
    const record = (await loadMemberRecords([driver.id])).get(driver.id)!
    expect(record.lateCancellations).toEqual({ count: 1, of: 1, percent: 100 })
  })
})

describe('blocks', () => {
  test('a blocked rider cannot book the blocker’s runs, and the blocker cannot book theirs; the runs leave each other’s search', async () => {
    const on = addDaysIso(todayInKz(), 47)
    const blocker = await createDriver()
    const blockerRun = await createTrip({ driverId: blocker.driver.id, carId: blocker.car.id, ...leaving(kzInstant(on, '07:10')) })
    const { rider, travellerId } = await createRider()
    const riderCar = await db.car.create({ data: { ownerId: rider.id, make: 'Kia', model: 'Rio', colour: 'red', plate: 'R' + Date.now().toString().slice(-6), seats: 4 }, select: { id: true } })
    const riderRun = await createTrip({ driverId: rider.id, carId: riderCar.id, ...leaving(kzInstant(on, '07:20')) })
    const blockerTraveller = await db.traveller.create({ data: { accountId: blocker.driver.id, isSelf: true, name: blocker.driver.name, citizenship: 'KZ' }, select: { id: true } })

    await blockUser(blocker.driver, rider.id)
    await expect(book(rider, blockerRun.id, [travellerId])).rejects.toMatchObject({ code: 'BOOKING_BLOCKED', status: 403 })
    await expect(book(blocker.driver, riderRun.id, [blockerTraveller.id])).rejects.toMatchObject({ code: 'BOOKING_BLOCKED', status: 403 })
    const ids = async (viewer: { id: string } | null) => (await searchTrips(searchTripsSchema.parse({ date: on, from: 'almaty' }), new Date(), viewer)).trips.map((t) => t.id)
    expect(await ids(blocker.driver)).not.toContain(riderRun.id)
    expect(await ids(rider)).not.toContain(blockerRun.id)
    expect(await ids(null)).toEqual(expect.arrayContaining([blockerRun.id, riderRun.id]))
    expect(await ids(await createUser())).toEqual(expect.arrayContaining([blockerRun.id, riderRun.id]))

    await unblockUser(blocker.driver, rider.id)
    expect((await book(rider, blockerRun.id, [travellerId])).status).toBe('CONFIRMED')
  })

  test('nobody blocks themselves; blocking twice is one block', async () => {
    const me = await createUser()
    const them = await createUser()
    await expect(blockUser(me, me.id)).rejects.toMatchObject({ code: 'BLOCK_SELF' })
    await blockUser(me, them.id)
    await blockUser(me, them.id)
    expect(await db.block.count({ where: { blockerId: me.id } })).toBe(1)
    // Several at once (a double tap, a retry): every one succeeds, still one block.
    const other = await createUser()
    const outcomes = await Promise.allSettled(Array.from({ length: 30 }, () => blockUser(me, other.id)))
    expect(outcomes.filter((o) => o.status === 'rejected')).toEqual([])
    expect(await db.block.count({ where: { blockerId: me.id, blockedId: other.id } })).toBe(1)
  })
})
