// Confirming an account's address: the link in the EMAIL_VERIFY mail carries a one-time token for
// the address it was sent to (lib/accounts/auth-tokens.ts). Opening the link shows a button; the
// button confirms — a mail scanner that follows links uses up nothing.
import { z } from 'zod'
import type { Actor } from '@/lib/auth/permissions'
import { consumeToken } from '@/lib/accounts/auth-tokens'
import { db } from '@/lib/db'
import { AppError } from '@/lib/errors'
import { notify } from '@/lib/notifications/notify'

export const verifyEmailSchema = z.strictObject({ token: z.string().min(1).max(200) })

/** Marks the address verified — if it is still the account's address. */
export async function verifyEmail(input: z.infer<typeof verifyEmailSchema>, now: Date = new Date()): Promise<{ verified: true }> {
  return db.$transaction(async (tx) => {
    const used = await consumeToken(tx, 'EMAIL_VERIFY', input.token, now)
    if (!used) throw new AppError('LINK_INVALID', { status: 410 })
    const { count } = await tx.user.updateMany({ where: { id: used.userId, email: used.email ?? '', deletedAt: null }, data: { emailVerifiedAt: now } })
    if (count === 0) throw new AppError('LINK_INVALID', { status: 410 })
    return { verified: true as const }
  })
}

/** Profile's "send the link again": one mail per 5 minutes at most. */
export async function requestEmailVerification(actor: Pick<Actor, 'id' | 'email'>, now: Date = new Date()): Promise<{ sent: boolean }> {
  const user = await db.user.findUniqueOrThrow({ where: { id: actor.id }, select: { email: true, emailVerifiedAt: true } })
  if (user.emailVerifiedAt) throw new AppError('EMAIL_ALREADY_VERIFIED', { status: 409 })
  const slot = Math.floor(now.getTime() / 300_000)
  const written = await db.$transaction((tx) => notify(tx, [{ userId: actor.id, kind: 'EMAIL_VERIFY', params: { email: user.email }, dedupeKey: `email-verify:${actor.id}:${slot}` }]))
  return { sent: written > 0 }
}
