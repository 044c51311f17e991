// Deleting an account: the person's data goes (travellers, stays, documents, cars, notifications,
// group memberships, name, email, phone, password); live bookings on future runs are cancelled
// (seats go to the waitlist); bookings on past runs stay for the drivers' records, anonymised.
import { randomUUID } from 'node:crypto'
import { z } from 'zod'
import type { Actor } from '@/lib/auth/permissions'
import { verifyPassword } from '@/lib/auth/password'
import { promoteWaitlist, releaseSeats } from '@/lib/bookings/promote-waitlist'
import { db } from '@/lib/db'
import { AppError } from '@/lib/errors'
import { notify } from '@/lib/notifications/notify'

export const deleteAccountSchema = z.strictObject({ password: z.string().min(1).max(200), confirm: z.literal(true) })

export async function deleteAccount(actor: Actor, input: z.infer<typeof deleteAccountSchema>, now: Date = new Date()) {
  const user = await db.user.findUniqueOrThrow({ where: { id: actor.id }, select: { passwordHash: true } })
  if (!(await verifyPassword(user.passwordHash, input.password))) {
    throw new AppError('VALIDATION', { fields: { password: [{ key: 'validation.wrongPassword' }] } })
  }
  const upcomingRuns = await db.trip.count({
    where: { driverId: actor.id, status: { in: ['SCHEDULED', 'BOARDING', 'DEPARTED', 'AT_BORDER', 'RETURNED'] }, bookings: { some: { status: { in: ['PENDING', 'CONFIRMED', 'WAITLISTED'] } } } },
  })
  if (upcomingRuns > 0) throw new AppError('DRIVER_HAS_UPCOMING_RUNS', { status: 409, params: { count: upcomingRuns } })

  await db.$transaction(async (tx) => {
    const live = await tx.booking.findMany({
      where: { riderId: actor.id, status: { in: ['PENDING', 'CONFIRMED', 'WAITLISTED'] }, trip: { status: { in: ['SCHEDULED', 'BOARDING'] } } },
      select: { id: true, tripId: true, seats: true, status: true, trip: { select: { driverId: true } } },
    })
    for (const b of live) {
      await tx.booking.update({ where: { id: b.id }, data: { status: 'CANCELLED', cancelledAt: now, cancelReason: 'ACCOUNT_DELETED' } })
      if (b.status !== 'WAITLISTED') {
        await releaseSeats(tx, b.tripId, b.seats)
        await notify(tx, [{ userId: b.trip.driverId, kind: 'BOOKING_CANCELLED_BY_RIDER', params: { tripId: b.tripId, bookingId: b.id, seats: b.seats, rider: '—' } }])
        await promoteWaitlist(tx, b.tripId, now)
      }
    }
    // Past bookings stay, anonymised: no name, no legal-check inputs or reasons.
    await tx.$executeRaw`UPDATE booking_travellers bt SET name = '—', reasons = '[]'::jsonb, check_inputs = '{}'::jsonb
      FROM bookings b WHERE b.id = bt.booking_id AND b.rider_id = ${actor.id}::uuid`
    await tx.booking.updateMany({ where: { riderId: actor.id }, data: { riderId: null, idempotencyKey: null, idempotencyFingerprint: null } })
    await tx.traveller.deleteMany({ where: { accountId: actor.id } })
    await tx.notification.deleteMany({ where: { userId: actor.id } })
    await tx.groupMember.deleteMany({ where: { userId: actor.id } })
    await tx.car.updateMany({ where: { ownerId: actor.id }, data: { plate: '—', archivedAt: now } })
    await tx.$executeRaw`DELETE FROM rate_limits WHERE key LIKE ${`%:${actor.email}`}`
    await tx.user.update({
      where: { id: actor.id },
      data: {
        email: `deleted-${randomUUID()}@deleted.invalid`,
        name: '—',
        phone: null,
        passwordHash: `deleted:${randomUUID()}`,
        roles: [],
        deletedAt: now,
        // Every session ends with the account (a deleted account is refused anyway; this says so).
        sessionVersion: { increment: 1 },
      },
    })
  })
  return { deleted: true }
}
