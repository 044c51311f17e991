// An invitation to join a group — as a driver, or as a co-coordinator — a short code (also shared
// as a link), valid for a while and for a number of uses. Codes avoid look-alike characters (0/O, 1/I/L) so they can be
// read out over the phone or typed from a Telegram message.
import { randomInt } from 'node:crypto'
import { z } from 'zod'
import type { Actor } from '@/lib/auth/permissions'
import { db } from '@/lib/db'
import { writeAudit } from '@/lib/dispatch/audit'
import { requireGroupCoordinator } from '@/lib/dispatch/group-access'

export const INVITE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789'
export const INVITE_CODE_LENGTH = 8

export const createInviteSchema = z.strictObject({
  /** Hours the code stays valid: an hour to 30 days; a week by default. */
  expiresInHours: z.number().int().min(1).max(720).default(168),
  maxUses: z.number().int().min(1).max(100).default(10),
  /** What the invited person becomes: a driver of the group (default) or one of its coordinators. */
  role: z.enum(['DRIVER', 'COORDINATOR']).default('DRIVER'),
})

export type CreateInviteInput = z.input<typeof createInviteSchema>

export function generateInviteCode(): string {
  let code = ''
  for (let i = 0; i < INVITE_CODE_LENGTH; i++) code += INVITE_ALPHABET[randomInt(INVITE_ALPHABET.length)]
  return code
}

export async function createInvite(actor: Actor, groupId: string, raw: CreateInviteInput, now: Date = new Date()) {
  const input = createInviteSchema.parse(raw)
  return db.$transaction(async (tx) => {
    await requireGroupCoordinator(tx, actor, groupId)
    const expiresAt = new Date(now.getTime() + input.expiresInHours * 3_600_000)
    // 31^8 ≈ 8.5e11 codes: a clash is very unlikely; a code in use is skipped, and the unique index
    // refuses the rare race (the coordinator retries).
    let code = generateInviteCode()
    while (await tx.groupInvite.findUnique({ where: { code }, select: { id: true } })) code = generateInviteCode()
    const invite = await tx.groupInvite.create({
      data: { groupId, code, createdById: actor.id, expiresAt, maxUses: input.maxUses, role: input.role },
      select: { id: true, code: true, expiresAt: true, maxUses: true, uses: true, role: true },
    })
    await writeAudit(tx, { groupId, actorId: actor.id, action: 'invite.create', entityType: 'group', entityId: groupId, after: { code, maxUses: input.maxUses, expiresAt: expiresAt.toISOString(), role: input.role } })
    return invite
  })
}
