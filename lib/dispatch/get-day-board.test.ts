import pg from 'pg'
import { describe, expect, test } from 'vitest'
import { addDaysIso, todayInKz } from '@/lib/dates/kz-date'
import { db } from '@/lib/db'
import { createTrip } from '@/lib/testing/factories'
import { markBoarding } from '@/lib/trips/mark-boarding'
import { getBoardRun, getDayBoard, getDayBoardIfChanged, getDayBoardVersion } from './get-day-board'
import { bookParty, groupWithRuns } from './testing-board'

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

    const first = await getDayBoardIfChanged(coordinator, group.id, tomorrow(), null)
    expect(first.board?.version).toBe(first.version)
    expect(first.version).toBe(await getDayBoardVersion(coordinator, group.id, tomorrow()))
    expect(await getDayBoardIfChanged(coordinator, group.id, tomorrow(), first.version)).toEqual({ version: first.version, board: null })

    await bookParty(runs[0]!.id)
    const second = await getDayBoardIfChanged(coordinator, group.id, tomorrow(), first.version, { parties: 'auto' })
    expect(second.version).not.toBe(first.version)
    expect(second.board?.version).toBe(second.version)
    expect(second.board?.totals.seatsConfirmed).toBe(1)
  })
})
