// A run as its driver edits it: the stored fields the manifest does not carry (checkpoint and
// pickup ids, notes, answer time, series), with times as the driver typed them (Kazakhstan time).
// Only someone who may manage the run gets it (loadManagedTrip); anyone else: not found.
import { z } from 'zod'
import type { Actor } from '@/lib/auth/permissions'
import { isoFromDbDate } from '@/lib/dates/kz-date'
import { db } from '@/lib/db'
import { AppError, isAppError } from '@/lib/errors'
import { loadManagedTrip } from '@/lib/trips/managed-trip'

const clockOf = (at: Date) => new Date(at.getTime() + 5 * 3_600_000).toISOString().slice(11, 16)

export async function loadDriverTrip(actor: Actor, tripId: string) {
  if (!z.uuid().safeParse(tripId).success) throw new AppError('NOT_FOUND')
  await loadManagedTrip(db, actor, tripId)
  const trip = await db.trip.findUniqueOrThrow({
    where: { id: tripId },
    select: {
      id: true, status: true, seriesId: true, carId: true, originCityId: true, destinationCityId: true, checkpointId: true,
      pickupPointId: true, pickupLabel: true, pickupLat: true, pickupLng: true,
      departureAt: true, departureOn: true, roundTrip: true, returnAt: true, returnOn: true,
      seatsTotal: true, seatsTaken: true, pricingMode: true, pricePerSeatTenge: true, totalCostTenge: true, driverShares: true,
      minRiders: true, approvalMode: true, requestTtlHours: true, notes: true,
      car: { select: { seats: true } },
      _count: { select: { bookings: { where: { status: { in: ['PENDING', 'CONFIRMED', 'WAITLISTED'] } } } } },
    },
  })
  const { car, _count, departureAt, returnAt, departureOn, returnOn, ...rest } = trip
  return {
    ...rest,
    departureAt,
    returnAt,
    departureOn: isoFromDbDate(departureOn),
    departureTime: clockOf(departureAt),
    returnOn: returnOn ? isoFromDbDate(returnOn) : null,
    returnTime: returnAt ? clockOf(returnAt) : null,
    carSeats: car.seats,
    liveBookings: _count.bookings,
  }
}

export type DriverTrip = Awaited<ReturnType<typeof loadDriverTrip>>

/** A run that is not there, or not the actor's to manage, is "not found" for a page. */
export function isMissingTrip(error: unknown): boolean {
  return isAppError(error) && (error.code === 'NOT_FOUND' || error.code === 'FORBIDDEN')
}
