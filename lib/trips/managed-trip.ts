// Who may manage a run (approve requests, see the manifest, mark boarding, change status, edit,
// cancel): its driver, the coordinators of the group the run belongs to, and admins.
import { hasRole, type Actor } from '@/lib/auth/permissions'
import { isGroupCoordinator } from '@/lib/dispatch/group-access'
import { AppError } from '@/lib/errors'
import type { Prisma, PrismaClient } from '@/lib/generated/prisma/client'

type Tx = Prisma.TransactionClient | PrismaClient

export type ManagedTrip = {
  id: string
  driverId: string
  groupId: string | null
  status: 'SCHEDULED' | 'BOARDING' | 'DEPARTED' | 'AT_BORDER' | 'RETURNED' | 'COMPLETED' | 'CANCELLED'
  roundTrip: boolean
  departureAt: Date
  departureOn: Date
  returnOn: Date | null
  seatsTotal: number
  seatsTaken: number
}

export async function canManageTrip(tx: Tx, actor: Actor, trip: { driverId: string; groupId: string | null }): Promise<boolean> {
  if (trip.driverId === actor.id || hasRole(actor, 'ADMIN')) return true
  return Boolean(trip.groupId && hasRole(actor, 'COORDINATOR') && (await isGroupCoordinator(tx, actor.id, trip.groupId)))
}

/** Loads a run the actor may manage, locked for update when `lock` (status changes, boarding). */
export async function loadManagedTrip(tx: Tx, actor: Actor, tripId: string, options: { lock?: boolean } = {}): Promise<ManagedTrip> {
  if (options.lock) await tx.$executeRaw`SELECT 1 FROM trips WHERE id = ${tripId}::uuid FOR UPDATE`
  const trip = await tx.trip.findUnique({
    where: { id: tripId },
    select: { id: true, driverId: true, groupId: true, status: true, roundTrip: true, departureAt: true, departureOn: true, returnOn: true, seatsTotal: true, seatsTaken: true },
  })
  if (!trip) throw new AppError('NOT_FOUND')
  if (!(await canManageTrip(tx, actor, trip))) throw new AppError('FORBIDDEN')
  return trip
}
