import type { Prisma } from '@/lib/generated/prisma/client'
import { notify } from '@/lib/notifications/notify'

type Tx = Prisma.TransactionClient

/** Cancels a run inside a transaction: every live booking and waitlist place ends, seats are
 * cleared and every rider is told. */
export async function cancelTripInTx(tx: Tx, tripId: string, reason: string, now: Date): Promise<number> {
  const trip = await tx.trip.update({
    where: { id: tripId },
    data: { status: 'CANCELLED', cancelledAt: now, seatsTaken: 0 },
    select: { departureAt: true, originCity: { select: { nameRu: true } }, destinationCity: { select: { nameRu: true } } },
  })
  const live = await tx.booking.findMany({
    where: { tripId, status: { in: ['PENDING', 'CONFIRMED', 'WAITLISTED'] } },
    select: { id: true, riderId: true },
  })
  await tx.booking.updateMany({
    where: { id: { in: live.map((b) => b.id) } },
    data: { status: 'CANCELLED', cancelledAt: now, cancelReason: 'TRIP_CANCELLED' },
  })
  await notify(
    tx,
    live.map((b) => ({
      userId: b.riderId,
      kind: 'TRIP_CANCELLED' as const,
      params: { tripId, bookingId: b.id, route: `${trip.originCity.nameRu} → ${trip.destinationCity.nameRu}`, departureAt: trip.departureAt.toISOString(), reason },
    })),
  )
  return live.length
}
