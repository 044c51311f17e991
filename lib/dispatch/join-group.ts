// Joining a group with an invitation code (typed, or from an invite link). A driver's invitation
// admits drivers only — people with a car on their profile: a group is a roster of cars and the
// people who drive them. A coordinator's invitation (a coordinator asking a colleague to share the
// board) admits anyone signed in as one of the group's coordinators, grants them the coordinator
// role if they had not got it, and makes a driver already in the group its coordinator. Each use
// is counted with a conditional UPDATE, so an invite for 3 admits 3 even when more try at once.
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

/** Whom a code invites (the join page shows a coordinator's invitation to people without a car);
 * null for a code that is malformed or unknown. */
export async function inviteRoleOf(rawCode: string): Promise<'DRIVER' | 'COORDINATOR' | null> {
  const parsed = joinGroupSchema.safeParse({ code: rawCode })
  if (!parsed.success) return null
  const invite = await db.groupInvite.findUnique({ where: { code: parsed.data.code }, select: { role: true, revokedAt: true } })
  return invite && !invite.revokedAt ? invite.role : null
}

/** Joins with a code. `ip` is the caller's address (route and action pass it): guesses are limited
 * per account and per address, counted before the code is looked up (a burst cannot slip past) and
 * given back when the code was right. */
export async function joinGroup(actor: Actor, raw: JoinGroupInput, now: Date = new Date(), ip?: string): Promise<JoinGroupResult> {
  const { code } = joinGroupSchema.parse(raw)
  // Whether the code needs a driver is known only once it is looked up: a coordinator's invitation
  // admits people without a car, so every guess is counted first, whoever makes it.

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
      select: { id: true, groupId: true, role: true, expiresAt: true, maxUses: true, uses: true, revokedAt: true, group: { select: { name: true } } },
    })
    // A revoked code reads like a wrong one: nothing to do with it either way.
    if (!invite || invite.revokedAt) throw new AppError('INVITE_INVALID', { status: 404 })
    const role = invite.role === 'COORDINATOR' ? ('COORDINATOR' as const) : ('DRIVER' as const)
    if (role === 'DRIVER') {
      if (!hasRole(actor, 'DRIVER')) throw new AppError('GROUP_NEEDS_DRIVER', { status: 403 })
      const cars = await tx.car.count({ where: { ownerId: actor.id, archivedAt: null } })
      if (cars === 0) throw new AppError('GROUP_NEEDS_DRIVER', { status: 403 })
    }
    if (invite.expiresAt <= now) throw new AppError('INVITE_EXPIRED', { status: 410 })
    const result = { groupId: invite.groupId, groupName: invite.group.name }

    // A new member, or (coordinator invitation) a driver of the group becoming its coordinator.
    const inserted = await tx.$queryRaw<{ user_id: string }[]>`
      INSERT INTO group_members (group_id, user_id, role) VALUES (${invite.groupId}::uuid, ${actor.id}::uuid, ${role}::"GroupRole")
      ON CONFLICT (group_id, user_id) DO UPDATE SET role = 'COORDINATOR'
        WHERE ${role} = 'COORDINATOR' AND group_members.role = 'DRIVER'
      RETURNING user_id`
    // Already in the group in that role (or as its coordinator): nothing changes, no use is spent.
    if (inserted.length === 0) return { ...result, alreadyMember: true }

    const used = await tx.$executeRaw`
      UPDATE group_invites SET uses = uses + 1
      WHERE id = ${invite.id}::uuid AND revoked_at IS NULL AND expires_at > ${now} AND uses < max_uses`
    // Throwing rolls the membership back too.
    if (used === 0) throw new AppError('INVITE_USED_UP', { status: 410 })
    if (role === 'COORDINATOR') {
      // The board and the group's tools need the coordinator role (requireRole), as a group's
      // creator has it. Appended only when missing: idempotent and safe against a concurrent change.
      await tx.$executeRaw`UPDATE users SET roles = array_append(roles, 'COORDINATOR'::"Role"), updated_at = now()
        WHERE id = ${actor.id}::uuid AND NOT ('COORDINATOR'::"Role" = ANY(roles))`
    }
    await writeAudit(tx, { groupId: invite.groupId, actorId: actor.id, action: 'group.join', entityType: 'group', entityId: invite.groupId, after: { userId: actor.id, name: actor.name, code, role } })
    return { ...result, alreadyMember: false }
  })
}
