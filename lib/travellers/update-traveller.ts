import { z } from 'zod'
import type { Actor } from '@/lib/auth/permissions'
import { recheckAfterChange } from '@/lib/bookings/recheck-bookings'
import { db } from '@/lib/db'
import { AppError } from '@/lib/errors'
import { personName } from '@/lib/validation'
import { citizenshipSchema } from './countries'
import { findOwnTraveller, travellerSelect, type TravellerSummary } from './find-own-traveller'

export const updateTravellerSchema = z
  .strictObject({
    name: personName().optional(),
    /** The passport the traveller crosses with: the regime follows it. */
    citizenship: citizenshipSchema.optional(),
    /** A dual citizen's other citizenship; '' clears it. */
    otherCitizenship: z.preprocess((v) => (v === '' ? null : v), citizenshipSchema.nullable()).optional(),
  })
  .refine((value) => value.name !== undefined || value.citizenship !== undefined || value.otherCitizenship !== undefined, { message: 'v.nothingToUpdate' })

export type UpdateTravellerInput = z.input<typeof updateTravellerSchema>

/**
 * Renames a traveller, corrects their citizenship, or records a dual citizen's passports: the
 * regime follows `citizenship`, the passport they cross with (so live bookings are checked again).
 */
export async function updateTraveller(actor: Pick<Actor, 'id'>, travellerId: string, input: UpdateTravellerInput): Promise<TravellerSummary> {
  const data = updateTravellerSchema.parse(input)
  const current = await findOwnTraveller(actor, travellerId)
  const citizenship = data.citizenship ?? current.citizenship
  const other = data.otherCitizenship === undefined ? current.otherCitizenship : data.otherCitizenship
  if (other !== null && other === citizenship) throw new AppError('VALIDATION', { fields: { otherCitizenship: [{ key: 'validation.sameCitizenship' }] } })
  const { count } = await db.traveller.updateMany({ where: { id: travellerId, accountId: actor.id }, data })
  if (count === 0) throw new AppError('NOT_FOUND')
  if (citizenship !== current.citizenship) await recheckAfterChange({ travellerIds: [travellerId] })
  return db.traveller.findUniqueOrThrow({ where: { id: travellerId }, select: travellerSelect })
}
