import { describe, expect, test } from 'vitest'
import { bookSeats } from '@/lib/bookings/book-seats'
import { formatDateTime } from '@/lib/format'
import { addDaysIso, kzInstant, todayInKz } from '@/lib/dates/kz-date'
import { db } from '@/lib/db'
import { AppError } from '@/lib/errors'
import { changeLines } from '@/lib/notifications/change-lines'
import { readChangeSummary } from '@/lib/notifications/changes'
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
    const result = await moveParty(coordinator, { bookingId: party.booking.id, targetTripId: to.id, confirm: true })
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
    const error = (await moveParty(coordinator, { bookingId: party.booking.id, targetTripId: to.id, confirm: true }).catch((e: unknown) => e)) as AppError
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
      moveParty(coordinator, { bookingId: p1.booking.id, targetTripId: to.id, confirm: true }),
      moveParty(coordinator, { bookingId: p2.booking.id, targetTripId: to.id, confirm: true }),
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
    await expect(moveParty(coordinator, { bookingId: party.booking.id, targetTripId: late.id, confirm: true })).rejects.toMatchObject({ code: 'LEGAL_BLOCKED' })
  })

  test('a coordinator of another group cannot move parties of this group', async () => {
    const { from, to } = await groupWithTwoRuns()
    const stranger = await createGroup({ drivers: 0 })
    const party = await book(from.id)
    await expect(moveParty(stranger.coordinator, { bookingId: party.booking.id, targetTripId: to.id, confirm: true })).rejects.toMatchObject({ code: 'FORBIDDEN' })
  })
})

describe('a move to a run that differs', () => {
  test('departure more than 30 minutes apart, another pickup, a higher price: refused until confirmed, with the differences', async () => {
    const { coordinator, group, drivers } = await createGroup({ drivers: 2 })
    const on = addDaysIso(todayInKz(), 1)
    const from = await createTrip({ driverId: drivers[0]!.driver.id, carId: drivers[0]!.car.id, groupId: group.id, departureAt: kzInstant(on, '07:00'), returnAt: kzInstant(on, '19:00') })
    const to = await createTrip({
      driverId: drivers[1]!.driver.id, carId: drivers[1]!.car.id, groupId: group.id, departureAt: kzInstant(on, '09:30'), roundTrip: false, returnAt: null, returnOn: null,
      pickupLabel: 'Sayakhat', pricePerSeatTenge: 5000, seatPriceTenge: 5000,
    })
    const party = await book(from.id, 0)
    const refused = (await moveParty(coordinator, { bookingId: party.booking.id, targetTripId: to.id }).catch((e: unknown) => e)) as AppError
    expect(refused.code).toBe('MOVE_NEEDS_CONFIRMATION')
    expect((refused.options.details as { significant: string[] }).significant).toEqual(['time', 'returnLeg', 'pickup', 'price'])
    expect((await db.booking.findUniqueOrThrow({ where: { id: party.booking.id } })).tripId).toBe(from.id)

    await moveParty(coordinator, { bookingId: party.booking.id, targetTripId: to.id, confirm: true, reason: 'Машина сломалась' })
    const booking = await db.booking.findUniqueOrThrow({ where: { id: party.booking.id } })
    expect(booking.tripId).toBe(to.id)
    expect(booking.changedByDriverAt).not.toBeNull()
    const summary = readChangeSummary(booking.changeSummary)!
    expect(summary.reason).toBe('Машина сломалась')
    expect(summary.changes.map((c) => c.field)).toEqual(['time', 'returnLeg', 'pickup', 'price', 'car'])
    // The rider reads exactly what changed, before → after, with the reason.
    const lines = await changeLines('ru', summary)
    expect(lines).toContain(`Отправление: ${formatDateTime('ru', kzInstant(on, '07:00'))} → ${formatDateTime('ru', kzInstant(on, '09:30'))}`)
    expect(lines).toContain('Обратный рейс: туда и обратно → только туда')
    expect(lines).toContain('Посадка: Sairan → Sayakhat')
    expect(lines.find((l) => l.startsWith('Цена за место'))).toMatch(/4\s000\s₸ → 5\s000\s₸/)
    const notice = await db.notification.findFirstOrThrow({ where: { userId: party.rider.id, kind: 'MOVED_TO_TRIP' } })
    expect((notice.params as { reason: string }).reason).toBe('Машина сломалась')
  })

  test('a run 20 minutes later at the same pickup and price moves at once', async () => {
    const { coordinator, group, drivers } = await createGroup({ drivers: 2 })
    const on = addDaysIso(todayInKz(), 1)
    const from = await createTrip({ driverId: drivers[0]!.driver.id, carId: drivers[0]!.car.id, groupId: group.id, departureAt: kzInstant(on, '07:00') })
    const to = await createTrip({ driverId: drivers[1]!.driver.id, carId: drivers[1]!.car.id, groupId: group.id, departureAt: kzInstant(on, '07:20') })
    const party = await book(from.id, 0)
    await moveParty(coordinator, { bookingId: party.booking.id, targetTripId: to.id })
    expect((await db.booking.findUniqueOrThrow({ where: { id: party.booking.id } })).tripId).toBe(to.id)
  })
})
