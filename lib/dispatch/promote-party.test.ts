import { describe, expect, test } from 'vitest'
import { addDaysIso, todayInKz } from '@/lib/dates/kz-date'
import { db } from '@/lib/db'
import { AppError } from '@/lib/errors'
import { createGroup } from '@/lib/testing/factories'
import { promoteParty } from './promote-party'
import { bookParty, groupWithRuns } from './testing-board'

const seatsTaken = async (id: string) => (await db.trip.findUniqueOrThrow({ where: { id }, select: { seatsTaken: true } })).seatsTaken

describe('promoteParty', () => {
  test('promotes the chosen waitlisted party (not the first in line) when it fits; told and audited', async () => {
    const { coordinator, group, runs, drivers } = await groupWithRuns([2])
    const run = runs[0]!
    await bookParty(run.id)
    await bookParty(run.id)
    const first = await bookParty(run.id)
    const second = await bookParty(run.id)
    expect([first.booking.status, second.booking.status]).toEqual(['WAITLISTED', 'WAITLISTED'])
    // A seat appears (the driver made room); the coordinator gives it to the second in line.
    await db.trip.update({ where: { id: run.id }, data: { seatsTotal: 3 } })
    const result = await promoteParty(coordinator, { bookingId: second.booking.id })
    expect(result).toMatchObject({ bookingId: second.booking.id, status: 'CONFIRMED', verdict: 'OK' })
    expect(await seatsTaken(run.id)).toBe(3)
    expect((await db.booking.findUniqueOrThrow({ where: { id: first.booking.id } })).status).toBe('WAITLISTED')
    expect(await db.notification.count({ where: { userId: second.rider.id, kind: 'PROMOTED_FROM_WAITLIST' } })).toBe(1)
    expect(await db.notification.count({ where: { userId: drivers[0]!.driver.id, kind: 'BOOKING_RECEIVED', params: { path: ['bookingId'], equals: second.booking.id } } })).toBe(1)
    expect(await db.auditEntry.findFirstOrThrow({ where: { groupId: group.id, action: 'booking.promote', entityId: second.booking.id } })).toMatchObject({
      actorId: coordinator.id, before: { status: 'WAITLISTED' }, after: { status: 'CONFIRMED' },
    })
  })

  test('a party that does not fit is refused and nothing changes', async () => {
    const { coordinator, runs } = await groupWithRuns([2])
    await bookParty(runs[0]!.id)
    const pair = await bookParty(runs[0]!.id, { companions: 1 })
    expect(pair.booking.status).toBe('WAITLISTED')
    const error = (await promoteParty(coordinator, { bookingId: pair.booking.id }).catch((e: unknown) => e)) as AppError
    expect(error.code).toBe('PROMOTE_NO_ROOM')
    expect(error.options.params).toEqual({ left: 1, seats: 2 })
    expect(await seatsTaken(runs[0]!.id)).toBe(1)
    expect((await db.booking.findUniqueOrThrow({ where: { id: pair.booking.id } })).status).toBe('WAITLISTED')
  })

  test('the legal check runs again: a party no longer legal for the run is refused', async () => {
    const { coordinator, runs } = await groupWithRuns([1])
    await bookParty(runs[0]!.id)
    const late = await bookParty(runs[0]!.id)
    expect(late.booking.status).toBe('WAITLISTED')
    // Since joining the waitlist, their travel log grew: 95 days in Kazakhstan by the run.
    await db.stay.updateMany({ where: { travellerId: late.travellerId, exitOn: null }, data: { entryOn: new Date(`${addDaysIso(todayInKz(), -94)}T00:00:00Z`) } })
    await db.trip.update({ where: { id: runs[0]!.id }, data: { seatsTotal: 2 } })
    const error = (await promoteParty(coordinator, { bookingId: late.booking.id }).catch((e: unknown) => e)) as AppError
    expect(error.code).toBe('LEGAL_BLOCKED')
    // The coordinator learns the verdict, never the reasons (the rider's days and documents).
    expect(error.options.details).toEqual({ travellers: [{ travellerId: late.travellerId, name: late.rider.name, verdict: 'BLOCKED' }] })
    expect(await seatsTaken(runs[0]!.id)).toBe(1)
  })

  test('only waitlisted parties, and only by a coordinator of the run’s group', async () => {
    const { coordinator, runs } = await groupWithRuns([1])
    const on = await bookParty(runs[0]!.id)
    const waiting = await bookParty(runs[0]!.id)
    await expect(promoteParty(coordinator, { bookingId: on.booking.id })).rejects.toMatchObject({ code: 'NOT_WAITLISTED' })
    const stranger = await createGroup({ drivers: 0 })
    await expect(promoteParty(stranger.coordinator, { bookingId: waiting.booking.id })).rejects.toMatchObject({ code: 'FORBIDDEN' })
  })
})
