import type { Actor } from '@/lib/auth/permissions'
import { amountsDue } from '@/lib/bookings/amounts-due'
import { db } from '@/lib/db'

/** "My bookings": the rider's bookings, newest run first, with status, share and payment state. */
export async function listMyBookings(actor: Actor) {
  const bookings = await db.booking.findMany({
    where: { riderId: actor.id },
    orderBy: [{ trip: { departureAt: 'desc' } }, { createdAt: 'desc' }],
    take: 100,
    select: {
      id: true, status: true, seats: true, quotedTenge: true, capTenge: true, paymentState: true, verdict: true, createdAt: true,
      expiresAt: true, changedByDriverAt: true, cancelReason: true, verdictWorsenedAt: true,
      // The rider's own travellers' checks (reasons are theirs to see; never shown to the driver).
      travellers: { select: { name: true, boarding: true, verdict: true, reasons: true }, orderBy: { position: 'asc' } },
      trip: {
        select: {
          id: true, status: true, departureAt: true, returnAt: true, roundTrip: true, pricingMode: true, pricePerSeatTenge: true,
          totalCostTenge: true, minRiders: true, driverShares: true,
          originCity: { select: { nameRu: true, nameEn: true } }, destinationCity: { select: { nameRu: true, nameEn: true } },
          checkpoint: { select: { nameRu: true, nameEn: true } },
        },
      },
    },
  })
  // Amounts need every confirmed party of each run, not only this rider's.
  const tripIds = [...new Set(bookings.map((b) => b.trip.id))]
  const confirmed = await db.booking.findMany({
    where: { tripId: { in: tripIds }, status: 'CONFIRMED' },
    select: { id: true, tripId: true, seats: true, capTenge: true, createdAt: true },
  })
  const dueByBooking = new Map<string, number>()
  for (const tripId of tripIds) {
    const trip = bookings.find((b) => b.trip.id === tripId)!.trip
    for (const [id, amount] of amountsDue(trip, confirmed.filter((c) => c.tripId === tripId))) dueByBooking.set(id, amount)
  }
  return bookings.map((b) => ({ ...b, amountTenge: dueByBooking.get(b.id) ?? null }))
}

export type MyBooking = Awaited<ReturnType<typeof listMyBookings>>[number]
