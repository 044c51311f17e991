import { z } from 'zod'
import type { Actor } from '@/lib/auth/permissions'
import { isoFromDbDate, dbDateFromIso } from '@/lib/dates/kz-date'
import { db } from '@/lib/db'
import { AppError } from '@/lib/errors'
import type { Prisma } from '@/lib/generated/prisma/client'
import { notify } from '@/lib/notifications/notify'
import { writeAudit } from '@/lib/dispatch/audit'
import { cancelTripInTx } from '@/lib/trips/cancel-trip'
import { loadManagedTrip } from '@/lib/trips/managed-trip'
import { canMoveTo, tripStatuses } from '@/lib/trips/trip-status'

type Tx = Prisma.TransactionClient

export const setTripStatusSchema = z.strictObject({
  tripId: z.uuid(),
  status: z.enum(tripStatuses),
  /** Optimistic check: the status the caller saw (a day board refuses a stale change). */
  expectedStatus: z.enum(tripStatuses).optional(),
  reason: z.string().trim().max(300).optional(),
})

/** Moves a run to its next status. Completing it writes each boarded traveller's crossing into
 * their travel log; cancelling it tells every rider and clears seats and waitlist. */
export async function setTripStatus(actor: Actor, input: z.infer<typeof setTripStatusSchema>, now: Date = new Date()) {
  return db.$transaction(async (tx) => {
    const trip = await loadManagedTrip(tx, actor, input.tripId, { lock: true })
    if (input.expectedStatus && trip.status !== input.expectedStatus) {
      throw new AppError('STALE_STATUS', { status: 409, params: { current: trip.status } })
    }
    if (!canMoveTo(trip, input.status)) {
      throw new AppError('BAD_STATUS_CHANGE', { status: 409, params: { from: trip.status, to: input.status } })
    }
    await writeAudit(tx, { groupId: trip.groupId, actorId: actor.id, action: 'trip.status', entityType: 'trip', entityId: trip.id, before: { status: trip.status }, after: { status: input.status, reason: input.reason ?? null } })
    if (input.status === 'CANCELLED') {
      await cancelTripInTx(tx, trip.id, input.reason ?? '', now)
      return { id: trip.id, status: 'CANCELLED' as const }
    }
    await tx.trip.update({
      where: { id: trip.id },
      data: { status: input.status, ...(input.status === 'COMPLETED' ? { completedAt: now } : {}) },
    })
    if (input.status === 'DEPARTED') {
      // Requests nobody approved before departure lapse, and so does the waitlist.
      await tx.booking.updateMany({ where: { tripId: trip.id, status: { in: ['PENDING', 'WAITLISTED'] } }, data: { status: 'EXPIRED', decidedAt: now } })
    }
    if (input.status === 'COMPLETED') await recordCrossings(tx, trip)
    return { id: trip.id, status: input.status }
  })
}

/**
 * Writes the crossing into the travel log of every traveller marked BOARDED: the stay they were in
 * ends on the run's date (exit), and a round trip opens a new stay on the return date (re-entry).
 * A same-day round trip touches the old stay; the engine counts that date once. Riders can correct
 * these entries on "My stay".
 */
async function recordCrossings(tx: Tx, trip: { id: string; departureOn: Date; returnOn: Date | null; roundTrip: boolean }) {
  const exitOn = isoFromDbDate(trip.departureOn)
  const boarded = await tx.bookingTraveller.findMany({
    where: { boarding: 'BOARDED', travellerId: { not: null }, booking: { tripId: trip.id, status: 'CONFIRMED' } },
    select: { travellerId: true, booking: { select: { riderId: true } } },
  })
  const riders = new Set<string>()
  for (const b of boarded) {
    const travellerId = b.travellerId!
    const open = await tx.stay.findFirst({ where: { travellerId, exitOn: null }, select: { id: true, entryOn: true } })
    if (open && isoFromDbDate(open.entryOn) <= exitOn) {
      await tx.stay.update({ where: { id: open.id }, data: { exitOn: dbDateFromIso(exitOn) } })
    } else if (!open) {
      // No open stay recorded: they were in Kazakhstan on the day they left with us at least.
      await tx.stay.create({ data: { travellerId, entryOn: dbDateFromIso(exitOn), exitOn: dbDateFromIso(exitOn), source: 'RUN', tripId: trip.id } })
    }
    if (trip.roundTrip && trip.returnOn) {
      await tx.stay.create({ data: { travellerId, entryOn: trip.returnOn, exitOn: null, source: 'RUN', tripId: trip.id } })
    }
    if (b.booking.riderId) riders.add(b.booking.riderId)
  }
  await notify(tx, [...riders].map((userId) => ({ userId, kind: 'TRIP_COMPLETED_LOGGED' as const, params: { tripId: trip.id, exitOn, returnOn: trip.returnOn ? isoFromDbDate(trip.returnOn) : '' } })))
}
