import { z } from 'zod'
import type { Actor } from '@/lib/auth/permissions'
import { db } from '@/lib/db'
import { phoneSchema } from '@/lib/phone'
import { optionalField, userText } from '@/lib/validation'

export const addCarSchema = z.strictObject({
  make: userText({ min: 1, max: 40 }),
  model: userText({ min: 1, max: 40 }),
  colour: userText({ min: 1, max: 30 }),
  plate: z
    .string()
    .trim()
    .toUpperCase()
    .transform((v) => v.replace(/[\s-]/g, ''))
    .refine((v) => /^[0-9A-ZА-ЯЁ]{4,12}$/u.test(v), { message: 'v.plate' }),
  seats: z.coerce.number().int().min(1).max(8),
  /** The driver's phone, shown to riders once their booking is confirmed (any country, E.164). */
  phone: optionalField(phoneSchema),
})

export type AddCarInput = z.infer<typeof addCarSchema>

/** Adds a car to the actor's account (and the driver's phone, when given); a user with a car is a driver. */
export async function addCar(actor: Actor, input: AddCarInput) {
  const { phone, ...fields } = input
  return db.$transaction(async (tx) => {
    const car = await tx.car.create({
      data: { ownerId: actor.id, ...fields },
      select: { id: true, make: true, model: true, colour: true, plate: true, seats: true },
    })
    // array_append only when missing: idempotent and safe against a concurrent role change.
    await tx.$executeRaw`UPDATE users SET roles = array_append(roles, 'DRIVER'::"Role"), updated_at = now()
      WHERE id = ${actor.id}::uuid AND NOT ('DRIVER'::"Role" = ANY(roles))`
    // A new number is no longer the one Telegram verified.
    if (phone) await tx.$executeRaw`UPDATE users SET phone = ${phone}, phone_verified_at = CASE WHEN phone = ${phone} THEN phone_verified_at END, updated_at = now() WHERE id = ${actor.id}::uuid`
    return car
  })
}
