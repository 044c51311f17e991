// The server-side legal check of every traveller of a party before a booking is accepted (and
// again before a waitlisted party is promoted or moved to another run). Uses the pure engine
// lib/stay-rules; this file only loads the traveller's own records and maps the outcome.
import { isoFromDbDate } from '@/lib/dates/kz-date'
import { AppError } from '@/lib/errors'
import { Prisma } from '@/lib/generated/prisma/client'
import { checkRun, isStayInputError, RULE_VERSION, type PlannedTrip, type ResidenceDocument, type RunReason, type StayRecord } from '@/lib/stay-rules'

type Tx = Prisma.TransactionClient

export type TravellerForCheck = {
  id: string
  name: string
  citizenship: string
  stays: StayRecord[]
  documents: ResidenceDocument[]
  /** The traveller's other live bookings, as trips out (checkRun counts days as they will make them). */
  plannedTrips: PlannedTrip[]
}

/** Bookings that still hold (or wait for) a seat: they are trips the traveller means to make. */
export const LIVE_BOOKING_STATUSES = ['PENDING', 'CONFIRMED', 'WAITLISTED'] as const

/** Which other booking of the traveller is not a "planned trip" of this check: the run being
 * booked (or the booking being re-checked, moved or promoted) itself. */
export type PlannedTripsExclusion = { tripId?: string; bookingId?: string }

export type TravellerCheck = {
  travellerId: string
  name: string
  verdict: 'OK' | 'WARN' | 'BLOCKED'
  reasons: RunReason[]
  /** Exactly what the engine was given: kept with the booking (private to the rider). */
  inputs: {
    citizenship: string
    stays: StayRecord[]
    documents: ResidenceDocument[]
    plannedTrips: PlannedTrip[]
    exitOn: string
    returnOn: string | null
    ruleVersion: string
  }
}

const documentKind = {
  TEMPORARY_RESIDENCE: 'temporary_residence',
  PERMANENT_RESIDENCE: 'permanent_residence',
  VISA: 'visa',
  CITIZENSHIP: 'citizenship',
} as const

/** One row of travellersForCheckSql: the records as JSON, dates as ISO strings. */
export type TravellerForCheckRow = {
  id: string
  name: string
  citizenship: string
  stays: StayRecord[]
  documents: { kind: keyof typeof documentKind; validFrom: string; validTo: string | null }[]
  planned: PlannedTrip[]
}

/**
 * The statement (a fragment, so the booking can embed it in its one read) that gives the travellers
 * of one account among `travellerIds`, each with its stays, documents and other live bookings as JSON
 * (PostgreSQL builds it: no row per stay reaches Node). Rows of TravellerForCheckRow, in no order.
 */
export function travellersForCheckSql(accountId: string, travellerIds: string[], exclude: PlannedTripsExclusion = {}): Prisma.Sql {
  return Prisma.sql`
    SELECT tr.id, tr.name, tr.citizenship,
      coalesce((SELECT json_agg(json_build_object('entryOn', s.entry_on, 'exitOn', s.exit_on) ORDER BY s.entry_on, s.id)
                FROM stays s WHERE s.traveller_id = tr.id), '[]'::json) AS stays,
      coalesce((SELECT json_agg(json_build_object('kind', d.kind, 'validFrom', d.valid_from, 'validTo', d.valid_to) ORDER BY d.valid_from, d.id)
                FROM residence_documents d WHERE d.traveller_id = tr.id), '[]'::json) AS documents,
      coalesce((SELECT json_agg(json_build_object('exitOn', pt.departure_on, 'returnOn', CASE WHEN pt.round_trip THEN pt.return_on END) ORDER BY pt.departure_on, pb.id)
                FROM booking_travellers pbt JOIN bookings pb ON pb.id = pbt.booking_id JOIN trips pt ON pt.id = pb.trip_id
                WHERE pbt.traveller_id = tr.id
                  AND pb.status IN ('PENDING', 'CONFIRMED', 'WAITLISTED')
                  AND pt.status NOT IN ('CANCELLED', 'COMPLETED')
                  AND pb.id IS DISTINCT FROM ${exclude.bookingId ?? null}::uuid
                  AND pb.trip_id IS DISTINCT FROM ${exclude.tripId ?? null}::uuid), '[]'::json) AS planned
    FROM travellers tr
    WHERE tr.id = ANY(${travellerIds}::uuid[]) AND tr.account_id = ${accountId}::uuid`
}

