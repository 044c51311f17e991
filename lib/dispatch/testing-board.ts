// Test helpers for the day board's integration tests: a group with two runs tomorrow and riders
// booked on them through the real booking service.
import { bookSeats } from '@/lib/bookings/book-seats'
import { addDaysIso, kzInstant, todayInKz } from '@/lib/dates/kz-date'
import { createGroup, createRider, createTrip } from '@/lib/testing/factories'
import type { Prisma } from '@/lib/generated/prisma/client'

/** Runs tomorrow at 07:00, 08:00, 09:00… (one driver each), so the board's order is the runs' order. */
export async function groupWithRuns(seats: number[] = [4, 4], overrides: Partial<Prisma.TripUncheckedCreateInput>[] = []) {
  const { coordinator, group, drivers } = await createGroup({ drivers: seats.length })
  const on = addDaysIso(todayInKz(), 1)
  const runs = []
  for (const [i, n] of seats.entries()) {
    const d = drivers[i]!
    const departureAt = kzInstant(on, `${String(7 + i).padStart(2, '0')}:00`)
    runs.push(await createTrip({ driverId: d.driver.id, carId: d.car.id, groupId: group.id, seatsTotal: n, departureAt, ...(overrides[i] ?? {}) }))
  }
  return { coordinator, group, drivers, runs }
}

export async function bookParty(tripId: string, options: { companions?: number; stays?: { entryOn: string; exitOn: string | null }[]; citizenship?: string } = {}) {
  const r = await createRider(options)
  const booking = await bookSeats(r.rider, { tripId, travellerIds: r.travellerIds, acknowledgeWarning: true, joinWaitlist: true })
  return { ...r, booking }
}
