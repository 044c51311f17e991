import { describe, expect, test } from 'vitest'
import { bookSeats } from '@/lib/bookings/book-seats'
import { addDaysIso, todayInKz } from '@/lib/dates/kz-date'
import { db } from '@/lib/db'
import { AppError } from '@/lib/errors'
import { createGroup, createRider, createTrip } from '@/lib/testing/factories'
import { moveParty } from './move-party'

async function groupWithTwoRuns(seats: [number, number] = [4, 4]) {
  const { coordinator, group, drivers } = await createGroup({ drivers: 2 })
  const [a, b] = drivers as [(typeof drivers)[0], (typeof drivers)[0]]
  const from = await createTrip({ driverId: a.driver.id, carId: a.car.id, groupId: group.id, seatsTotal: seats[0] })
  const to = await createTrip({ driverId: b.driver.id, carId: b.car.id, groupId: group.id, seatsTotal: seats[1] })
  return { coordinator, group, from, to, drivers: [a, b] as const }
}

const book = async (tripId: string, companions = 0, stays?: { entryOn: string; exitOn: string | null }[]) => {
  const r = await createRider({ companions, stays })
  const booking = await bookSeats(r.rider, { tripId, travellerIds: r.travellerIds, acknowledgeWarning: true, joinWaitlist: true })
  return { ...r, booking }
}

describe('moveParty', () => {
  test('moves a party: seats follow, both drivers and the rider are told, the move is audited', async () => {
    const { coordinator, group, from, to, drivers } = await groupWithTwoRuns()
    const party = await book(from.id, 1)
    const result = await moveParty(coordinator, { bookingId: party.booking.id, targetTripId: to.id })
    expect(result).toMatchObject({ fromTripId: from.id, toTripId: to.id, verdict: 'OK' })
    const [f, t] = await Promise.all([from.id, to.id].map((id) => db.trip.findUniqueOrThrow({ where: { id }, select: { seatsTaken: true } })))
    expect([f!.seatsTaken, t!.seatsTaken]).toEqual([0, 2])
    expect(await db.booking.findUniqueOrThrow({ where: { id: party.booking.id }, select: { tripId: true, status: true } })).toEqual({ tripId: to.id, status: 'CONFIRMED' })
    expect(await db.notification.count({ where: { userId: party.rider.id, kind: 'MOVED_TO_TRIP' } })).toBe(1)
    expect(await db.notification.count({ where: { userId: drivers[1].driver.id, kind: 'PARTY_MOVED_IN' } })).toBe(1)
    expect(await db.notification.count({ where: { userId: drivers[0].driver.id, kind: 'PARTY_MOVED_OUT' } })).toBe(1)
    const audit = await db.auditEntry.findFirstOrThrow({ where: { groupId: group.id, action: 'booking.move', entityId: party.booking.id } })
    expect(audit).toMatchObject({ actorId: coordinator.id, before: { tripId: from.id }, after: { tripId: to.id } })
  })

  test('a move into a run that filled up meanwhile is refused and changes nothing', async () => {
    const { coordinator, from, to } = await groupWithTwoRuns([4, 2])
    const party = await book(from.id, 1)
    await book(to.id) // 1 of 2 seats left: a party of two no longer fits
    const error = (await moveParty(coordinator, { bookingId: party.booking.id, targetTripId: to.id }).catch((e: unknown) => e)) as AppError
    expect(error).toBeInstanceOf(AppError)
    expect(error.code).toBe('TARGET_FULL')
    expect(await db.booking.findUniqueOrThrow({ where: { id: party.booking.id }, select: { tripId: true } })).toEqual({ tripId: from.id })
    expect((await db.trip.findUniqueOrThrow({ where: { id: from.id } })).seatsTaken).toBe(2)
  })

  test('two coordinators racing for the last seats of one run: exactly one move wins', async () => {
    const { coordinator, from, to } = await groupWithTwoRuns([4, 2])
    const p1 = await book(from.id, 1)
    const p2 = await book(from.id, 1)
    const outcomes = await Promise.allSettled([
      moveParty(coordinator, { bookingId: p1.booking.id, targetTripId: to.id }),
      moveParty(coordinator, { bookingId: p2.booking.id, targetTripId: to.id }),
    ])
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1)
    expect(outcomes.filter((o) => o.status === 'rejected').map((o) => ((o as PromiseRejectedResult).reason as AppError).code)).toEqual(['TARGET_FULL'])
    expect((await db.trip.findUniqueOrThrow({ where: { id: to.id } })).seatsTaken).toBe(2)
    expect((await db.trip.findUniqueOrThrow({ where: { id: from.id } })).seatsTaken).toBe(2)
  })

  test('the legal check runs again for the target dates', async () => {
    const { coordinator, group, drivers } = await createGroup({ drivers: 2 })
    const soon = await createTrip({ driverId: drivers[0]!.driver.id, carId: drivers[0]!.car.id, groupId: group.id, daysAhead: 1 })
    const late = await createTrip({ driverId: drivers[1]!.driver.id, carId: drivers[1]!.car.id, groupId: group.id, daysAhead: 5 })
    // 87 days in Kazakhstan by tomorrow... and over 90 by the later run.
    const party = await book(soon.id, 0, [{ entryOn: addDaysIso(todayInKz(), -85), exitOn: null }])
    expect(party.booking.status).toBe('CONFIRMED')
    await expect(moveParty(coordinator, { bookingId: party.booking.id, targetTripId: late.id })).rejects.toMatchObject({ code: 'LEGAL_BLOCKED' })
  })

  test('a coordinator of another group cannot move parties of this group', async () => {
    const { from, to } = await groupWithTwoRuns()
    const stranger = await createGroup({ drivers: 0 })
    const party = await book(from.id)
    await expect(moveParty(stranger.coordinator, { bookingId: party.booking.id, targetTripId: to.id })).rejects.toMatchObject({ code: 'FORBIDDEN' })
  })
})
