// Before a booking is written (lib/bookings/book-seats.ts): a suspended account books nothing, and
// nobody books a run whose driver they blocked or who blocked them. One statement.
import { db } from '@/lib/db'
import { AppError } from '@/lib/errors'

export async function assertMayBook(riderId: string, driverId: string): Promise<void> {
  const rows = await db.$queryRaw<{ suspended: boolean; blocked: boolean }[]>`
    SELECT EXISTS (SELECT 1 FROM users WHERE id = ${riderId}::uuid AND suspended_at IS NOT NULL) AS suspended,
           EXISTS (SELECT 1 FROM blocks
                   WHERE (blocker_id = ${driverId}::uuid AND blocked_id = ${riderId}::uuid)
                      OR (blocker_id = ${riderId}::uuid AND blocked_id = ${driverId}::uuid)) AS blocked`
  if (rows[0]?.suspended) throw new AppError('ACCOUNT_SUSPENDED', { status: 403 })
  // The same words whichever side blocked: a rider is not told that a driver blocked them.
  if (rows[0]?.blocked) throw new AppError('BOOKING_BLOCKED', { status: 403 })
}
