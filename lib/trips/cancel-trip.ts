import type { Prisma } from '@/lib/generated/prisma/client'
import { notify } from '@/lib/notifications/notify'

type Tx = Prisma.TransactionClient

/** A cancellation this close to departure, with a confirmed rider, counts on the driver's
 * late-cancellation rate (docs/decisions/009-trust-and-moderation.md). */
export const LATE_CANCELLATION_HOURS = 24

/** Cancels a run inside a transaction: every live booking and waitlist place ends, seats are
 * cleared and every rider is told. `byModeration`: an admin suspended the driver — not the
 * driver's late cancellation. */
export async function cancelTripInTx(tx: Tx, tripId: string, reason: string, now: Date, options: { byModeration?: boolean } = {}): Promise<number> {
  const trip = await tx.trip.update({
    where: { id: tripId },
    data: { status: 'CANCELLED', cancelledAt: now, seatsTaken: 0 },
    select: { departureAt: true, originCity: { select: { nameRu: true } }, destinationCity: { select: { nameRu: true } } },
  })
  const live = await tx.booking.findMany({
    where: { tripId, status: { in: ['PENDING', 'CONFIRMED', 'WAITLISTED'] } },
    select: { id: true, riderId: true, status: true },
  })
  if (!options.byModeration && live.some((b) => b.status === 'CONFIRMED') && now.getTime() >= trip.departureAt.getTime() - LATE_CANCELLATION_HOURS * 3_600_000) {
    await tx.trip.update({ where: { id: tripId }, data: { lateCancellation: true } })
  }
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
