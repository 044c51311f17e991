// The rider accepts what changed on their booking (a driver's edit, a move to another car): the
// "cancel free" offer ends and the change is no longer shown as waiting for an answer.
import { z } from 'zod'
import type { Actor } from '@/lib/auth/permissions'
import { db } from '@/lib/db'
import { AppError } from '@/lib/errors'
import { Prisma } from '@/lib/generated/prisma/client'

export const acceptBookingChangeSchema = z.strictObject({ bookingId: z.uuid() })

export async function acceptBookingChange(actor: Pick<Actor, 'id'>, input: z.infer<typeof acceptBookingChangeSchema>) {
  // Conditional: only the rider's own live booking with a change waiting; a second tap finds none.
  const { count } = await db.booking.updateMany({
    where: { id: input.bookingId, riderId: actor.id, changedByDriverAt: { not: null }, status: { in: ['PENDING', 'CONFIRMED', 'WAITLISTED'] } },
    data: { changedByDriverAt: null, changeSummary: Prisma.DbNull },
  })
  if (count === 0) {
    const own = await db.booking.findFirst({ where: { id: input.bookingId, riderId: actor.id }, select: { id: true } })
    if (!own) throw new AppError('NOT_FOUND')
    throw new AppError('NO_CHANGE_TO_ACCEPT', { status: 409 })
  }
  return { id: input.bookingId, accepted: true as const }
}
