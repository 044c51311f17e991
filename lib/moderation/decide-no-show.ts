// An admin decides a disputed no-show: upheld (it counts on the absent member's record) or
// overturned (it does not). Both sides are told.
import { z } from 'zod'
import { hasRole, type Actor } from '@/lib/auth/permissions'
import { db } from '@/lib/db'
import { AppError } from '@/lib/errors'
import { logModeration } from '@/lib/moderation/moderation-log'
import { notify } from '@/lib/notifications/notify'

export const decideNoShowSchema = z.strictObject({ noShowId: z.uuid(), decision: z.enum(['UPHOLD', 'OVERTURN']) })

export type DecideNoShowInput = z.input<typeof decideNoShowSchema>

export async function decideNoShow(admin: Actor, raw: DecideNoShowInput, now: Date = new Date()) {
  const input = decideNoShowSchema.parse(raw)
  if (!hasRole(admin, 'ADMIN')) throw new AppError('FORBIDDEN')
  const status = input.decision === 'UPHOLD' ? ('UPHELD' as const) : ('OVERTURNED' as const)
  return db.$transaction(async (tx) => {
    const row = await tx.noShow.findUnique({ where: { id: input.noShowId }, select: { status: true, subjectId: true, reporterId: true, tripId: true, bookingId: true } })
    if (!row) throw new AppError('NOT_FOUND')
    const updated = await tx.noShow.updateMany({ where: { id: input.noShowId, status: 'DISPUTED' }, data: { status, decidedAt: now, decidedById: admin.id } })
    if (updated.count === 0) throw new AppError('NO_SHOW_NOT_DISPUTED', { status: 409 })
    const params = { tripId: row.tripId, bookingId: row.bookingId, upheld: status === 'UPHELD' ? 1 : 0 }
    await notify(tx, [
      { userId: row.subjectId, kind: 'NO_SHOW_DECIDED', params },
      { userId: row.reporterId, kind: 'NO_SHOW_DECIDED', params },
    ])
    await logModeration(tx, { actorId: admin.id, action: status === 'UPHELD' ? 'moderation.noShowUpheld' : 'moderation.noShowOverturned', entityType: 'no_show', entityId: input.noShowId })
    return { noShowId: input.noShowId, status }
  })
}
