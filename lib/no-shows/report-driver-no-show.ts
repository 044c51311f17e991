// POST /api/bookings/:id/no-show — the rider says the driver did not come: their confirmed booking,
// a run that was not cancelled, from departure time until 7 days after. The driver is told and may
// dispute it within 7 days (dispute-no-show.ts).
import type { Actor } from '@/lib/auth/permissions'
import { db } from '@/lib/db'
import { AppError } from '@/lib/errors'
import { Prisma } from '@/lib/generated/prisma/client'
import { enforceTrustLimit, trustLimits } from '@/lib/moderation/trust-limits'
import { driverNoShowClaimDeadline } from '@/lib/no-shows/no-show-rules'
import { notify } from '@/lib/notifications/notify'

export async function reportDriverNoShow(actor: Actor, bookingId: string, now: Date = new Date()) {
  await enforceTrustLimit(trustLimits.reportPerAccount, actor.id)
  const booking = await db.booking.findFirst({
    where: { id: bookingId, riderId: actor.id },
    select: { status: true, trip: { select: { id: true, driverId: true, status: true, departureAt: true } } },
  })
  if (!booking) throw new AppError('NOT_FOUND')
  if (booking.status !== 'CONFIRMED' || booking.trip.status === 'CANCELLED') throw new AppError('BOOKING_NOT_ACTIVE', { status: 409 })
  if (now < booking.trip.departureAt) throw new AppError('NO_SHOW_TOO_EARLY', { status: 409 })
  if (now > driverNoShowClaimDeadline(booking.trip.departureAt)) throw new AppError('NO_SHOW_TOO_LATE', { status: 409 })
  try {
    return await db.$transaction(async (tx) => {
      const row = await tx.noShow.create({
        data: { bookingId, tripId: booking.trip.id, absentRole: 'DRIVER', subjectId: booking.trip.driverId, reporterId: actor.id, createdAt: now },
        select: { id: true, status: true },
      })
      await notify(tx, [{ userId: booking.trip.driverId, kind: 'NO_SHOW_CLAIMED', params: { tripId: booking.trip.id, bookingId } }])
      return row
    })
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') throw new AppError('ALREADY_REPORTED', { status: 409 })
    throw error
  }
}
