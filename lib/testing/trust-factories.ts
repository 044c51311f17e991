// Factories for the trust tests (reviews, no-shows, moderation): a run that is over, with a rider's
// confirmed booking on it.
import { db } from '@/lib/db'
import { createDriver, createRider, createTrip } from '@/lib/testing/factories'

/** A driver's run that left yesterday and was completed `completedAgoMs` ago (now by default),
 * with one rider's confirmed booking, their traveller boarded (or not). */
export async function createCompletedRide(options: { completedAgoMs?: number; boarding?: 'BOARDED' | 'NO_SHOW' | 'PENDING'; driver?: Awaited<ReturnType<typeof createDriver>> } = {}) {
  const { driver, car } = options.driver ?? (await createDriver())
  const trip = await createTrip({
    driverId: driver.id,
    carId: car.id,
    daysAhead: -1,
    seatsTaken: 1,
    status: 'COMPLETED',
    completedAt: new Date(Date.now() - (options.completedAgoMs ?? 0)),
  })
  const { rider, travellerId } = await createRider()
  const booking = await db.booking.create({
    data: {
      tripId: trip.id, riderId: rider.id, status: 'CONFIRMED', seats: 1, quotedTenge: 4000, capTenge: 4000, verdict: 'OK', ruleVersion: 'test',
      travellers: { create: [{ position: 0, travellerId, name: rider.name, verdict: 'OK', reasons: [], checkInputs: {}, boarding: options.boarding ?? 'BOARDED' }] },
    },
    select: { id: true },
  })
  return { driver, car, trip, rider, travellerId, booking }
}
