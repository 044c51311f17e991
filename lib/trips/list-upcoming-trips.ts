import { db } from '@/lib/db'
import { dbDateFromIso, addDaysIso, todayInKz } from '@/lib/dates/kz-date'

export type TripSummary = Awaited<ReturnType<typeof listUpcomingTrips>>[number]

/** Scheduled runs departing from now through the next `days` days, soonest first (home page). */
export async function listUpcomingTrips(options: { days?: number; limit?: number; now?: Date } = {}) {
  const now = options.now ?? new Date()
  const today = todayInKz(now)
  return db.trip.findMany({
    where: {
      status: 'SCHEDULED',
      departureAt: { gt: now },
      departureOn: { gte: dbDateFromIso(today), lte: dbDateFromIso(addDaysIso(today, options.days ?? 7)) },
    },
    orderBy: [{ departureAt: 'asc' }, { id: 'asc' }],
    take: options.limit ?? 12,
    select: {
      id: true,
      departureAt: true,
      roundTrip: true,
      returnAt: true,
      seatsTotal: true,
      seatsTaken: true,
      pricingMode: true,
      pricePerSeatTenge: true,
      totalCostTenge: true,
      minRiders: true,
      driverShares: true,
      pickupLabel: true,
      pickupPoint: { select: { nameRu: true, nameEn: true } },
      originCity: { select: { nameRu: true, nameEn: true } },
      destinationCity: { select: { nameRu: true, nameEn: true } },
      checkpoint: { select: { nameRu: true, nameEn: true } },
    },
  })
}
