// A coordinator sees and manages only their own group's runs: another group's board, summary,
// audit and manifests do not exist for them, and every action on its runs is refused.
import { describe, expect, test } from 'vitest'
import { decideRequest } from '@/lib/bookings/decide-request'
import { markPayment } from '@/lib/bookings/mark-payment'
import { addDaysIso, todayInKz } from '@/lib/dates/kz-date'
import { AppError } from '@/lib/errors'
import { createGroup } from '@/lib/testing/factories'
import { markBoarding } from '@/lib/trips/mark-boarding'
import { setTripStatus } from '@/lib/trips/set-trip-status'
import { cancelRunAndMove } from './cancel-run-and-move'
import { createInvite } from './create-invite'
import { getDayBoard, getDayBoardVersion } from './get-day-board'
import { getDaySummary } from './get-day-summary'
import { getGroup } from './get-group'
import { listAudit } from './list-audit'
import { dayManifestCsv, runManifestCsv } from './manifest-export'
import { movePartyOnBoard } from './move-party-on-board'
import { openRun } from './open-run'
import { promoteParty } from './promote-party'
import { removeMember } from './remove-member'
import { bookParty, groupWithRuns } from './testing-board'

const codeOf = (p: Promise<unknown>) => p.then(() => 'ok', (e: unknown) => (e instanceof AppError ? e.code : String(e)))

async function twoGroups() {
  const mine = await groupWithRuns([2, 4], [{}, { approvalMode: 'MANUAL', requestTtlHours: 3 }])
  const confirmed = await bookParty(mine.runs[0]!.id)
  const waitlisted = await (async () => {
    await bookParty(mine.runs[0]!.id)
    return bookParty(mine.runs[0]!.id)
  })()
  const request = await bookParty(mine.runs[1]!.id)
  const stranger = await createGroup({ drivers: 1 })
  return { mine, confirmed, waitlisted, request, stranger, date: addDaysIso(todayInKz(), 1) }
}

describe('group scoping', () => {
  test('another group’s coordinator: its board, summary, audit and day manifest are NOT_FOUND', async () => {
    const { mine, stranger, date } = await twoGroups()
    const them = stranger.coordinator
    const reads: [string, () => Promise<unknown>][] = [
      ['board', () => getDayBoard(them, mine.group.id, date)],
      ['board version', () => getDayBoardVersion(them, mine.group.id, date)],
      ['summary', () => getDaySummary(them, mine.group.id, date)],
      ['audit', () => listAudit(them, mine.group.id)],
      ['day CSV', () => dayManifestCsv(them, mine.group.id, date, 'ru')],
      ['group', () => getGroup(them, mine.group.id)],
    ]
    for (const [label, read] of reads) expect({ label, code: await codeOf(read()) }).toEqual({ label, code: 'NOT_FOUND' })
    // A driver of the group is no coordinator of it either.
    expect(await codeOf(getDayBoard(mine.drivers[0]!.driver, mine.group.id, date))).toBe('NOT_FOUND')
  })

  test('another group’s coordinator: every action on this group’s runs and bookings is refused, nothing changes', async () => {
    const { mine, confirmed, waitlisted, request, stranger, date } = await twoGroups()
    const them = stranger.coordinator
    const d = stranger.drivers[0]!
    const [a, b] = mine.runs as [(typeof mine.runs)[0], (typeof mine.runs)[0]]
    const mutations: [string, () => Promise<unknown>][] = [
      ['move', () => movePartyOnBoard(them, mine.group.id, date, { bookingId: confirmed.booking.id, targetTripId: b.id, confirm: true })],
      ['move via own board', () => movePartyOnBoard(them, stranger.group.id, date, { bookingId: confirmed.booking.id, targetTripId: b.id, confirm: true })],
      ['promote', () => promoteParty(them, { bookingId: waitlisted.booking.id })],
      ['cancel and move', () => cancelRunAndMove(them, { tripId: a.id, moves: [] })],
      ['status', () => setTripStatus(them, { tripId: a.id, status: 'BOARDING' })],
      ['approve', () => decideRequest(them, { bookingId: request.booking.id, decision: 'approve' })],
      ['check in', () => markBoarding(them, { bookingId: confirmed.booking.id, position: 0, boarding: 'BOARDED' })],
      ['payment', () => markPayment(them, { bookingId: confirmed.booking.id, state: 'CONFIRMED' })],
      ['run CSV', () => runManifestCsv(them, a.id, 'ru')],
      ['invite', () => createInvite(them, mine.group.id, {})],
      ['remove member', () => removeMember(them, mine.group.id, mine.drivers[0]!.driver.id)],
      ['open run', () => openRun(them, {
        groupId: mine.group.id, driverId: d.driver.id, carId: d.car.id, originCityId: 'almaty', pickup: { label: 'Сайран', lat: 43.24, lng: 76.86 },
        checkpointId: 'korday', destinationCityId: 'bishkek', departureOn: date, departureTime: '10:00', roundTrip: false, seatsTotal: 4,
        pricingMode: 'PER_SEAT', pricePerSeatTenge: 4000, driverShares: false, approvalMode: 'INSTANT', notes: '',
      })],
    ]
    for (const [label, mutation] of mutations) expect({ label, code: await codeOf(mutation()) }).toEqual({ label, code: expect.stringMatching(/^(FORBIDDEN|NOT_FOUND)$/) })
    const board = await getDayBoard(mine.coordinator, mine.group.id, date)
    const [runA, runB] = board.directions[0]!.runs
    expect(runA).toMatchObject({ id: a.id, status: 'SCHEDULED', seatsConfirmed: 2, seatsWaitlisted: 1 })
    expect(runA!.parties![0]!.travellers[0]!.boarding).toBe('PENDING')
    expect(runB).toMatchObject({ id: b.id, seatsPending: 1, seatsConfirmed: 0 })
    expect(board.drivers).toHaveLength(2)
  })
})

describe('listAudit', () => {
  test('the group’s coordinators read who did what, newest first, optionally for one date', async () => {
    const { mine, confirmed } = await twoGroups()
    const [a, b] = mine.runs as [(typeof mine.runs)[0], (typeof mine.runs)[0]]
    await markBoarding(mine.coordinator, { bookingId: confirmed.booking.id, position: 0, boarding: 'NO_SHOW' })
    await movePartyOnBoard(mine.coordinator, mine.group.id, addDaysIso(todayInKz(), 1), { bookingId: confirmed.booking.id, targetTripId: b.id, confirm: true })
    const log = await listAudit(mine.coordinator, mine.group.id, { date: todayInKz() })
    expect(log.entries.map((e) => e.action)).toEqual(['booking.move', 'booking.boarding'])
    expect(log.entries[0]).toMatchObject({ actor: { id: mine.coordinator.id, name: mine.coordinator.name }, before: { tripId: a.id }, after: { tripId: b.id } })
    expect(Object.keys(log.trips).sort()).toEqual([a.id, b.id].sort())
    expect(log.bookings[confirmed.booking.id]).toEqual({ seats: 1, name: confirmed.rider.name })
    expect((await listAudit(mine.coordinator, mine.group.id, { date: addDaysIso(todayInKz(), -1) })).entries).toEqual([])
  })
})