/** The rows of travellersForCheckSql in the order asked for. A traveller of someone else is refused
 * exactly like one that does not exist (no hint that the id is real). */
export function travellersFromRows(rows: TravellerForCheckRow[], travellerIds: string[]): TravellerForCheck[] {
  const byId = new Map(rows.map((r) => [r.id, r]))
  if (travellerIds.some((id) => !byId.has(id))) throw new AppError('VALIDATION', { fields: { travellerIds: [{ key: 'validation.travellerNotYours' }] } })
  return travellerIds.map((id) => {
    const r = byId.get(id)!
    return {
      id: r.id,
      name: r.name,
      citizenship: r.citizenship,
      stays: r.stays,
      documents: r.documents.map((d) => ({ kind: documentKind[d.kind], validFrom: d.validFrom, validTo: d.validTo })),
      plannedTrips: r.planned,
    }
  })
}

/**
 * The travellers of one account, in the order asked for, with their stays, documents and other
 * live bookings — one statement.
 */
export async function loadTravellersForCheck(tx: Pick<Tx, '$queryRaw'>, accountId: string, travellerIds: string[], exclude: PlannedTripsExclusion = {}): Promise<TravellerForCheck[]> {
  const rows = await tx.$queryRaw<TravellerForCheckRow[]>`${travellersForCheckSql(accountId, travellerIds, exclude)}`
  return travellersFromRows(rows, travellerIds)
}

/** One traveller's live bookings as planned trips (the what-if planner counts them like a booking does). */
export async function loadPlannedTrips(tx: Tx, travellerId: string): Promise<PlannedTrip[]> {
  const rows = await tx.bookingTraveller.findMany({
    where: { travellerId, booking: { status: { in: [...LIVE_BOOKING_STATUSES] }, trip: { status: { notIn: ['CANCELLED', 'COMPLETED'] } } } },
    select: { booking: { select: { trip: { select: { departureOn: true, returnOn: true, roundTrip: true } } } } },
  })
  return rows
    .map(({ booking: { trip } }) => ({ exitOn: isoFromDbDate(trip.departureOn), returnOn: trip.roundTrip && trip.returnOn ? isoFromDbDate(trip.returnOn) : null }))
    .sort((a, b) => a.exitOn.localeCompare(b.exitOn))
}

export function checkTraveller(traveller: TravellerForCheck, exitOn: string, returnOn: string | null): TravellerCheck {
  const { citizenship, stays, documents, plannedTrips } = traveller
  const inputs = { citizenship, stays, documents, plannedTrips, exitOn, returnOn, ruleVersion: RULE_VERSION }
  try {
    const result = checkRun({ citizenship, stays, documents, plannedTrips, exitOn, returnOn })
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

/** The travellers whose log has no stay covering the run's exit day (CURRENT_STAY_REQUIRED). */
export function travellersNeedingCurrentStay(checks: TravellerCheck[]): { travellerId: string; name: string }[] {
  return checks.filter((c) => c.reasons.some((r) => r.code === 'CURRENT_STAY_REQUIRED')).map((c) => ({ travellerId: c.travellerId, name: c.name }))
}

const VERDICT_RANK = { OK: 0, WARN: 1, BLOCKED: 2 } as const

/** True when `next` is a worse verdict than `previous`. */
export function isWorse(previous: 'OK' | 'WARN' | 'BLOCKED', next: 'OK' | 'WARN' | 'BLOCKED'): boolean {
  return VERDICT_RANK[next] > VERDICT_RANK[previous]
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
