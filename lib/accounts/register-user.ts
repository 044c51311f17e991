import { z } from 'zod'
import { db } from '@/lib/db'
import { AppError } from '@/lib/errors'
import { hashPassword } from '@/lib/auth/password'
import { Prisma } from '@/lib/generated/prisma/client'
import { hitRateLimit, rateLimits } from '@/lib/rate-limit'
import { emailSchema, optionalField, personName, phoneSchema } from '@/lib/validation'
import { locales } from '@/lib/i18n/routing'

export const registerUserSchema = z.strictObject({
  name: personName(),
  email: emailSchema,
  password: z.string().min(10, { message: 'v.passwordTooShort' }).max(200),
  phone: optionalField(phoneSchema),
  locale: z.enum(locales).default('ru'),
})

export type RegisterUserInput = z.infer<typeof registerUserSchema>

/** Creates a passenger account. Registration is limited per IP to slow down bulk sign-ups. */
export async function registerUser(input: RegisterUserInput, ip: string): Promise<{ id: string; email: string }> {
  const limit = await hitRateLimit(rateLimits.registerPerIp, ip)
  if (!limit.allowed) {
    throw new AppError('RATE_LIMITED', { params: { seconds: limit.retryAfterSeconds }, retryAfterSeconds: limit.retryAfterSeconds })
  }
  const passwordHash = await hashPassword(input.password)
  try {
    return await db.user.create({
      data: { name: input.name, email: input.email, phone: input.phone ?? null, passwordHash, locale: input.locale },
      select: { id: true, email: true },
    })
  } catch (error) {
    // The unique index decides, not a read before the write: two racing sign-ups get one account.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') {
      throw new AppError('EMAIL_TAKEN', { fields: { email: [{ key: 'validation.emailTaken' }] } })
    }
    throw error
  }
}
