import pg from 'pg'
import { describe, expect, test } from 'vitest'
import { addDaysIso, todayInKz } from '@/lib/dates/kz-date'
import { db } from '@/lib/db'
import { createDriver, createTrip, createUser } from '@/lib/testing/factories'
import { markBoarding } from '@/lib/trips/mark-boarding'
import { getBoardRun, getBoardRunJson, getDayBoard, getDayBoardIfChanged, getDayBoardVersion, type DayBoard, type DayBoardOptions } from './get-day-board'
import { bookParty, groupWithRuns } from './testing-board'
import { referenceBoardRun, referenceDayBoard } from './testing-board-reference'

const tomorrow = () => addDaysIso(todayInKz(), 1)

describe('getDayBoard', () => {
  test('runs by direction and time with capacity, parties with verdicts and payment, and the unassigned demand', async () => {
    const { coordinator, group, drivers, runs } = await groupWithRuns([2, 4], [{}, { approvalMode: 'MANUAL', requestTtlHours: 3 }])
    const tashkent = await createTrip({
      driverId: drivers[0]!.driver.id, carId: drivers[0]!.car.id, groupId: group.id, originCityId: 'shymkent', checkpointId: 'kaplanbek', destinationCityId: 'tashkent',
      departureAt: new Date(`${tomorrow()}T03:00:00+05:00`),
    })
    const full = await bookParty(runs[0]!.id, { companions: 1 })
    const waiting = await bookParty(runs[0]!.id)
    const request = await bookParty(runs[1]!.id, { stays: [{ entryOn: addDaysIso(todayInKz(), -85), exitOn: null }] })
    // Another group's run the same day stays off this board.
    await createTrip({ daysAhead: 1 })

    const board = await getDayBoard(coordinator, group.id, tomorrow())
    expect(board.directions.map((d) => [d.code, d.runs.map((r) => r.id)])).toEqual([['KG', [runs[0]!.id, runs[1]!.id]], ['UZ', [tashkent.id]]])
    const first = board.directions[0]!.runs[0]!
    expect(first).toMatchObject({ seatsTotal: 2, seatsConfirmed: 2, seatsPending: 0, seatsFree: 0, seatsWaitlisted: 1, status: 'SCHEDULED', nextStatuses: ['BOARDING', 'CANCELLED'] })
    expect(first.driver).toMatchObject({ id: drivers[0]!.driver.id })
    expect(first.parties).toEqual([
      expect.objectContaining({
        id: full.booking.id, seats: 2, verdict: 'OK', paymentState: 'OWED', amountTenge: 8000,
        travellers: [{ position: 0, name: full.rider.name, verdict: 'OK', boarding: 'PENDING' }, { position: 1, name: 'Companion 1', verdict: 'OK', boarding: 'PENDING' }],
      }),
    ])
    expect(board.demand.waitlist.map((p) => [p.id, p.tripId])).toEqual([[waiting.booking.id, runs[0]!.id]])
    expect(board.demand.requests.map((p) => [p.id, p.tripId, p.verdict])).toEqual([[request.booking.id, runs[1]!.id, 'WARN']])
    expect(board.totals).toMatchObject({ runs: 3, seatsOffered: 10, seatsConfirmed: 2, seatsPending: 1, seatsWaitlisted: 1 })
    expect(board.drivers.map((d) => d.id).sort()).toEqual(drivers.map((d) => d.driver.id).sort())
    // Contacts of confirmed riders only.
    expect(board.demand.requests[0]!.riderPhone).toBeNull()
  })

  test('the verdict only: no stays, documents, reasons or check inputs anywhere in the board', async () => {
    const { coordinator, group, runs } = await groupWithRuns([4])
    await bookParty(runs[0]!.id, { stays: [{ entryOn: addDaysIso(todayInKz(), -85), exitOn: null }] })
    const json = JSON.stringify(await getDayBoard(coordinator, group.id, tomorrow()))
    expect(json).toContain('"verdict":"WARN"')
    for (const word of ['stays', 'documents', 'reasons', 'checkInputs', 'check_inputs', 'entryOn', 'exitOn', 'citizenship', 'email']) expect(json).not.toContain(word)
  })

  test('the version changes with every change the board shows (bookings, check-ins, status) and only then', async () => {
    const { coordinator, group, runs } = await groupWithRuns([4])
    const v1 = await getDayBoardVersion(coordinator, group.id, tomorrow())
    expect(await getDayBoardVersion(coordinator, group.id, tomorrow())).toBe(v1)
    const party = await bookParty(runs[0]!.id)
    const v2 = await getDayBoardVersion(coordinator, group.id, tomorrow())
    expect(v2).not.toBe(v1)
    await markBoarding(coordinator, { bookingId: party.booking.id, position: 0, boarding: 'BOARDED' })
    const v3 = await getDayBoardVersion(coordinator, group.id, tomorrow())
    expect(v3).not.toBe(v2)
    expect((await getDayBoard(coordinator, group.id, tomorrow())).version).toBe(v3)
    await db.trip.update({ where: { id: runs[0]!.id }, data: { status: 'BOARDING' } })
    expect(await getDayBoardVersion(coordinator, group.id, tomorrow())).not.toBe(v3)
  })
})

