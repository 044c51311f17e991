import { z } from 'zod'
import type { Actor } from '@/lib/auth/permissions'
import { promoteWaitlist, releaseSeats } from '@/lib/bookings/promote-waitlist'
import { db } from '@/lib/db'
import { AppError } from '@/lib/errors'
import { notify } from '@/lib/notifications/notify'
import { writeAudit } from '@/lib/dispatch/audit'
import { loadManagedTrip } from '@/lib/trips/managed-trip'

export const decideRequestSchema = z.strictObject({ bookingId: z.uuid(), decision: z.enum(['approve', 'decline']) })

/** The driver approves or declines a request on a manual-approval run. */
export async function decideRequest(actor: Actor, input: z.infer<typeof decideRequestSchema>, now: Date = new Date()) {
  return db.$transaction(async (tx) => {
    const booking = await tx.booking.findUnique({ where: { id: input.bookingId }, select: { tripId: true } })
    if (!booking) throw new AppError('NOT_FOUND')
    const trip = await loadManagedTrip(tx, actor, booking.tripId, { lock: true })
    const status = input.decision === 'approve' ? 'CONFIRMED' : 'DECLINED'
    // Conditional: only a live, unexpired request can be decided (expiry may have won the race).
    const [row] = await tx.$queryRaw<{ seats: number; rider_id: string | null }[]>`
      UPDATE bookings SET status = ${status}::"BookingStatus", decided_at = ${now}, updated_at = now()
      WHERE id = ${input.bookingId}::uuid AND status = 'PENDING' AND (expires_at IS NULL OR expires_at > ${now})
      RETURNING seats, rider_id`
    if (!row) throw new AppError('REQUEST_NOT_PENDING', { status: 409 })
    await writeAudit(tx, { groupId: trip.groupId, actorId: actor.id, action: `booking.${input.decision}`, entityType: 'booking', entityId: input.bookingId, before: { status: 'PENDING' }, after: { status } })
    if (status === 'DECLINED') {
      await releaseSeats(tx, booking.tripId, row.seats)
      await promoteWaitlist(tx, booking.tripId, now)
    }
    await notify(tx, [{ userId: row.rider_id, kind: status === 'CONFIRMED' ? 'REQUEST_APPROVED' : 'REQUEST_DECLINED', params: { tripId: booking.tripId, bookingId: input.bookingId } }])
    return { id: input.bookingId, status }
  })
}
