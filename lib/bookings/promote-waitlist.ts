// When seats free up, the first waitlisted party that fits is promoted automatically — after its
// travellers are checked again (their travel log may have changed since they joined) — and told.
import { checkTraveller, loadTravellersForCheck, worstVerdict } from '@/lib/bookings/legal-check'
import { isoFromDbDate } from '@/lib/dates/kz-date'
import { isAppError } from '@/lib/errors'
import type { Prisma } from '@/lib/generated/prisma/client'
import { notify, type NotificationInput } from '@/lib/notifications/notify'

type Tx = Prisma.TransactionClient

export async function promoteWaitlist(tx: Tx, tripId: string, now: Date = new Date()): Promise<string[]> {
  // Lock the run: promotions of one run happen one at a time.
  const [trip] = await tx.$queryRaw<{ status: string; seats_total: number; seats_taken: number; departure_at: Date; departure_on: Date; return_on: Date | null; approval_mode: string; request_ttl_hours: number | null; driver_id: string }[]>`
    SELECT status, seats_total, seats_taken, departure_at, departure_on, return_on, approval_mode, request_ttl_hours, driver_id
    FROM trips WHERE id = ${tripId}::uuid FOR UPDATE`
  if (!trip || trip.status !== 'SCHEDULED' || trip.departure_at <= now) return []
  let free = trip.seats_total - trip.seats_taken
  if (free <= 0) return []

  const waiting = await tx.booking.findMany({
    where: { tripId, status: 'WAITLISTED' },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    select: { id: true, seats: true, riderId: true, travellers: { select: { travellerId: true }, orderBy: { position: 'asc' } } },
  })
  const promoted: string[] = []
  const messages: NotificationInput[] = []
  for (const booking of waiting) {
    if (free <= 0) break
    if (booking.seats > free) continue
    const ids = booking.travellers.map((t) => t.travellerId).filter((id): id is string => id !== null)
    let verdict: 'OK' | 'WARN' | 'BLOCKED' = 'BLOCKED'
    if (booking.riderId && ids.length === booking.seats) {
      try {
        const travellers = await loadTravellersForCheck(tx, booking.riderId, ids, { bookingId: booking.id })
        verdict = worstVerdict(travellers.map((t) => checkTraveller(t, isoFromDbDate(trip.departure_on), trip.return_on ? isoFromDbDate(trip.return_on) : null)))
      } catch (error) {
        if (!isAppError(error)) throw error
      }
    }
    // Each change below is conditional on the party still waiting: its rider may have cancelled (or
    // a coordinator moved it) in a transaction that committed after we read the list — an
    // unconditional update would then bring a cancelled booking back to life.
    if (verdict === 'BLOCKED') {
      const dropped = await tx.booking.updateMany({ where: { id: booking.id, status: 'WAITLISTED' }, data: { status: 'CANCELLED', cancelledAt: now, cancelReason: 'LEGAL_RECHECK_BLOCKED' } })
      if (dropped.count === 0) continue
      messages.push({ userId: booking.riderId, kind: 'WAITLIST_DROPPED_LEGAL', params: { tripId, bookingId: booking.id } })
      continue
    }
    const status = trip.approval_mode === 'INSTANT' ? 'CONFIRMED' : 'PENDING'
    const claimed = await tx.booking.updateMany({
      where: { id: booking.id, status: 'WAITLISTED' },
      data: {
        status,
        verdict,
        decidedAt: status === 'CONFIRMED' ? now : null,
        expiresAt: status === 'PENDING' ? new Date(Math.min(now.getTime() + (trip.request_ttl_hours ?? 3) * 3_600_000, trip.departure_at.getTime())) : null,
      },
    })
    if (claimed.count === 0) continue
    await tx.$executeRaw`UPDATE trips SET seats_taken = seats_taken + ${booking.seats}, updated_at = now() WHERE id = ${tripId}::uuid`
    free -= booking.seats
    promoted.push(booking.id)
    messages.push({ userId: booking.riderId, kind: 'PROMOTED_FROM_WAITLIST', params: { tripId, bookingId: booking.id, pending: status === 'PENDING' ? 1 : 0 } })
    messages.push({ userId: trip.driver_id, kind: 'BOOKING_RECEIVED', params: { tripId, bookingId: booking.id, seats: booking.seats, pending: status === 'PENDING' ? 1 : 0 } })
  }
  await notify(tx, messages)
  return promoted
}

/** Gives a live booking's seats back to the run (CONFIRMED and PENDING hold seats; WAITLISTED not). */
export async function releaseSeats(tx: Tx, tripId: string, seats: number): Promise<void> {
  await tx.$executeRaw`UPDATE trips SET seats_taken = seats_taken - ${seats}, updated_at = now() WHERE id = ${tripId}::uuid`
}