describe('a busy day on the board page (parties: auto)', () => {
  test('above the threshold the runs come without their confirmed parties, with counts and legal flags; requests and the waitlist still come', async () => {
    const { coordinator, group, runs } = await groupWithRuns([4, 4], [{}, { approvalMode: 'MANUAL', requestTtlHours: 3 }])
    const warned = await bookParty(runs[0]!.id, { companions: 1, stays: [{ entryOn: addDaysIso(todayInKz(), -85), exitOn: null }] })
    await bookParty(runs[0]!.id)
    const request = await bookParty(runs[1]!.id)

    const busy = await getDayBoard(coordinator, group.id, tomorrow(), { parties: 'auto', inlinePartiesUpTo: 2 })
    const [first, second] = busy.directions[0]!.runs
    expect(first).toMatchObject({ parties: null, partyCount: 2, travellerCount: 3, seatsConfirmed: 3 })
    expect(first!.flagged.warn + first!.flagged.blocked).toBeGreaterThanOrEqual(1)
    expect(second!.requests.map((p) => p.id)).toEqual([request.booking.id])
    expect(busy.totals.travellers).toBe(3)
    expect(busy.demand.requests.map((p) => p.id)).toEqual([request.booking.id])
    expect(JSON.stringify(busy)).not.toContain(warned.rider.name)

    // At or under the threshold, and always with parties: 'all' (outside clients), they come.
    const small = await getDayBoard(coordinator, group.id, tomorrow(), { parties: 'auto', inlinePartiesUpTo: 3 })
    expect(small.directions[0]!.runs[0]!.parties!.map((p) => p.id)).toContain(warned.booking.id)
    const all = await getDayBoard(coordinator, group.id, tomorrow(), { parties: 'all', inlinePartiesUpTo: 0 })
    expect(all.directions[0]!.runs[0]!.parties).toHaveLength(2)
  })

  test('an opened run loads with all its parties; a run of another day or group, or a stranger, is not found', async () => {
    const { coordinator, group, runs } = await groupWithRuns([4])
    const party = await bookParty(runs[0]!.id, { companions: 1 })
    const run = await getBoardRun(coordinator, group.id, tomorrow(), runs[0]!.id)
    expect(run).toMatchObject({ id: runs[0]!.id, partyCount: 1, travellerCount: 2 })
    expect(run.parties!.map((p) => [p.id, p.travellers.length])).toEqual([[party.booking.id, 2]])

    const other = await groupWithRuns([4])
    const otherDay = await createTrip({ driverId: other.drivers[0]!.driver.id, carId: other.drivers[0]!.car.id, groupId: group.id, daysAhead: 2 })
    const codeOf = (p: Promise<unknown>) => p.then(() => 'OK', (e: { code?: string }) => e.code)
    expect(await codeOf(getBoardRun(coordinator, group.id, tomorrow(), other.runs[0]!.id))).toBe('NOT_FOUND')
    expect(await codeOf(getBoardRun(coordinator, group.id, tomorrow(), otherDay.id))).toBe('NOT_FOUND')
    expect(await codeOf(getBoardRun(other.coordinator, group.id, tomorrow(), runs[0]!.id))).toBe('NOT_FOUND')
  })

  test('the version is computed once: a poll with the current version gets no board, a changed day gets the board and its new version', async () => {
    const { coordinator, group, runs } = await groupWithRuns([4])
    // Every statement the pg driver sends, to count the version's (md5 over the day's rows).
    const sent: string[] = []
    const originalQuery = pg.Client.prototype.query
    pg.Client.prototype.query = function countedQuery(this: pg.Client, ...args: unknown[]) {
      const first = args[0] as string | { text?: string }
      sent.push(typeof first === 'string' ? first : (first?.text ?? ''))
      return (originalQuery as (...a: unknown[]) => unknown).apply(this, args)
    } as typeof originalQuery
    const versionQueries = async (work: () => Promise<unknown>) => {
      const before = sent.length
      await work()
      return sent.slice(before).filter((text) => text.includes('md5(')).length
    }
    try {
      const notModified = (await getDayBoardIfChanged(coordinator, group.id, tomorrow(), null)).version
      expect(await versionQueries(() => getDayBoardIfChanged(coordinator, group.id, tomorrow(), null))).toBe(1)
      expect(await versionQueries(() => getDayBoardIfChanged(coordinator, group.id, tomorrow(), notModified))).toBe(1)
    } finally {
      pg.Client.prototype.query = originalQuery
    }

    const boardOf = (answer: { json: string | null }) => (answer.json === null ? null : (JSON.parse(answer.json) as DayBoard))
    const first = await getDayBoardIfChanged(coordinator, group.id, tomorrow(), null)
    expect(boardOf(first)?.version).toBe(first.version)
    expect(first.version).toBe(await getDayBoardVersion(coordinator, group.id, tomorrow()))
    expect(await getDayBoardIfChanged(coordinator, group.id, tomorrow(), first.version)).toEqual({ version: first.version, json: null })

    await bookParty(runs[0]!.id)
    const second = await getDayBoardIfChanged(coordinator, group.id, tomorrow(), first.version, { parties: 'auto' })
    expect(second.version).not.toBe(first.version)
    expect(boardOf(second)?.version).toBe(second.version)
    expect(boardOf(second)?.totals.seatsConfirmed).toBe(1)
  })
})

