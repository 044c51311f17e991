// A member edits what their public profile says: the name (a visible letter required), the
// languages they speak and a short "about". The phone is edited here too once issue 12's
// international phone validation lands (add `phone` to updateProfileSchema and to the data below).
import { z } from 'zod'
import type { Actor } from '@/lib/auth/permissions'
import { db } from '@/lib/db'
import { LANGUAGE_CODES } from '@/lib/profiles/languages'
import { personName, userText } from '@/lib/validation'

export const updateProfileSchema = z.strictObject({
  // A visible letter required, as at registration (lib/validation.ts).
  name: personName().optional(),
  // issue 12 slots `phone` in here (any country, E.164) and in the data below.
  languages: z
    .array(z.enum(LANGUAGE_CODES, { message: 'v.choice' }))
    .max(LANGUAGE_CODES.length)
    .refine((list) => new Set(list).size === list.length, { message: 'v.duplicate' })
    .optional(),
  about: userText({ max: 500, multiline: true }).optional(),
})

export type UpdateProfileInput = z.infer<typeof updateProfileSchema>

export async function updateProfile(actor: Actor, input: UpdateProfileInput) {
  return db.user.update({
    where: { id: actor.id },
    data: {
      ...(input.name !== undefined ? { name: input.name } : {}),
      ...(input.languages !== undefined ? { languages: input.languages } : {}),
      ...(input.about !== undefined ? { about: input.about } : {}),
    },
    select: { name: true, languages: true, about: true },
  })
}
