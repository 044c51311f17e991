// Manual-approval requests expire when the driver does not answer in time; their seats go back to
// the run and on to the waitlist. Run by a periodic sweep (instrumentation.ts) and before a run's
// details, manifest or booking are read, so nobody sees a stale request.
import { promoteWaitlist, releaseSeats } from '@/lib/bookings/promote-waitlist'
import { db } from '@/lib/db'
import { notify } from '@/lib/notifications/notify'

export async function expireRequests(options: { tripId?: string; now?: Date } = {}): Promise<number> {
  const now = options.now ?? new Date()
  const due = await db.booking.findMany({
    where: { status: 'PENDING', expiresAt: { lte: now }, ...(options.tripId ? { tripId: options.tripId } : {}) },
    select: { id: true },
    take: 500,
  })
  let expired = 0
  for (const { id } of due) {
    await db.$transaction(async (tx) => {
      // Conditional: a driver approving at the same moment wins or loses cleanly.
      const [row] = await tx.$queryRaw<{ trip_id: string; seats: number; rider_id: string | null }[]>`
        UPDATE bookings SET status = 'EXPIRED', decided_at = ${now}, updated_at = now()
        WHERE id = ${id}::uuid AND status = 'PENDING' AND expires_at <= ${now}
        RETURNING trip_id, seats, rider_id`
      if (!row) return
      expired++
      await releaseSeats(tx, row.trip_id, row.seats)
      await notify(tx, [{ userId: row.rider_id, kind: 'REQUEST_EXPIRED', params: { tripId: row.trip_id, bookingId: id } }])
      await promoteWaitlist(tx, row.trip_id, now)
    })
  }
  return expired
}
