// A member edits what their public profile says: the name (a visible letter required), the
// languages they speak and a short "about". The phone is edited here too once issue 12's
// international phone validation lands (add `phone` to updateProfileSchema and to the data below).
import { z } from 'zod'
import type { Actor } from '@/lib/auth/permissions'
import { db } from '@/lib/db'
import { LANGUAGE_CODES } from '@/lib/profiles/languages'
import { hasVisibleLetter } from '@/lib/profiles/public-name'
import { userText } from '@/lib/validation'

export const profileNameSchema = userText({ min: 1, max: 80 }).refine(hasVisibleLetter, { message: 'v.nameNeedsLetter' })

export const updateProfileSchema = z.strictObject({
  name: profileNameSchema.optional(),
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
