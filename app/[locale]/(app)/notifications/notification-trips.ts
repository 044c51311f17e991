// The runs a page of notifications is about: to name each route in the reader's language (the
// stored params carry the Russian names) and to link the driver to their own view of the run.
import { db } from '@/lib/db'

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

export async function loadNotificationTrips(tripIds: unknown[]) {
  const ids = [...new Set(tripIds.filter((id): id is string => typeof id === 'string' && UUID.test(id)))]
  const trips = ids.length
    ? await db.trip.findMany({
        where: { id: { in: ids } },
        select: { id: true, driverId: true, departureAt: true, originCity: { select: { nameRu: true, nameEn: true } }, destinationCity: { select: { nameRu: true, nameEn: true } } },
      })
    : []
  return new Map(trips.map((trip) => [trip.id, trip]))
}
