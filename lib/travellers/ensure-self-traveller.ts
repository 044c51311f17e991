// The account holder's own traveller profile. Decision: it is created on first use of "My stay"
// with the account's name and a citizenship the rider picks there — never a guessed default. A
// wrong citizenship silently applies the wrong rule (a US citizen counted as Russian would be told
// 90 days where the law gives 30 per entry), so the page asks before it shows any number.
import { z } from 'zod'
import type { Actor } from '@/lib/auth/permissions'
import { db } from '@/lib/db'
import { AppError } from '@/lib/errors'
import { Prisma } from '@/lib/generated/prisma/client'
import { citizenshipSchema } from './countries'
import { travellerSelect, type TravellerSummary } from './find-own-traveller'

export const ensureSelfTravellerSchema = z.strictObject({ citizenship: citizenshipSchema })

export type EnsureSelfTravellerInput = z.input<typeof ensureSelfTravellerSchema>

/**
 * Returns the account holder's own traveller, creating it (named after the account) when there is
 * none yet. Creating needs the citizenship: without one, a missing profile is a field error on
 * `citizenship`. Idempotent and safe against a double submit: the partial unique index
 * travellers_one_self_per_account decides, and the loser reads the winner's row.
 */
export async function ensureSelfTraveller(actor: Pick<Actor, 'id' | 'name'>, input?: EnsureSelfTravellerInput): Promise<TravellerSummary> {
  const existing = await findSelf(actor.id)
  if (existing) return existing
  if (input === undefined) throw new AppError('VALIDATION', { fields: { citizenship: [{ key: 'validation.required' }] } })
  const { citizenship } = ensureSelfTravellerSchema.parse(input)
  const account = await db.user.findUnique({ where: { id: actor.id }, select: { name: true } })
  if (!account) throw new AppError('UNAUTHENTICATED')
  try {
    return await db.traveller.create({ data: { accountId: actor.id, isSelf: true, name: account.name, citizenship }, select: travellerSelect })
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') {
      const winner = await findSelf(actor.id)
      if (winner) return winner
    }
    throw error
  }
}

function findSelf(accountId: string) {
  return db.traveller.findFirst({ where: { accountId, isSelf: true }, select: travellerSelect })
}
