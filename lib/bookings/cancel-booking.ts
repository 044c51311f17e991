import { z } from 'zod'
import type { Actor } from '@/lib/auth/permissions'
import { promoteWaitlist, releaseSeats } from '@/lib/bookings/promote-waitlist'
import { recheckAfterChange } from '@/lib/bookings/recheck-bookings'
import { db } from '@/lib/db'
import { AppError } from '@/lib/errors'
import { notify } from '@/lib/notifications/notify'

export const cancelBookingSchema = z.strictObject({ bookingId: z.uuid() })

/** The rider cancels their booking (or leaves the waitlist); its seats go to the waitlist. */
export async function cancelBooking(actor: Actor, input: z.infer<typeof cancelBookingSchema>, now: Date = new Date()) {
  const result = await cancelInTx(actor, input, now)
  // The cancelled trip no longer counts for the travellers' other bookings: check them again.
  const travellers = await db.bookingTraveller.findMany({ where: { bookingId: input.bookingId, travellerId: { not: null } }, select: { travellerId: true } })
  await recheckAfterChange({ travellerIds: travellers.map((t) => t.travellerId!) }, now)
  return result
}

function cancelInTx(actor: Actor, input: z.infer<typeof cancelBookingSchema>, now: Date) {
  return db.$transaction(async (tx) => {
    // Lock the booking and learn its state before the change in one statement.
    const [row] = await tx.$queryRaw<{ status: string; seats: number; trip_id: string; rider_id: string | null }[]>`
      SELECT status, seats, trip_id, rider_id FROM bookings WHERE id = ${input.bookingId}::uuid FOR UPDATE`
    if (!row || row.rider_id !== actor.id) throw new AppError('NOT_FOUND')
    if (!['PENDING', 'CONFIRMED', 'WAITLISTED'].includes(row.status)) throw new AppError('BOOKING_NOT_ACTIVE', { status: 409 })
    const trip = await tx.trip.findUniqueOrThrow({ where: { id: row.trip_id }, select: { status: true, departureAt: true, driverId: true } })
    if (trip.status !== 'SCHEDULED' && trip.status !== 'BOARDING') throw new AppError('TRIP_ALREADY_LEFT', { status: 409 })
    await tx.booking.update({ where: { id: input.bookingId }, data: { status: 'CANCELLED', cancelledAt: now, cancelReason: 'RIDER' } })
    if (row.status !== 'WAITLISTED') {
      await releaseSeats(tx, row.trip_id, row.seats)
      await notify(tx, [{ userId: trip.driverId, kind: 'BOOKING_CANCELLED_BY_RIDER', params: { tripId: row.trip_id, bookingId: input.bookingId, seats: row.seats, rider: actor.name } }])
      await promoteWaitlist(tx, row.trip_id, now)
    }
    return { id: input.bookingId, status: 'CANCELLED' as const }
  })
}
