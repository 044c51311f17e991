// The server-side legal check of every traveller of a party before a booking is accepted (and
// again before a waitlisted party is promoted or moved to another run). Uses the pure engine
// lib/stay-rules; this file only loads the traveller's own records and maps the outcome.
import { isoFromDbDate } from '@/lib/dates/kz-date'
import { AppError } from '@/lib/errors'
import type { Prisma } from '@/lib/generated/prisma/client'
import { checkRun, isStayInputError, RULE_VERSION, type ResidenceDocument, type RunReason, type StayRecord } from '@/lib/stay-rules'

type Tx = Prisma.TransactionClient

export type TravellerForCheck = {
  id: string
  name: string
  citizenship: string
  stays: StayRecord[]
  documents: ResidenceDocument[]
}

export type TravellerCheck = {
  travellerId: string
  name: string
  verdict: 'OK' | 'WARN' | 'BLOCKED'
  reasons: RunReason[]
  /** Exactly what the engine was given: kept with the booking (private to the rider). */
  inputs: { citizenship: string; stays: StayRecord[]; documents: ResidenceDocument[]; exitOn: string; returnOn: string | null; ruleVersion: string }
}

const documentKind = {
  TEMPORARY_RESIDENCE: 'temporary_residence',
  PERMANENT_RESIDENCE: 'permanent_residence',
  VISA: 'visa',
  CITIZENSHIP: 'citizenship',
} as const

/** The travellers of one account, in the order asked for; a traveller of someone else is refused
 * exactly like one that does not exist (no hint that the id is real). */
export async function loadTravellersForCheck(tx: Tx, accountId: string, travellerIds: string[]): Promise<TravellerForCheck[]> {
  const rows = await tx.traveller.findMany({
    where: { id: { in: travellerIds }, accountId },
    select: {
      id: true,
      name: true,
      citizenship: true,
      stays: { select: { entryOn: true, exitOn: true } },
      documents: { select: { kind: true, validFrom: true, validTo: true } },
    },
  })
  const byId = new Map(rows.map((r) => [r.id, r]))
  const missing = travellerIds.filter((id) => !byId.has(id))
  if (missing.length) throw new AppError('VALIDATION', { fields: { travellerIds: [{ key: 'validation.travellerNotYours' }] } })
  return travellerIds.map((id) => {
    const r = byId.get(id)!
    return {
      id: r.id,
      name: r.name,
      citizenship: r.citizenship,
      stays: r.stays
        .map((s) => ({ entryOn: isoFromDbDate(s.entryOn), exitOn: s.exitOn ? isoFromDbDate(s.exitOn) : null }))
        .sort((a, b) => a.entryOn.localeCompare(b.entryOn)),
      documents: r.documents.map((d) => ({ kind: documentKind[d.kind], validFrom: isoFromDbDate(d.validFrom), validTo: d.validTo ? isoFromDbDate(d.validTo) : null })),
    }
  })
}

export function checkTraveller(traveller: TravellerForCheck, exitOn: string, returnOn: string | null): TravellerCheck {
  const inputs = { citizenship: traveller.citizenship, stays: traveller.stays, documents: traveller.documents, exitOn, returnOn, ruleVersion: RULE_VERSION }
  try {
    const result = checkRun({ citizenship: traveller.citizenship, stays: traveller.stays, documents: traveller.documents, exitOn, returnOn })
    const verdict = result.verdict === 'blocked' ? 'BLOCKED' : result.verdict === 'warn' ? 'WARN' : 'OK'
    return { travellerId: traveller.id, name: traveller.name, verdict, reasons: result.reasons, inputs }
  } catch (error) {
    // A travel log the engine cannot read (e.g. two open stays) is the rider's to fix: refuse clearly.
    if (isStayInputError(error)) {
      throw new AppError('TRAVEL_LOG_INVALID', { status: 422, params: { name: traveller.name }, details: { travellerId: traveller.id, code: error.code } })
    }
    throw error
  }
}

export function worstVerdict(checks: Pick<TravellerCheck, 'verdict'>[]): 'OK' | 'WARN' | 'BLOCKED' {
  if (checks.some((c) => c.verdict === 'BLOCKED')) return 'BLOCKED'
  if (checks.some((c) => c.verdict === 'WARN')) return 'WARN'
  return 'OK'
}

/** What a refusal or warning carries back to the client: each traveller's verdict and reasons. */
export function checkDetails(checks: TravellerCheck[]) {
  return {
    travellers: checks.map((c) => ({ travellerId: c.travellerId, name: c.name, verdict: c.verdict, reasons: c.reasons })),
  }
}