describe('the board read with one SQL statement', () => {
  /** A day with a bit of everything the board shows: both directions, per-seat and shared-cost
   * runs, a cancelled run, companions, a request, the waitlist, payments, check-ins, warnings,
   * phones (confirmed and not), a deleted rider, names that need escaping, drivers' cars. */
  async function representativeDay() {
    const sharedCost = { pricingMode: 'SHARED_COST', pricePerSeatTenge: null, totalCostTenge: 21_000, minRiders: 2, driverShares: true, seatPriceTenge: 10_500 } as const
    const { coordinator, group, drivers, runs } = await groupWithRuns([4, 2, 4, 3], [{}, {}, sharedCost, { approvalMode: 'MANUAL', requestTtlHours: 3 }])
    const on = tomorrow()
    const tashkent = await createTrip({
      driverId: drivers[1]!.driver.id, carId: drivers[1]!.car.id, groupId: group.id, originCityId: 'shymkent', checkpointId: 'kaplanbek', destinationCityId: 'tashkent',
      departureAt: new Date(`${on}T06:30:00+05:00`), roundTrip: false, returnAt: null, returnOn: null,
    })
    // Same departure as runs[0]: the board breaks the tie by id.
    const twin = await createTrip({ driverId: drivers[2]!.driver.id, carId: drivers[2]!.car.id, groupId: group.id, departureAt: runs[0]!.departureAt })
    const cancelled = await createTrip({ driverId: drivers[3]!.driver.id, carId: drivers[3]!.car.id, groupId: group.id, departureAt: new Date(`${on}T12:00:00+05:00`) })

    const withCompanions = await bookParty(runs[0]!.id, { companions: 2 })
    const warned = await bookParty(runs[0]!.id, { stays: [{ entryOn: addDaysIso(todayInKz(), -85), exitOn: null }] })
    const fullA = await bookParty(runs[1]!.id, { companions: 1 })
    const waiting = await bookParty(runs[1]!.id)
    const waiting2 = await bookParty(runs[1]!.id)
    const sharedA = await bookParty(runs[2]!.id)
    const sharedB = await bookParty(runs[2]!.id, { companions: 1 })
    await bookParty(runs[2]!.id)
    const request = await bookParty(runs[3]!.id)
    const request2 = await bookParty(runs[3]!.id, { companions: 1 })
    const uz = await bookParty(tashkent.id, { citizenship: 'UZ' })
    await bookParty(twin.id)
    await bookParty(cancelled.id)
    const gone = await bookParty(cancelled.id)
    const left = await bookParty(runs[0]!.id)

    await db.trip.update({ where: { id: cancelled.id }, data: { status: 'CANCELLED', cancelledAt: new Date() } })
    await db.trip.update({ where: { id: runs[1]!.id }, data: { status: 'BOARDING' } })
    await markBoarding(coordinator, { bookingId: withCompanions.booking.id, position: 0, boarding: 'BOARDED' })
    await markBoarding(coordinator, { bookingId: withCompanions.booking.id, position: 2, boarding: 'NO_SHOW' })
    await db.booking.update({ where: { id: warned.booking.id }, data: { paymentState: 'PAID', paidAt: new Date() } })
    await db.booking.update({ where: { id: sharedA.booking.id }, data: { paymentState: 'CONFIRMED', paidAt: new Date(), paymentConfirmedAt: new Date() } })
    await db.booking.update({ where: { id: left.booking.id }, data: { status: 'CANCELLED', cancelledAt: new Date() } })
    // A deleted account: the booking stays, anonymised.
    await db.booking.update({ where: { id: gone.booking.id }, data: { riderId: null } })
    await db.user.update({ where: { id: drivers[0]!.driver.id }, data: { phone: '+996555123456' } })
    await db.user.update({ where: { id: drivers[1]!.driver.id }, data: { phone: '+77012345678' } })
    for (const r of [fullA, request, waiting, uz]) await db.user.update({ where: { id: r.rider.id }, data: { phone: '+77015550101' } })
    await db.bookingTraveller.update({ where: { bookingId_position: { bookingId: sharedB.booking.id, position: 1 } }, data: { name: 'Zoë "Z" O\'Neil \\ / 😀 \u2028 \t \u0001 \u007f <b>' } })
    // PostgreSQL writes these strings into the JSON itself: escaped exactly as JSON.stringify does.
    const awkward = 'Zoë "Z" O\'Neil \\ / 😀 \u2028 \t \n \u0001 \u007f <b>'
    await db.user.update({ where: { id: warned.rider.id }, data: { name: awkward } })
    await db.bookingTraveller.update({ where: { bookingId_position: { bookingId: withCompanions.booking.id, position: 1 } }, data: { name: awkward } })
    await db.car.update({ where: { id: drivers[0]!.car.id }, data: { colour: awkward } })
    // The drivers' list: members in the order they joined, each with their cars in use.
    for (const [i, d] of drivers.entries()) await db.groupMember.update({ where: { groupId_userId: { groupId: group.id, userId: d.driver.id } }, data: { joinedAt: new Date(Date.now() - (10 - i) * 60_000) } })
    await db.car.create({ data: { ownerId: drivers[0]!.driver.id, make: 'Lada', model: 'Largus', colour: 'grey', plate: 'L' + group.id.slice(0, 6), seats: 6, createdAt: new Date(Date.now() + 60_000) } })
    await db.car.create({ data: { ownerId: drivers[0]!.driver.id, make: 'Old', model: 'Car', colour: 'red', plate: 'O' + group.id.slice(0, 6), seats: 4, archivedAt: new Date() } })
    // A member listed as a driver whose account is no longer a driver's is left out.
    const notADriver = await createUser()
    await db.groupMember.create({ data: { groupId: group.id, userId: notADriver.id, role: 'DRIVER' } })
    // Another group's run the same day stays off this board.
    const elsewhere = await createDriver()
    await createTrip({ driverId: elsewhere.driver.id, carId: elsewhere.car.id, daysAhead: 1 })
    return { coordinator, group, runs: [...runs, tashkent, twin, cancelled], requests: [request, request2], waiting: [waiting, waiting2], sharedB }
  }

  test('is, byte for byte, the board the Prisma builder made: every option, every run opened', async () => {
    const day = await representativeDay()
    const now = new Date()
    const cases: { label: string; options: DayBoardOptions }[] = [
      { label: 'all parties (outside clients)', options: { parties: 'all' } },
      { label: 'the page on a busy day (parties left out)', options: { parties: 'auto', inlinePartiesUpTo: 2 } },
      { label: 'the page on a quiet day (parties inline)', options: { parties: 'auto' } },
    ]
    for (const { label, options } of cases) {
      // The text the JSON API sends, and the object the page renders.
      const { version, json } = await getDayBoardIfChanged(day.coordinator, day.group.id, tomorrow(), null, { ...options, now })
      const reference = JSON.stringify(await referenceDayBoard(day.group, tomorrow(), version, options, now))
      expect(json, label).toBe(reference)
      expect(JSON.stringify(await getDayBoard(day.coordinator, day.group.id, tomorrow(), { ...options, now })), label).toBe(reference)
    }
    // A day with no runs: the drivers still come.
    const empty = addDaysIso(todayInKz(), 5)
    const none = await getDayBoardIfChanged(day.coordinator, day.group.id, empty, null, { now })
    expect(none.json).toBe(JSON.stringify(await referenceDayBoard(day.group, empty, none.version, {}, now)))
    expect((JSON.parse(none.json!) as DayBoard).drivers).toHaveLength(4)
    for (const run of day.runs) {
      const reference = JSON.stringify(await referenceBoardRun(run.id))
      expect(await getBoardRunJson(day.coordinator, day.group.id, tomorrow(), run.id)).toBe(reference)
      expect(JSON.stringify(await getBoardRun(day.coordinator, day.group.id, tomorrow(), run.id))).toBe(reference)
    }

    // And the day is what it should be: not two empty boards that agree.
    const board = await getDayBoard(day.coordinator, day.group.id, tomorrow(), { now })
    expect(board.directions.map((d) => [d.code, d.runs.length])).toEqual([['KG', 6], ['UZ', 1]])
    expect(board.demand.requests.map((p) => [p.id, p.riderPhone])).toEqual(day.requests.map((r) => [r.booking.id, null]))
    expect(board.demand.waitlist.map((p) => p.id)).toEqual(day.waiting.map((r) => r.booking.id))
    const shared = board.directions[0]!.runs.find((r) => r.id === day.runs[2]!.id)!
    // 21,000 ₸ split five ways (four riders and the driver), by seats.
    expect(shared.parties!.map((p) => p.amountTenge)).toEqual([4200, 8400, 4200])
    expect(shared.parties!.find((p) => p.id === day.sharedB.booking.id)!.travellers[1]!.name).toBe('Zoë "Z" O\'Neil \\ / 😀 \u2028 \t \u0001 \u007f <b>')
    // A rider's name, two travellers' names, a car's colour on its run and in the drivers' list.
    expect(JSON.stringify(board).split('Zoë').length - 1).toBe(5)
    expect(board.drivers.map((d) => d.cars.length)).toEqual([2, 1, 1, 1])
    expect(JSON.stringify(board)).toContain('+996 555 123 456')
  })
})
