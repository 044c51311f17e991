import { z } from 'zod'
import type { Actor } from '@/lib/auth/permissions'
import { db } from '@/lib/db'
import { AppError } from '@/lib/errors'
import { personName } from '@/lib/validation'
import { citizenshipSchema } from './countries'
import { findOwnTraveller, travellerSelect, type TravellerSummary } from './find-own-traveller'

export const updateTravellerSchema = z
  .strictObject({
    name: personName().optional(),
    citizenship: citizenshipSchema.optional(),
  })
  .refine((value) => value.name !== undefined || value.citizenship !== undefined, { message: 'v.nothingToUpdate' })

export type UpdateTravellerInput = z.input<typeof updateTravellerSchema>

/** Renames a traveller or corrects their citizenship (which changes the rule applied to them). */
export async function updateTraveller(actor: Pick<Actor, 'id'>, travellerId: string, input: UpdateTravellerInput): Promise<TravellerSummary> {
  const data = updateTravellerSchema.parse(input)
  await findOwnTraveller(actor, travellerId)
  const { count } = await db.traveller.updateMany({ where: { id: travellerId, accountId: actor.id }, data })
  if (count === 0) throw new AppError('NOT_FOUND')
  return db.traveller.findUniqueOrThrow({ where: { id: travellerId }, select: travellerSelect })
}
