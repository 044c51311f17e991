// The one way services reach a traveller by id: scoped to the actor's account. Another account's
// traveller is NOT_FOUND, exactly like one that does not exist (no hint that the id is real).
import type { Actor } from '@/lib/auth/permissions'
import { db } from '@/lib/db'
import { AppError } from '@/lib/errors'
import type { Prisma } from '@/lib/generated/prisma/client'

type Client = Prisma.TransactionClient | typeof db

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/** An id that cannot name a row is simply not found (the uuid column would reject it). */
export function isUuid(value: string): boolean {
  return UUID.test(value)
}

export const travellerSelect = { id: true, name: true, citizenship: true, otherCitizenship: true, isSelf: true } as const

/** `citizenship` is the passport the traveller crosses with; `otherCitizenship` a dual citizen's other one. */
export type TravellerSummary = { id: string; name: string; citizenship: string; otherCitizenship: string | null; isSelf: boolean }

export async function findOwnTraveller(actor: Pick<Actor, 'id'>, travellerId: string, client: Client = db): Promise<TravellerSummary> {
  if (!isUuid(travellerId)) throw new AppError('NOT_FOUND')
  const traveller = await client.traveller.findFirst({ where: { id: travellerId, accountId: actor.id }, select: travellerSelect })
  if (!traveller) throw new AppError('NOT_FOUND')
  return traveller
}
