import { describe, expect, test } from 'vitest'
import { addDaysIso, todayInKz } from '@/lib/dates/kz-date'
import { db } from '@/lib/db'
import { createTrip } from '@/lib/testing/factories'
import { markBoarding } from '@/lib/trips/mark-boarding'
import { getDayBoard, getDayBoardVersion } from './get-day-board'
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
