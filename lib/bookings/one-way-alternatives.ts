// Leaving is never refused on legal grounds: when a round trip is refused because the rider would
// leave over the limit, the booking answer offers the one-way runs out from the same city through
// the same checkpoint in the next days (public run data only).
import { db } from '@/lib/db'

/** How far ahead one-way runs are offered. */
export const ONE_WAY_SEARCH_DAYS = 3

export type OneWayAlternative = { tripId: string; departureAt: string; seatsLeft: number }

export async function findOneWayAlternatives(
  trip: { id: string; originCityId: string; checkpointId: string },
  now: Date = new Date(),
): Promise<OneWayAlternative[]> {
  const rows = await db.trip.findMany({
    where: {
      id: { not: trip.id },
      status: 'SCHEDULED',
      roundTrip: false,
      originCityId: trip.originCityId,
      checkpointId: trip.checkpointId,
      departureAt: { gt: now, lte: new Date(now.getTime() + ONE_WAY_SEARCH_DAYS * 86_400_000) },
    },
    orderBy: [{ departureAt: 'asc' }, { id: 'asc' }],
    take: 5,
    select: { id: true, departureAt: true, seatsTotal: true, seatsTaken: true },
  })
  return rows.filter((r) => r.seatsTaken < r.seatsTotal).map((r) => ({ tripId: r.id, departureAt: r.departureAt.toISOString(), seatsLeft: r.seatsTotal - r.seatsTaken }))
}
