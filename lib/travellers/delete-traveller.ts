import type { Actor } from '@/lib/auth/permissions'
import { db } from '@/lib/db'
import { AppError } from '@/lib/errors'
import { isUuid } from './find-own-traveller'

/** Booking states in which the traveller still has a seat (or is queued for one). */
export const LIVE_BOOKING_STATUSES = ['PENDING', 'CONFIRMED', 'WAITLISTED'] as const

/**
 * Deletes a traveller with their stays and documents — refused while they are on a live booking
 * (the driver's manifest and the seat count depend on them; cancel the booking first).
 *
 * Race: a booking being written for this traveller right now holds a key-share lock on the
 * traveller row (its foreign key). Taking the row lock first (FOR UPDATE) waits for that booking
 * to commit, so the check that follows, a new statement with a new snapshot, sees it; a booking
 * that starts after the lock waits and then fails on the missing row.
 */
export async function deleteTraveller(actor: Pick<Actor, 'id'>, travellerId: string): Promise<void> {
  if (!isUuid(travellerId)) throw new AppError('NOT_FOUND')
  await db.$transaction(async (tx) => {
    const locked = await tx.$queryRaw<{ id: string }[]>`
      SELECT id FROM travellers WHERE id = ${travellerId}::uuid AND account_id = ${actor.id}::uuid FOR UPDATE`
    if (locked.length === 0) throw new AppError('NOT_FOUND')
    const live = await tx.bookingTraveller.count({
      where: { travellerId, booking: { status: { in: [...LIVE_BOOKING_STATUSES] } } },
    })
    if (live > 0) throw new AppError('TRAVELLER_ON_BOOKING', { status: 409 })
    await tx.traveller.delete({ where: { id: travellerId } })
  })
}
