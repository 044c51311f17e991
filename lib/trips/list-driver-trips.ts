import type { Actor } from '@/lib/auth/permissions'
import { db } from '@/lib/db'

/** "My runs": the driver's upcoming runs (soonest first) and recent past ones, with pending
 * request counts. */
export async function listDriverTrips(actor: Actor, now: Date = new Date()) {
  const select = {
    id: true, status: true, departureAt: true, returnAt: true, roundTrip: true, seatsTotal: true, seatsTaken: true, seriesId: true,
    pricingMode: true, pricePerSeatTenge: true, totalCostTenge: true,
    originCity: { select: { nameRu: true, nameEn: true } },
    destinationCity: { select: { nameRu: true, nameEn: true } },
    checkpoint: { select: { nameRu: true, nameEn: true } },
    _count: { select: { bookings: { where: { status: 'PENDING' as const } } } },
  }
  const [upcoming, past] = await Promise.all([
    db.trip.findMany({
      where: { driverId: actor.id, OR: [{ departureAt: { gte: new Date(now.getTime() - 12 * 3_600_000) } }, { status: { in: ['BOARDING', 'DEPARTED', 'AT_BORDER', 'RETURNED'] } }], NOT: { status: { in: ['COMPLETED'] } } },
      orderBy: [{ departureAt: 'asc' }, { id: 'asc' }],
      take: 100,
      select,
    }),
    db.trip.findMany({
      where: { driverId: actor.id, OR: [{ status: 'COMPLETED' }, { departureAt: { lt: new Date(now.getTime() - 12 * 3_600_000) }, status: { in: ['SCHEDULED', 'CANCELLED'] } }] },
      orderBy: [{ departureAt: 'desc' }, { id: 'desc' }],
      take: 30,
      select,
    }),
  ])
  return { upcoming, past }
}
