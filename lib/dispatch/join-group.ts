// A driver joins a group with an invitation code (typed, or from an invite link). Only drivers —
// people with a car on their profile — join: a group is a roster of cars and the people who drive
// them. Each use is counted with a conditional UPDATE, so an invite for 3 drivers admits 3 even
// when more try at the same moment.
import { z } from 'zod'
import { hasRole, type Actor } from '@/lib/auth/permissions'
import { db } from '@/lib/db'
import { writeAudit } from '@/lib/dispatch/audit'
import { AppError } from '@/lib/errors'
import { hitRateLimit, rateLimits, refundRateLimit } from '@/lib/rate-limit'

export const joinGroupSchema = z.strictObject({
  code: z
    .string()
    .transform((v) => v.replace(/[\s-]/g, '').toUpperCase())
    .pipe(z.string().regex(/^[A-Z0-9]{4,16}$/, { message: 'v.inviteCode' })),
})

export type JoinGroupInput = z.input<typeof joinGroupSchema>

export type JoinGroupResult = { groupId: string; groupName: string; alreadyMember: boolean }

/** Joins with a code. `ip` is the caller's address (route and action pass it): guesses are limited
 * per account and per address, counted before the code is looked up (a burst cannot slip past) and
 * given back when the code was right. */
export async function joinGroup(actor: Actor, raw: JoinGroupInput, now: Date = new Date(), ip?: string): Promise<JoinGroupResult> {
  const { code } = joinGroupSchema.parse(raw)
  if (!hasRole(actor, 'DRIVER')) throw new AppError('GROUP_NEEDS_DRIVER', { status: 403 })
  const cars = await db.car.count({ where: { ownerId: actor.id, archivedAt: null } })
  if (cars === 0) throw new AppError('GROUP_NEEDS_DRIVER', { status: 403 })

  const limits = await Promise.all([
    hitRateLimit(rateLimits.groupJoinPerAccount, actor.id),
    ...(ip ? [hitRateLimit(rateLimits.groupJoinPerIp, ip)] : []),
  ])
  const refused = limits.filter((l) => !l.allowed)
  if (refused.length) {
    const seconds = Math.max(...refused.map((l) => l.retryAfterSeconds))
    throw new AppError('RATE_LIMITED', { params: { seconds }, retryAfterSeconds: seconds })
  }
  const result = await joinWithCode(actor, code, now)
  await Promise.all([refundRateLimit(rateLimits.groupJoinPerAccount, actor.id), ...(ip ? [refundRateLimit(rateLimits.groupJoinPerIp, ip)] : [])])
  return result
}

async function joinWithCode(actor: Actor, code: string, now: Date): Promise<JoinGroupResult> {
  return db.$transaction(async (tx) => {
    const invite = await tx.groupInvite.findUnique({
      where: { code },
      select: { id: true, groupId: true, expiresAt: true, maxUses: true, uses: true, revokedAt: true, group: { select: { name: true } } },
    })
    // A revoked code reads like a wrong one: nothing to do with it either way.
    if (!invite || invite.revokedAt) throw new AppError('INVITE_INVALID', { status: 404 })
    if (invite.expiresAt <= now) throw new AppError('INVITE_EXPIRED', { status: 410 })
    const result = { groupId: invite.groupId, groupName: invite.group.name }

    const inserted = await tx.$queryRaw<{ user_id: string }[]>`
      INSERT INTO group_members (group_id, user_id, role) VALUES (${invite.groupId}::uuid, ${actor.id}::uuid, 'DRIVER')
      ON CONFLICT (group_id, user_id) DO NOTHING RETURNING user_id`
    // Already in the group (as a driver or its coordinator): nothing changes and no use is spent.
    if (inserted.length === 0) return { ...result, alreadyMember: true }

    const used = await tx.$executeRaw`
      UPDATE group_invites SET uses = uses + 1
      WHERE id = ${invite.id}::uuid AND revoked_at IS NULL AND expires_at > ${now} AND uses < max_uses`
    // Throwing rolls the membership back too.
    if (used === 0) throw new AppError('INVITE_USED_UP', { status: 410 })
    await writeAudit(tx, { groupId: invite.groupId, actorId: actor.id, action: 'group.join', entityType: 'group', entityId: invite.groupId, after: { userId: actor.id, name: actor.name, code } })
    return { ...result, alreadyMember: false }
  })
}
