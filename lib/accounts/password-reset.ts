// Password reset by email. Asking for it answers the same whether the address has an account or
// not; the mail's link carries a one-time token valid for 1 hour (lib/accounts/auth-tokens.ts).
// Setting the new password uses the token up, voids every other reset link of the account, marks
// the address verified (the link proved the person reads it), tells the owner by email — and ends
// the account's other sessions.
import { z } from 'zod'
import { consumeToken } from '@/lib/accounts/auth-tokens'
import { hashPassword } from '@/lib/auth/password'
import { revokeSessions } from '@/lib/auth/revoke-sessions'
import { db } from '@/lib/db'
import { AppError } from '@/lib/errors'
import { notify } from '@/lib/notifications/notify'
import { hitRateLimit, type RateLimitRule } from '@/lib/rate-limit'
import { emailSchema } from '@/lib/validation'

export const resetLimits = {
  perIp: { name: 'password-reset:ip', limit: 10, windowSeconds: 60 * 60 },
  perAccount: { name: 'password-reset:account', limit: 3, windowSeconds: 60 * 60 },
} as const satisfies Record<string, RateLimitRule>

export const requestPasswordResetSchema = z.strictObject({ email: emailSchema })

export async function requestPasswordReset(input: z.infer<typeof requestPasswordResetSchema>, ip: string): Promise<{ email: string }> {
  const byIp = await hitRateLimit(resetLimits.perIp, ip)
  if (!byIp.allowed) throw new AppError('RATE_LIMITED', { params: { seconds: byIp.retryAfterSeconds }, retryAfterSeconds: byIp.retryAfterSeconds })
  const user = await db.user.findUnique({ where: { email: input.email }, select: { id: true, deletedAt: true } })
  // Past three mails an hour an account gets no more, silently: the answer must not differ.
  if (user && !user.deletedAt && (await hitRateLimit(resetLimits.perAccount, user.id)).allowed) {
    await db.$transaction((tx) => notify(tx, [{ userId: user.id, kind: 'PASSWORD_RESET', params: {} }]))
  }
  return { email: input.email }
}

export const resetPasswordSchema = z.strictObject({
  token: z.string().min(1).max(200),
  password: z.string().min(10, { message: 'v.passwordTooShort' }).max(200),
})

export async function resetPassword(input: z.infer<typeof resetPasswordSchema>, now: Date = new Date()): Promise<{ userId: string; email: string }> {
  const passwordHash = await hashPassword(input.password)
  const user = await db.$transaction(async (tx) => {
    const used = await consumeToken(tx, 'PASSWORD_RESET', input.token, now)
    if (!used) throw new AppError('LINK_INVALID', { status: 410, fields: { password: [{ key: 'errors.LINK_INVALID' }] } })
    const owner = await tx.user.findUnique({ where: { id: used.userId }, select: { deletedAt: true } })
    // A link of an account deleted since it was sent sets nothing.
    if (!owner || owner.deletedAt) throw new AppError('LINK_INVALID', { status: 410, fields: { password: [{ key: 'errors.LINK_INVALID' }] } })
    const changed = await tx.user.update({
      where: { id: used.userId },
      data: { passwordHash },
      select: { id: true, email: true, emailVerifiedAt: true },
    })
    if (!changed.emailVerifiedAt) await tx.user.update({ where: { id: changed.id }, data: { emailVerifiedAt: now } })
    // Every other reset link of the account stops working with this one.
    await tx.authToken.updateMany({ where: { userId: changed.id, purpose: 'PASSWORD_RESET', usedAt: null }, data: { usedAt: now } })
    // Whoever held the old password is signed out on every device, in the same transaction: the
    // new password and the end of the old sessions commit together or not at all.
    await revokeSessions(changed.id, tx)
    await notify(tx, [{ userId: changed.id, kind: 'PASSWORD_CHANGED', params: {} }])
    return changed
  })
  return { userId: user.id, email: user.email }
}
