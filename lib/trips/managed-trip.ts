// Who may manage a run (approve requests, see the manifest, mark boarding, change status, edit,
// cancel): its driver, and admins. The coordinator of the run's group joins this list with the
// day board.
import { hasRole, type Actor } from '@/lib/auth/permissions'
import { AppError } from '@/lib/errors'
import type { Prisma } from '@/lib/generated/prisma/client'

type Tx = Prisma.TransactionClient

export type ManagedTrip = {
  id: string
  driverId: string
  status: 'SCHEDULED' | 'BOARDING' | 'DEPARTED' | 'AT_BORDER' | 'RETURNED' | 'COMPLETED' | 'CANCELLED'
  roundTrip: boolean
  departureAt: Date
  departureOn: Date
  returnOn: Date | null
  seatsTotal: number
  seatsTaken: number
}

export function canManageTrip(actor: Actor, trip: { driverId: string }): boolean {
  return trip.driverId === actor.id || hasRole(actor, 'ADMIN')
}

/** Loads a run the actor may manage, locked for update when `lock` (status changes, boarding). */
export async function loadManagedTrip(tx: Tx, actor: Actor, tripId: string, options: { lock?: boolean } = {}): Promise<ManagedTrip> {
  if (options.lock) await tx.$executeRaw`SELECT 1 FROM trips WHERE id = ${tripId}::uuid FOR UPDATE`
  const trip = await tx.trip.findUnique({
    where: { id: tripId },
    select: { id: true, driverId: true, status: true, roundTrip: true, departureAt: true, departureOn: true, returnOn: true, seatsTotal: true, seatsTaken: true },
  })
  if (!trip) throw new AppError('NOT_FOUND')
  if (!canManageTrip(actor, trip)) throw new AppError('FORBIDDEN')
  return trip
}
