// Keeps the rider's no-show in step with the driver's boarding marks (lib/trips/mark-boarding.ts):
// a booking with any traveller marked NO_SHOW has one RIDER no-show on the rider's record; marking
// them boarded again takes it away (the driver corrected the mark). One statement, inside the
// marking's transaction.
import type { Prisma } from '@/lib/generated/prisma/client'

export async function syncRiderNoShow(tx: Prisma.TransactionClient, bookingId: string, markedById: string): Promise<void> {
  await tx.$executeRaw`
    WITH b AS (
      SELECT b.id, b.trip_id, b.rider_id,
             EXISTS (SELECT 1 FROM booking_travellers bt WHERE bt.booking_id = b.id AND bt.boarding = 'NO_SHOW') AS absent
      FROM bookings b WHERE b.id = ${bookingId}::uuid
    ), cleared AS (
      DELETE FROM no_shows n USING b WHERE n.booking_id = b.id AND n.absent_role = 'RIDER' AND NOT b.absent
    )
    INSERT INTO no_shows (booking_id, trip_id, absent_role, subject_id, reporter_id)
    SELECT b.id, b.trip_id, 'RIDER', b.rider_id, ${markedById}::uuid FROM b WHERE b.absent AND b.rider_id IS NOT NULL
    ON CONFLICT (booking_id, absent_role) DO NOTHING`
}
