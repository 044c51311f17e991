import { describe, expect, test } from 'vitest'
import { db } from '@/lib/db'
import { AppError } from '@/lib/errors'
import { createGroup } from '@/lib/testing/factories'
import { cancelRunAndMove } from './cancel-run-and-move'
import { bookParty, groupWithRuns } from './testing-board'

async function snapshot(tripIds: string[]) {
  const trips = await db.trip.findMany({ where: { id: { in: tripIds } }, orderBy: { id: 'asc' }, select: { id: true, status: true, seatsTaken: true } })
  const bookings = await db.booking.findMany({ where: { tripId: { in: tripIds } }, orderBy: { id: 'asc' }, select: { id: true, tripId: true, status: true } })
  return { trips, bookings }
}

describe('cancelRunAndMove', () => {
  test('moves the chosen parties, cancels the run and the parties left without a target, in one go', async () => {
    const { coordinator, group, runs } = await groupWithRuns([4, 4, 4])
    const [broken, a, b] = runs as [(typeof runs)[0], (typeof runs)[0], (typeof runs)[0]]
    const p1 = await bookParty(broken.id, { companions: 1 })
    const p2 = await bookParty(broken.id)
    const p3 = await bookParty(broken.id)
    const result = await cancelRunAndMove(coordinator, {
      tripId: broken.id,
      moves: [{ bookingId: p1.booking.id, targetTripId: a.id, confirm: true }, { bookingId: p2.booking.id, targetTripId: b.id, confirm: true }],
      reason: 'Поломка',
    })
    expect(result).toMatchObject({ status: 'CANCELLED', cancelledBookings: 1 })
    const after = await snapshot([broken.id, a.id, b.id])
    expect(Object.fromEntries(after.trips.map((t) => [t.id, [t.status, t.seatsTaken]]))).toEqual({
      [broken.id]: ['CANCELLED', 0], [a.id]: ['SCHEDULED', 2], [b.id]: ['SCHEDULED', 1],
    })
    const status = Object.fromEntries(after.bookings.map((x) => [x.id, [x.tripId, x.status]]))
    expect(status[p1.booking.id]).toEqual([a.id, 'CONFIRMED'])
    expect(status[p2.booking.id]).toEqual([b.id, 'CONFIRMED'])
    expect(status[p3.booking.id]).toEqual([broken.id, 'CANCELLED'])
    expect(await db.notification.count({ where: { userId: p3.rider.id, kind: 'TRIP_CANCELLED' } })).toBe(1)
    expect(await db.notification.count({ where: { userId: p1.rider.id, kind: 'MOVED_TO_TRIP' } })).toBe(1)
    expect(await db.notification.count({ where: { userId: p1.rider.id, kind: 'TRIP_CANCELLED' } })).toBe(0)
    const actions = (await db.auditEntry.findMany({ where: { groupId: group.id }, select: { action: true } })).map((e) => e.action).sort()
    expect(actions).toEqual(['booking.move', 'booking.move', 'trip.cancelAndMove'])
  })

  test('one target full: the whole operation rolls back and nothing changes', async () => {
    const { coordinator, group, runs } = await groupWithRuns([4, 4, 2])
    const [broken, roomy, tight] = runs as [(typeof runs)[0], (typeof runs)[0], (typeof runs)[0]]
    const p1 = await bookParty(broken.id)
    const p2 = await bookParty(broken.id, { companions: 1 })
    await bookParty(tight.id) // one seat left in `tight`: the party of two does not fit
    const waiting = await bookParty(broken.id, { companions: 2 }) // waitlisted behind nothing: 4 − 3 = 1 free
    expect(waiting.booking.status).toBe('WAITLISTED')
    const before = await snapshot([broken.id, roomy.id, tight.id])
    const people = [p1.rider.id, p2.rider.id, waiting.rider.id, ...runs.map((r) => r.driverId)]
    const notificationsBefore = await db.notification.count({ where: { userId: { in: people } } })
    const auditBefore = await db.auditEntry.count({ where: { groupId: group.id } })

    const error = (await cancelRunAndMove(coordinator, {
      tripId: broken.id,
      moves: [{ bookingId: p1.booking.id, targetTripId: roomy.id, confirm: true }, { bookingId: p2.booking.id, targetTripId: tight.id, confirm: true }],
      reason: '',
    }).catch((e: unknown) => e)) as AppError
    expect(error).toBeInstanceOf(AppError)
    expect(error.code).toBe('TARGET_FULL')
    expect(error.options.details).toMatchObject({ bookingId: p2.booking.id, targetTripId: tight.id })
    expect(await snapshot([broken.id, roomy.id, tight.id])).toEqual(before)
    expect(await db.notification.count({ where: { userId: { in: people } } })).toBe(notificationsBefore)
    expect(await db.auditEntry.count({ where: { groupId: group.id } })).toBe(auditBefore)
  })

  test('refuses targets outside the group and parties that are not on the run', async () => {
    const { coordinator, runs } = await groupWithRuns([4, 4])
    const outside = await groupWithRuns([4])
    const p = await bookParty(runs[0]!.id)
    const elsewhere = await bookParty(runs[1]!.id)
    await expect(cancelRunAndMove(coordinator, { tripId: runs[0]!.id, moves: [{ bookingId: p.booking.id, targetTripId: outside.runs[0]!.id, confirm: true }] })).rejects.toMatchObject({ code: 'NOT_FOUND' })
    await expect(cancelRunAndMove(coordinator, { tripId: runs[0]!.id, moves: [{ bookingId: elsewhere.booking.id, targetTripId: runs[1]!.id, confirm: true }] })).rejects.toMatchObject({ code: 'BOOKING_CHANGED' })
    expect((await db.trip.findUniqueOrThrow({ where: { id: runs[0]!.id } })).status).toBe('SCHEDULED')
  })

  test('a coordinator of another group cannot cancel this group’s run', async () => {
    const { runs } = await groupWithRuns([4])
    const stranger = await createGroup({ drivers: 0 })
    await expect(cancelRunAndMove(stranger.coordinator, { tripId: runs[0]!.id, moves: [] })).rejects.toMatchObject({ code: 'FORBIDDEN' })
    expect((await db.trip.findUniqueOrThrow({ where: { id: runs[0]!.id } })).status).toBe('SCHEDULED')
  })
})
