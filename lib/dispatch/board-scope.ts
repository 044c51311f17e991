// Which runs a day board shows and how it groups them. A run's direction is the country across its
// checkpoint: Kyrgyzstan (Bishkek runs) or Uzbekistan (Tashkent runs).
import { z } from 'zod'
import { dbDateFromIso } from '@/lib/dates/kz-date'
import { AppError } from '@/lib/errors'
import type { Prisma } from '@/lib/generated/prisma/client'
import { isoDate } from '@/lib/trips/trip-input'

type Tx = Prisma.TransactionClient

export const boardDaySchema = z.object({ groupId: z.uuid(), date: isoDate })

/** The board's directions, in the order shown. */
export const DIRECTIONS = ['KG', 'UZ'] as const

export function directionOrder(countryCode: string): number {
  const i = (DIRECTIONS as readonly string[]).indexOf(countryCode)
  return i === -1 ? DIRECTIONS.length : i
}

/** Runs a party may be moved between from the board: the same group, day and direction. Anything
 * else is refused — a Bishkek party does not belong in a Tashkent car. */
export async function assertSameBoard(tx: Tx, groupId: string, date: string, sourceTripId: string, targetTripId: string): Promise<void> {
  const trips = await tx.trip.findMany({
    where: { id: { in: [sourceTripId, targetTripId] }, groupId, departureOn: dbDateFromIso(date) },
    select: { id: true, checkpoint: { select: { countryCode: true } } },
  })
  const source = trips.find((t) => t.id === sourceTripId)
  const target = trips.find((t) => t.id === targetTripId)
  if (!source || !target) throw new AppError('NOT_FOUND')
  if (source.checkpoint.countryCode !== target.checkpoint.countryCode) throw new AppError('MOVE_OTHER_DIRECTION', { status: 422 })
}
