// A driver puts one of their own runs into a group they belong to (its coordinators then manage it
// on the day board), or takes it out again (groupId null). Only a run that has not started moves.
import { z } from 'zod'
import { hasRole, type Actor } from '@/lib/auth/permissions'
import { db } from '@/lib/db'
import { writeAudit } from '@/lib/dispatch/audit'
import { AppError } from '@/lib/errors'

export const assignTripToGroupSchema = z.strictObject({
  tripId: z.uuid(),
  groupId: z.uuid().nullable(),
  /** Taking a run out of a group: the group it is expected to be in (a mismatch is NOT_FOUND). */
  fromGroupId: z.uuid().optional(),
})

export type AssignTripToGroupInput = z.infer<typeof assignTripToGroupSchema>

export async function assignTripToGroup(actor: Actor, input: AssignTripToGroupInput, now: Date = new Date()) {
  return db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT 1 FROM trips WHERE id = ${input.tripId}::uuid FOR UPDATE`
    const trip = await tx.trip.findUnique({ where: { id: input.tripId }, select: { id: true, driverId: true, groupId: true, status: true, departureAt: true } })
    // Someone else's run: not theirs to place anywhere (and not revealed beyond that).
    if (!trip || (trip.driverId !== actor.id && !hasRole(actor, 'ADMIN'))) throw new AppError('NOT_FOUND')
    if (input.fromGroupId && trip.groupId !== input.fromGroupId) throw new AppError('NOT_FOUND')
    if (trip.groupId === input.groupId) return { tripId: trip.id, groupId: trip.groupId }
    if (trip.status !== 'SCHEDULED' || trip.departureAt <= now) throw new AppError('TRIP_NOT_EDITABLE', { status: 409 })
    if (input.groupId) {
      const member = await tx.groupMember.findUnique({ where: { groupId_userId: { groupId: input.groupId, userId: trip.driverId } }, select: { role: true } })
      if (!member) throw new AppError('NOT_FOUND')
    }
    await tx.trip.update({ where: { id: trip.id }, data: { groupId: input.groupId } })
    const entry = { actorId: actor.id, entityType: 'trip' as const, entityId: trip.id, before: { groupId: trip.groupId }, after: { groupId: input.groupId } }
    await writeAudit(tx, { ...entry, groupId: trip.groupId, action: 'trip.leaveGroup' })
    await writeAudit(tx, { ...entry, groupId: input.groupId, action: 'trip.joinGroup' })
    return { tripId: trip.id, groupId: input.groupId }
  })
}
