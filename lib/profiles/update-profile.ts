// A member edits what their public profile says: the name (a visible letter required), the
// languages they speak, a short "about" — and their phone, which is never on the public profile: it
// reaches the other side of a confirmed booking only. Any country (lib/phone.ts), stored E.164; an
// empty field removes it; a new number is no longer "verified" (the Telegram contact verifies it).
import { z } from 'zod'
import type { Actor } from '@/lib/auth/permissions'
import { db } from '@/lib/db'
import { phoneSchema } from '@/lib/phone'
import { LANGUAGE_CODES } from '@/lib/profiles/languages'
import { personName, userText } from '@/lib/validation'

export const updateProfileSchema = z.strictObject({
  // A visible letter required, as at registration (lib/validation.ts).
  name: personName().optional(),
  /** '' removes the phone; anything else must be a real number of some country. */
  phone: z.union([z.literal(''), phoneSchema]).optional(),
  languages: z
    .array(z.enum(LANGUAGE_CODES, { message: 'v.choice' }))
    .max(LANGUAGE_CODES.length)
    .refine((list) => new Set(list).size === list.length, { message: 'v.duplicate' })
    .optional(),
  about: userText({ max: 500, multiline: true }).optional(),
})

export type UpdateProfileInput = z.infer<typeof updateProfileSchema>

export async function updateProfile(actor: Actor, input: UpdateProfileInput) {
  return db.$transaction(async (tx) => {
    const phone = input.phone === undefined ? undefined : input.phone || null
    const current = phone === undefined ? null : await tx.user.findUniqueOrThrow({ where: { id: actor.id }, select: { phone: true } })
    return tx.user.update({
      where: { id: actor.id },
      data: {
        ...(input.name !== undefined ? { name: input.name } : {}),
        ...(input.languages !== undefined ? { languages: input.languages } : {}),
        ...(input.about !== undefined ? { about: input.about } : {}),
        ...(phone !== undefined && current?.phone !== phone ? { phone, phoneVerifiedAt: null } : {}),
      },
      select: { name: true, languages: true, about: true, phone: true },
    })
  })
}
