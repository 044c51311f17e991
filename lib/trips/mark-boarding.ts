import { z } from 'zod'
import type { Actor } from '@/lib/auth/permissions'
import { db } from '@/lib/db'
import { AppError } from '@/lib/errors'
import { writeAudit } from '@/lib/dispatch/audit'
import { syncRiderNoShow } from '@/lib/no-shows/sync-rider-no-show'
import { loadManagedTrip } from '@/lib/trips/managed-trip'

export const markBoardingSchema = z.strictObject({
  bookingId: z.uuid(),
  position: z.number().int().min(0).max(7),
  boarding: z.enum(['PENDING', 'BOARDED', 'NO_SHOW']),
})

/** Check-in at the pickup: a traveller boarded or did not show. No-shows are not cancelled. */
export async function markBoarding(actor: Actor, input: z.infer<typeof markBoardingSchema>) {
  return db.$transaction(async (tx) => {
    const booking = await tx.booking.findUnique({ where: { id: input.bookingId }, select: { tripId: true, status: true } })
    if (!booking) throw new AppError('NOT_FOUND')
    const trip = await loadManagedTrip(tx, actor, booking.tripId)
    if (booking.status !== 'CONFIRMED') throw new AppError('BOOKING_NOT_ACTIVE', { status: 409 })
    if (!['SCHEDULED', 'BOARDING', 'DEPARTED'].includes(trip.status)) throw new AppError('TRIP_ALREADY_LEFT', { status: 409 })
    const before = await tx.bookingTraveller.findUnique({ where: { bookingId_position: { bookingId: input.bookingId, position: input.position } }, select: { boarding: true } })
    const updated = await tx.bookingTraveller.updateMany({
      where: { bookingId: input.bookingId, position: input.position },
      data: { boarding: input.boarding },
    })
    if (updated.count === 0) throw new AppError('NOT_FOUND')
    // A NO_SHOW mark counts on the rider's record (docs/decisions/009-trust-and-moderation.md).
    await syncRiderNoShow(tx, input.bookingId, actor.id)
    await writeAudit(tx, { groupId: trip.groupId, actorId: actor.id, action: 'booking.boarding', entityType: 'booking', entityId: input.bookingId, before: { position: input.position, boarding: before?.boarding }, after: { position: input.position, boarding: input.boarding } })
    return { bookingId: input.bookingId, position: input.position, boarding: input.boarding }
  })
}
