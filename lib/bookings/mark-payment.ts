// The payment log, no money held: owed → paid (the rider marks) → confirmed (the driver marks);
// either side may flag a dispute.
import { z } from 'zod'
import type { Actor } from '@/lib/auth/permissions'
import { db } from '@/lib/db'
import { AppError } from '@/lib/errors'
import { notify } from '@/lib/notifications/notify'
import { writeAudit } from '@/lib/dispatch/audit'
import { canManageTrip } from '@/lib/trips/managed-trip'

export const markPaymentSchema = z.strictObject({ bookingId: z.uuid(), state: z.enum(['PAID', 'CONFIRMED', 'DISPUTED']) })

// A dispute needs a payment to be about: it opens once the rider marked the seat paid (or the driver
// confirmed it), never while nothing has been paid yet.
const allowedFrom = { PAID: ['OWED'], CONFIRMED: ['OWED', 'PAID', 'DISPUTED'], DISPUTED: ['PAID', 'CONFIRMED'] } as const

export async function markPayment(actor: Actor, input: z.infer<typeof markPaymentSchema>, now: Date = new Date()) {
  return db.$transaction(async (tx) => {
    const booking = await tx.booking.findUnique({
      where: { id: input.bookingId },
      select: { id: true, riderId: true, status: true, paymentState: true, tripId: true, trip: { select: { driverId: true, groupId: true } } },
    })
    if (!booking) throw new AppError('NOT_FOUND')
    const isRider = booking.riderId === actor.id
    const isDriver = await canManageTrip(tx, actor, booking.trip)
    if (!isRider && !isDriver) throw new AppError('NOT_FOUND')
    if (input.state === 'PAID' && !isRider) throw new AppError('FORBIDDEN')
    if (input.state === 'CONFIRMED' && !isDriver) throw new AppError('FORBIDDEN')
    if (booking.status !== 'CONFIRMED') throw new AppError('BOOKING_NOT_ACTIVE', { status: 409 })
    if (!(allowedFrom[input.state] as readonly string[]).includes(booking.paymentState)) {
      throw new AppError('BAD_PAYMENT_CHANGE', { status: 409, params: { from: booking.paymentState, to: input.state } })
    }
    const [row] = await tx.$queryRaw<{ id: string }[]>`
      UPDATE bookings SET payment_state = ${input.state}::"PaymentState",
        paid_at = CASE WHEN ${input.state} = 'PAID' THEN ${now} ELSE paid_at END,
        payment_confirmed_at = CASE WHEN ${input.state} = 'CONFIRMED' THEN ${now} ELSE payment_confirmed_at END,
        updated_at = now()
      WHERE id = ${booking.id}::uuid AND payment_state = ${booking.paymentState}::"PaymentState" RETURNING id`
    if (!row) throw new AppError('CONFLICT')
    await writeAudit(tx, { groupId: booking.trip.groupId, actorId: actor.id, action: 'booking.payment', entityType: 'booking', entityId: booking.id, before: { paymentState: booking.paymentState }, after: { paymentState: input.state } })
    const kind = input.state === 'PAID' ? 'PAYMENT_MARKED_PAID' : input.state === 'CONFIRMED' ? 'PAYMENT_CONFIRMED' : 'PAYMENT_DISPUTED'
    await notify(tx, [{ userId: isRider ? booking.trip.driverId : booking.riderId, kind, params: { tripId: booking.tripId, bookingId: booking.id } }])
    return { id: booking.id, paymentState: input.state }
  })
}
