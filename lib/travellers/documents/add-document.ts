import { z } from 'zod'
import type { Actor } from '@/lib/auth/permissions'
import { recheckAfterChange } from '@/lib/bookings/recheck-bookings'
import { db } from '@/lib/db'
import { dbDateFromIso } from '@/lib/dates/kz-date'
import { findOwnTraveller } from '../find-own-traveller'
import { isoDateSchema, optionalIsoDateSchema } from '../iso-date'
import { DOCUMENT_KINDS, documentSelect, toDocumentView, type DocumentView } from './document-view'

/**
 * A residence permit, visa or citizenship: its type and dates only. A strict object, so a
 * document number (or anything else) sent along is refused, not silently dropped — we never
 * store one, and a client that sends it should learn that.
 */
export const addDocumentSchema = z
  .strictObject({
    kind: z.enum(DOCUMENT_KINDS),
    validFrom: isoDateSchema,
    validTo: optionalIsoDateSchema.optional(),
  })
  .refine((value) => value.validTo == null || value.validTo >= value.validFrom, { message: 'v.validToBeforeFrom', path: ['validTo'] })
  // A visa's term governs the stay: it always has a last valid day (never read as unlimited).
  .refine((value) => value.kind !== 'VISA' || value.validTo != null, { message: 'v.visaNeedsEnd', path: ['validTo'] })

export type AddDocumentInput = z.input<typeof addDocumentSchema>

export async function addDocument(actor: Pick<Actor, 'id'>, travellerId: string, input: AddDocumentInput): Promise<DocumentView> {
  const data = addDocumentSchema.parse(input)
  await findOwnTraveller(actor, travellerId)
  const row = await db.residenceDocument.create({
    data: {
      travellerId,
      kind: data.kind,
      validFrom: dbDateFromIso(data.validFrom),
      validTo: data.validTo == null ? null : dbDateFromIso(data.validTo),
    },
    select: documentSelect,
  })
  await recheckAfterChange({ travellerIds: [travellerId] })
  return toDocumentView(row)
}
