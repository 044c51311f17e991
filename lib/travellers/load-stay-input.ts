// A traveller's own records in the engine's terms (Kazakhstan calendar dates, lowercase document
// kinds). Scoped by the actor: another account's traveller is NOT_FOUND.
import type { Actor } from '@/lib/auth/permissions'
import { db } from '@/lib/db'
import { isoFromDbDate } from '@/lib/dates/kz-date'
import { AppError } from '@/lib/errors'
import { isStayInputError, type ResidenceDocument, type StayRecord } from '@/lib/stay-rules'
import { engineDocumentKind } from './documents/document-view'
import { findOwnTraveller, type TravellerSummary } from './find-own-traveller'
import { staySelect, toStayView, type StayView } from './stays/stay-view'

export type StayInput = {
  traveller: TravellerSummary
  /** The travel log as stored, oldest first. */
  log: StayView[]
  stays: StayRecord[]
  documents: ResidenceDocument[]
}

export async function loadStayInput(actor: Pick<Actor, 'id'>, travellerId: string): Promise<StayInput> {
  const traveller = await findOwnTraveller(actor, travellerId)
  const [stayRows, documentRows] = await Promise.all([
    db.stay.findMany({ where: { travellerId, traveller: { accountId: actor.id } }, orderBy: [{ entryOn: 'asc' }, { createdAt: 'asc' }], select: staySelect }),
    db.residenceDocument.findMany({ where: { travellerId, traveller: { accountId: actor.id } }, select: { kind: true, validFrom: true, validTo: true } }),
  ])
  const log = stayRows.map(toStayView)
  return {
    traveller,
    log,
    stays: log.map((stay) => ({ entryOn: stay.entryOn, exitOn: stay.exitOn })),
    documents: documentRows.map((d) => ({
      kind: engineDocumentKind[d.kind],
      validFrom: isoFromDbDate(d.validFrom),
      validTo: d.validTo ? isoFromDbDate(d.validTo) : null,
    })),
  }
}

/** Runs the engine; a travel log it cannot read is the rider's to fix (422 with the engine's code). */
export function withEngine<T>(traveller: TravellerSummary, run: () => T): T {
  try {
    return run()
  } catch (error) {
    if (isStayInputError(error)) {
      throw new AppError('TRAVEL_LOG_INVALID', { status: 422, params: { name: traveller.name }, details: { travellerId: traveller.id, code: error.code } })
    }
    throw error
  }
}
