import { z } from 'zod'
import { db } from '@/lib/db'
import { AppError } from '@/lib/errors'
import { hashPassword } from '@/lib/auth/password'
import { Prisma } from '@/lib/generated/prisma/client'
import { notify } from '@/lib/notifications/notify'
import { hitRateLimit, rateLimits } from '@/lib/rate-limit'
import { phoneSchema } from '@/lib/phone'
import { emailSchema, optionalField, personName } from '@/lib/validation'
import { locales } from '@/lib/i18n/routing'

export const registerUserSchema = z.strictObject({
  name: personName(),
  email: emailSchema,
  password: z.string().min(10, { message: 'v.passwordTooShort' }).max(200),
  phone: optionalField(phoneSchema),
  locale: z.enum(locales).default('ru'),
})

export type RegisterUserInput = z.infer<typeof registerUserSchema>

/** Registration answers the same for a new address and for one that has an account, so nobody can
 * test which addresses are registered: a new address gets an account and a link to confirm it; an
 * existing owner is told by email (at most once an hour) that someone tried, and nothing changes.
 * Both paths hash the password and write one notice, so they take about as long. Limited per IP. */
export async function registerUser(input: RegisterUserInput, ip: string, now: Date = new Date()): Promise<{ email: string }> {
  const limit = await hitRateLimit(rateLimits.registerPerIp, ip)
  if (!limit.allowed) {
    throw new AppError('RATE_LIMITED', { params: { seconds: limit.retryAfterSeconds }, retryAfterSeconds: limit.retryAfterSeconds })
  }
  const passwordHash = await hashPassword(input.password)
  try {
    await db.$transaction(async (tx) => {
      const user = await tx.user.create({
        data: { name: input.name, email: input.email, phone: input.phone ?? null, passwordHash, locale: input.locale },
        select: { id: true },
      })
      await notify(tx, [{ userId: user.id, kind: 'EMAIL_VERIFY', params: { email: input.email } }])
    })
  } catch (error) {
    // The unique index decides, not a read before the write: two racing sign-ups get one account.
    if (!(error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002')) throw error
    const owner = await db.user.findUnique({ where: { email: input.email }, select: { id: true, deletedAt: true } })
    if (owner && !owner.deletedAt) {
      const hour = Math.floor(now.getTime() / 3_600_000)
      await db.$transaction((tx) => notify(tx, [{ userId: owner.id, kind: 'ACCOUNT_EXISTS', params: {}, dedupeKey: `account-exists:${owner.id}:${hour}` }]))
    }
  }
  return { email: input.email }
}
