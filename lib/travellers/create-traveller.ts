import { z } from 'zod'
import type { Actor } from '@/lib/auth/permissions'
import { db } from '@/lib/db'
import { AppError } from '@/lib/errors'
import { personName } from '@/lib/validation'
import { citizenshipSchema } from './countries'
import { travellerSelect, type TravellerSummary } from './find-own-traveller'

/** A companion the account holder travels with (a spouse, a child, a parent). */
export const createTravellerSchema = z.strictObject({
  name: personName(),
  citizenship: citizenshipSchema,
})

export type CreateTravellerInput = z.input<typeof createTravellerSchema>

/** No family needs more; the cap keeps a runaway client from filling the table. */
export const MAX_TRAVELLERS_PER_ACCOUNT = 20

/** Adds a companion to the actor's account (the account holder's own profile: ensureSelfTraveller). */
export async function createTraveller(actor: Pick<Actor, 'id'>, input: CreateTravellerInput): Promise<TravellerSummary> {
  const data = createTravellerSchema.parse(input)
  const count = await db.traveller.count({ where: { accountId: actor.id } })
  if (count >= MAX_TRAVELLERS_PER_ACCOUNT) throw new AppError('TOO_MANY_TRAVELLERS', { status: 409, params: { max: MAX_TRAVELLERS_PER_ACCOUNT } })
  return db.traveller.create({ data: { accountId: actor.id, isSelf: false, ...data }, select: travellerSelect })
}
