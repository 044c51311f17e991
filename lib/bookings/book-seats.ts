// Books seats on a run for a party of the rider's travellers, after the legal check of each.
//
// The seat count is taken with ONE conditional UPDATE (`seats_taken + n <= seats_total`) inside the
// booking transaction: concurrent requests serialise on the run's row and the database, not a read
// in our code, decides who gets the last seat (a CHECK constraint backs it up). A read-then-write
// here oversold 26–42 of 3 seats under 200 concurrent requests when measured (../shared/STACK.md).
import { createHash } from 'node:crypto'
import pg from 'pg'
import { z } from 'zod'
import type { Actor } from '@/lib/auth/permissions'
import { checkDetails, checkTraveller, travellersForCheckSql, travellersFromRows, travellersNeedingCurrentStay, worstVerdict, type TravellerForCheckRow } from '@/lib/bookings/legal-check'
import { findOneWayAlternatives } from '@/lib/bookings/one-way-alternatives'
import { bookingViewSelect, type BookingView } from '@/lib/bookings/booking-view'
import { todayInKz } from '@/lib/dates/kz-date'
import { db, queryPrepared } from '@/lib/db'
import { AppError } from '@/lib/errors'
import { Prisma } from '@/lib/generated/prisma/client'
import { quoteBooking } from '@/lib/money/quote-booking'
import { rateLimits } from '@/lib/rate-limit'
import { NOTIFICATION_TOPICS, OUTBOX_CHANNEL, outboxCtes } from '@/lib/notifications/notify'
import { RULE_VERSION } from '@/lib/stay-rules'
import { isoDateSchema } from '@/lib/travellers/iso-date'

export const bookSeatsSchema = z.strictObject({
  tripId: z.uuid(),
  travellerIds: z
    .array(z.uuid())
    .min(1)
    .max(8)
    .refine((ids) => new Set(ids).size === ids.length, { message: 'v.duplicateTraveller' }),
  acknowledgeWarning: z.boolean().default(false),
  joinWaitlist: z.boolean().default(false),
  /**
   * A traveller with no stay covering the run's day (CURRENT_STAY_REQUIRED) is in Kazakhstan since
   * this entry date: it becomes their open stay, written with the booking (one transaction).
   */
  currentStays: z
    .array(z.strictObject({ travellerId: z.uuid(), entryOn: isoDateSchema }))
    .max(8)
    .refine((list) => new Set(list.map((c) => c.travellerId)).size === list.length, { message: 'v.duplicateTraveller' })
    .optional(),
  idempotencyKey: z.string().min(8).max(200).regex(/^[\x21-\x7e]+$/, { message: 'v.format' }).optional(),
})

export type BookSeatsInput = z.infer<typeof bookSeatsSchema>

export type BookSeatsResult = BookingView & { replayed: boolean }

/** A unique index broke: P2002 from Prisma, SQLSTATE 23505 from a statement sent through pg (queryPrepared). */
function isUniqueViolation(error: unknown, index: string): boolean {
  if (error instanceof pg.DatabaseError) return error.code === '23505' && (error.constraint ?? '').includes(index)
  if (!(error instanceof Prisma.PrismaClientKnownRequestError) || error.code !== 'P2002') return false
  const text = JSON.stringify(error.meta ?? {}) + error.message
  return text.includes(index) || (index.includes('idempotency') && text.includes('idempotency_key'))
}

// Fault injection for lib/bookings/booking-crash.test.ts, off unless POPUTKA_FAULT_BOOKING_PAUSE_MS is
// set: the booking sleeps in the database at one point so a test can kill the process exactly there
// — POPUTKA_FAULT_BOOKING_PAUSE_AT = in-statement (the default): inside the booking's one statement,
// once the seats are taken and the rows written (the statement commits only when it ends);
// after-commit: once it has committed.
function faultPauseInStatement(): Prisma.Sql {
  const ms = Number(process.env.POPUTKA_FAULT_BOOKING_PAUSE_MS ?? 0)
  const at = process.env.POPUTKA_FAULT_BOOKING_PAUSE_AT ?? 'in-statement'
  return ms > 0 && at !== 'after-commit' ? Prisma.sql`, (SELECT pg_sleep(${ms / 1000}) FROM b)::text AS paused` : Prisma.empty
}

async function pauseAfterCommit() {
  const ms = Number(process.env.POPUTKA_FAULT_BOOKING_PAUSE_MS ?? 0)
  if (ms > 0 && process.env.POPUTKA_FAULT_BOOKING_PAUSE_AT === 'after-commit') await db.$executeRaw`SELECT pg_sleep(${ms / 1000})`
}

/** JSON with object keys in a fixed order: the same body however a client ordered its fields. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`
  }
  return JSON.stringify(value)
}

/** The request an Idempotency-Key came with, as one SHA-256: method, path and canonical body (after
 * defaults, so `{"travellerIds":[…]}` and the same with `"acknowledgeWarning":false` are one
 * request). The run page's form books through the same request. */
export function requestFingerprint(input: Pick<BookSeatsInput, 'tripId' | 'travellerIds' | 'acknowledgeWarning' | 'joinWaitlist' | 'currentStays'>): string {
  // Entry dates given for travellers with no current stay are part of what was asked (an absent list
  // and an empty one are the same request; their order is not).
  const currentStays = [...(input.currentStays ?? [])].sort((a, b) => (a.travellerId < b.travellerId ? -1 : a.travellerId > b.travellerId ? 1 : 0))
  const body = canonicalJson({
    travellerIds: input.travellerIds,
    acknowledgeWarning: input.acknowledgeWarning,
    joinWaitlist: input.joinWaitlist,
    currentStays: currentStays.length ? currentStays : undefined,
  })
  return createHash('sha256').update(`POST /api/trips/${input.tripId}/bookings\n${body}`).digest('hex')
}

/** The booking made with this key, if any — or a refusal when it was made by another request (a
 * booking from before fingerprints were kept has none and replays as before). */
async function findByIdempotencyKey(riderId: string, key: string | undefined, fingerprint: string): Promise<BookSeatsResult | null> {
  if (!key) return null
  const existing = await db.booking.findUnique({ where: { riderId_idempotencyKey: { riderId, idempotencyKey: key } }, select: { ...bookingViewSelect, idempotencyFingerprint: true } })
  if (!existing) return null
  const { idempotencyFingerprint, ...booking } = existing
  if (idempotencyFingerprint !== null && idempotencyFingerprint !== fingerprint) throw new AppError('IDEMPOTENCY_KEY_REUSED', { status: 422 })
  return { ...booking, replayed: true }
}

export async function bookSeats(actor: Actor, input: BookSeatsInput, now: Date = new Date()): Promise<BookSeatsResult> {
  // A retried request returns the first result and books nothing twice — also when the retry
  // arrives while the first is still being written (it then trips over the first's rows). The same
  // key with another request (another run, other travellers) is refused, never answered with the
  // first booking.
  const fingerprint = requestFingerprint(input)
  try {
    return await bookOnce(actor, input, fingerprint, now)
  } catch (error) {
    const replayAfterRace = await findByIdempotencyKey(actor.id, input.idempotencyKey, fingerprint)
    if (replayAfterRace) return replayAfterRace
    throw error
  }
}

/** What the booking's one read gives: the run, whether the rider may book it, a clash, the party. */
type BookingContextRow = {
  replay: boolean
  /** The attempts counted in the window (null when this one was not counted: a replay, a second look). */
  rate_count: number | null
  rate_window_start: Date | null
  /** Null when there is no such run (the rest is then null too). */
  id: string | null
  driver_id: string
  status: string
  departure_at: Date
  departure_on: string
  return_on: string | null
  round_trip: boolean
  seats_total: number
  approval_mode: 'INSTANT' | 'MANUAL'
  request_ttl_hours: number | null
  origin_city_id: string
  checkpoint_id: string
  pricing_mode: 'PER_SEAT' | 'SHARED_COST'
  price_per_seat_tenge: number | null
  total_cost_tenge: number | null
  min_riders: number
  driver_shares: boolean
  origin_name: string
  destination_name: string
  suspended: boolean
  blocked: boolean
  clash_name: string | null
  travellers: TravellerForCheckRow[]
}

/**
 * Everything the booking decides on before it writes, in ONE statement: the run with its pricing and
 * place names; whether the rider is suspended or blocked either way with the driver; a traveller of
 * the party already in a live booking that day; whether the idempotency key was used; the party
 * with stays, documents and other live bookings (lib/bookings/legal-check.ts).
 */
async function loadBookingContext(actor: Actor, input: BookSeatsInput, countAttempt: boolean): Promise<BookingContextRow> {
  const rule = rateLimits.bookingPerAccount
  const key = input.idempotencyKey ?? null
  const rows = await queryPrepared<BookingContextRow>('booking_context', Prisma.sql`
    WITH replay AS (
      SELECT ${key}::text IS NOT NULL AND EXISTS (
        SELECT 1 FROM bookings ib WHERE ib.rider_id = ${actor.id}::uuid AND ib.idempotency_key = ${key}::text) AS used
    ), rl AS (
      -- Every attempt counts (a retry of a booking already made does not), before anything is decided.
      INSERT INTO rate_limits (key, window_start, count)
      SELECT ${`${rule.name}:${actor.id}`}, now(), 1 FROM replay WHERE NOT replay.used AND ${countAttempt}::boolean
      ON CONFLICT (key) DO UPDATE SET
        window_start = CASE WHEN rate_limits.window_start <= now() - make_interval(secs => ${rule.windowSeconds}) THEN now() ELSE rate_limits.window_start END,
        count = CASE WHEN rate_limits.window_start <= now() - make_interval(secs => ${rule.windowSeconds}) THEN 1 ELSE rate_limits.count + 1 END
      RETURNING count, window_start
    )
    SELECT replay.used AS replay, rl.count AS rate_count, rl.window_start AS rate_window_start,
      t.id, t.driver_id, t.status::text, t.departure_at, t.departure_on::text, t.return_on::text, t.round_trip, t.seats_total,
      t.approval_mode::text, t.request_ttl_hours, t.origin_city_id, t.checkpoint_id,
      t.pricing_mode::text, t.price_per_seat_tenge, t.total_cost_tenge, t.min_riders, t.driver_shares,
      oc.name_ru AS origin_name, dc.name_ru AS destination_name,
      EXISTS (SELECT 1 FROM users u WHERE u.id = ${actor.id}::uuid AND u.suspended_at IS NOT NULL) AS suspended,
      EXISTS (SELECT 1 FROM blocks bl
              WHERE (bl.blocker_id = t.driver_id AND bl.blocked_id = ${actor.id}::uuid)
                 OR (bl.blocker_id = ${actor.id}::uuid AND bl.blocked_id = t.driver_id)) AS blocked,
      (SELECT cbt.name FROM booking_travellers cbt JOIN bookings cb ON cb.id = cbt.booking_id JOIN trips ct ON ct.id = cb.trip_id
       WHERE cbt.traveller_id = ANY(${input.travellerIds}::uuid[]) AND cb.status IN ('PENDING', 'CONFIRMED', 'WAITLISTED')
         AND ct.departure_on = t.departure_on AND ct.status <> 'CANCELLED'
       LIMIT 1) AS clash_name,
      (SELECT coalesce(json_agg(p), '[]'::json) FROM (${travellersForCheckSql(actor.id, input.travellerIds, { tripId: input.tripId })}) p) AS travellers
    FROM replay LEFT JOIN rl ON true
      LEFT JOIN trips t ON t.id = ${input.tripId}::uuid
      LEFT JOIN cities oc ON oc.id = t.origin_city_id LEFT JOIN cities dc ON dc.id = t.destination_city_id`)
  // Always one row (the replay CTE's), with the run's columns null when there is no such run.
  return rows[0]!
}

type WriteRow = {
  trip_status: string | null
  departure_at: Date | null
  seats_total: number | null
  seats_taken: number | null
  same_terms: boolean | null
  booking_id: string | null
  booking_status: 'CONFIRMED' | 'PENDING' | 'WAITLISTED' | null
  quoted_tenge: number | null
  cap_tenge: number | null
  payment_state: BookingView['paymentState'] | null
  expires_at: Date | null
  created_at: Date | null
}

/** A change of the run's terms between the read and the write makes the quote stale: read again, this often. */
const STALE_TERMS_ATTEMPTS = 3

async function bookOnce(actor: Actor, input: BookSeatsInput, fingerprint: string, now: Date, attempt = 1): Promise<BookSeatsResult> {
  // A second look after a stale read is the same attempt: it is not counted again.
  const context = await loadBookingContext(actor, input, attempt === 1)
  if (context.replay) {
    const replay = await findByIdempotencyKey(actor.id, input.idempotencyKey, fingerprint)
    if (replay) return replay
  }
  const rule = rateLimits.bookingPerAccount
  if (context.rate_count !== null && context.rate_count > rule.limit) {
    const retryAfterSeconds = Math.max(1, Math.ceil((context.rate_window_start!.getTime() + rule.windowSeconds * 1000 - Date.now()) / 1000))
    throw new AppError('RATE_LIMITED', { params: { seconds: retryAfterSeconds }, retryAfterSeconds })
  }
  if (context.id === null) throw new AppError('NOT_FOUND')
  const trip = { ...context, id: context.id }
  if (trip.driver_id === actor.id) throw new AppError('OWN_TRIP', { status: 409 })
  // A suspended account books nothing; a block between rider and driver either way refuses.
  if (trip.suspended) throw new AppError('ACCOUNT_SUSPENDED', { status: 403 })
  // The same words whichever side blocked: a rider is not told that a driver blocked them.
  if (trip.blocked) throw new AppError('BOOKING_BLOCKED', { status: 403 })
  if (trip.status !== 'SCHEDULED' || trip.departure_at <= now) throw new AppError('TRIP_NOT_BOOKABLE', { status: 409 })
  if (input.travellerIds.length > trip.seats_total) {
    throw new AppError('PARTY_TOO_LARGE', { status: 422, params: { seats: trip.seats_total }, fields: { travellerIds: [{ key: 'errors.PARTY_TOO_LARGE', params: { seats: trip.seats_total } }] } })
  }

  // The legal check, before anything is written — with the traveller's other live bookings as
  // planned trips, and the entry dates given for travellers whose log has no current stay.
  const travellers = travellersFromRows(trip.travellers, input.travellerIds)
  const currentStays = validateCurrentStays(input, travellers, todayInKz(now))
  for (const current of currentStays) travellers.find((t) => t.id === current.travellerId)!.stays.push({ entryOn: current.entryOn, exitOn: null })
  const checks = travellers.map((t) => checkTraveller(t, trip.departure_on, trip.return_on))
  const verdict = worstVerdict(checks)
  const needStay = travellersNeedingCurrentStay(checks)
  if (needStay.length > 0) {
    // An empty log is not zero days: ask for the entry date of each, in the booking form.
    throw new AppError('CURRENT_STAY_REQUIRED', { status: 422, params: { names: needStay.map((t) => t.name).join(', ') }, details: { ...checkDetails(checks), currentStayRequired: needStay } })
  }
  if (verdict === 'BLOCKED') {
    // A round trip over the limit is refused; leaving never is — offer the one-way runs out.
    const overstaying = checks.some((c) => c.reasons.some((r) => r.code === 'OVERSTAY_ON_EXIT'))
    const oneWay = overstaying && trip.round_trip ? await findOneWayAlternatives({ id: trip.id, originCityId: trip.origin_city_id, checkpointId: trip.checkpoint_id }, now) : []
    throw new AppError('LEGAL_BLOCKED', { status: 422, details: { ...checkDetails(checks), oneWayAlternatives: oneWay } })
  }
  if (verdict === 'WARN' && !input.acknowledgeWarning) throw new AppError('LEGAL_WARNING', { status: 409, details: checkDetails(checks) })

  // One person cannot be in two cars on the same day.
  if (trip.clash_name !== null) throw new AppError('TRAVELLER_DOUBLE_BOOKED', { status: 409, params: { name: trip.clash_name } })

  const seats = input.travellerIds.length
  // The amount for each number of seats others may hold when this party's turn comes (the run's
  // row decides, locked, inside the statement): index k = k seats already taken. A waitlisted party
  // is quoted as if the run were full.
  const quotes = Array.from({ length: trip.seats_total - seats + 1 }, (_, taken) =>
    quoteBooking({
      pricingMode: trip.pricing_mode,
      pricePerSeatTenge: trip.price_per_seat_tenge,
      totalCostTenge: trip.total_cost_tenge,
      minRiders: trip.min_riders,
      driverShares: trip.driver_shares,
      seatsAlreadyTaken: taken,
      seatsRequested: seats,
    }),
  )
  const ttlHours = trip.request_ttl_hours ?? 3
  const route = `${trip.origin_name} → ${trip.destination_name}`
  const params = JSON.stringify({ tripId: trip.id, route, departureAt: trip.departure_at.toISOString(), seats, rider: actor.name })
  const stayIds = currentStays.map((c) => c.travellerId)
  const stayDates = currentStays.map((c) => c.entryOn)

  // ONE statement, atomic by itself (the rate limit was counted in the read): the run's row locked
  // and read as it is now; the seats taken with a conditional UPDATE (`seats_taken + n <= seats_total`: the database,
  // not a read in our code, decides who gets the last seat — a CHECK constraint backs it up); the
  // booking, its travellers, the entry dates given as open stays and the outbox (lib/notifications)
  // written only when a seat (or a waitlist place) was granted. A unique index (one live booking per
  // rider and run, the idempotency key, one open stay) aborts all of it.
  let row: WriteRow | undefined
  try {
    ;[row] = await queryPrepared<WriteRow>('booking_write', Prisma.sql`
      WITH cur AS (
        SELECT t.status, t.departure_at, t.seats_total, t.seats_taken,
          (t.pricing_mode::text, t.price_per_seat_tenge, t.total_cost_tenge, t.min_riders, t.driver_shares, t.seats_total, t.approval_mode::text, t.request_ttl_hours)
            IS NOT DISTINCT FROM (${trip.pricing_mode}::text, ${trip.price_per_seat_tenge}::int, ${trip.total_cost_tenge}::int, ${trip.min_riders}::int,
                                  ${trip.driver_shares}::boolean, ${trip.seats_total}::int, ${trip.approval_mode}::text, ${trip.request_ttl_hours}::int) AS same_terms,
          t.status = 'SCHEDULED' AND t.departure_at > ${now} AS may_book
        FROM trips t WHERE t.id = ${trip.id}::uuid
        FOR NO KEY UPDATE
      ), upd AS (
        -- The seats, by the conditional UPDATE itself: its WHERE is checked again on the row as it is
        -- when the lock is ours, so whatever was read before, no run is ever oversold.
        UPDATE trips t SET seats_taken = t.seats_taken + ${seats}, updated_at = now()
        FROM cur
        WHERE t.id = ${trip.id}::uuid AND cur.may_book AND cur.same_terms
          AND t.status = 'SCHEDULED' AND t.departure_at > ${now} AND t.seats_taken + ${seats} <= t.seats_total
        RETURNING t.seats_taken
      ), decision AS (
        SELECT CASE
            WHEN u.seats_taken IS NOT NULL THEN ${trip.approval_mode === 'INSTANT' ? 'CONFIRMED' : 'PENDING'}::text
            WHEN ${input.joinWaitlist} AND cur.may_book AND cur.same_terms AND cur.seats_taken + ${seats} > cur.seats_total THEN 'WAITLISTED'
          END AS status,
          coalesce(u.seats_taken - ${seats}, cur.seats_total - ${seats}) AS taken_before
        FROM cur LEFT JOIN upd u ON true
      ), b AS (
        INSERT INTO bookings (trip_id, rider_id, status, seats, quoted_tenge, cap_tenge, verdict, rule_version, legal_rechecked_on,
          warning_acknowledged, idempotency_key, idempotency_fingerprint, expires_at, decided_at, updated_at)
        SELECT ${trip.id}::uuid, ${actor.id}::uuid, d.status::"BookingStatus", ${seats},
          (${quotes.map((q) => q.nowTenge)}::int[])[d.taken_before + 1], (${quotes.map((q) => q.capTenge)}::int[])[d.taken_before + 1],
          ${verdict}::"Verdict", ${RULE_VERSION}, ${todayInKz(now)}::date, ${verdict === 'WARN'},
          ${input.idempotencyKey ?? null}::text, ${input.idempotencyKey ? fingerprint : null}::text,
          CASE WHEN d.status = 'PENDING' THEN least(${now}::timestamptz + make_interval(hours => ${ttlHours}), ${trip.departure_at}::timestamptz) END,
          CASE WHEN d.status = 'CONFIRMED' THEN ${now}::timestamptz END,
          now()
        FROM decision d WHERE d.status IS NOT NULL
        RETURNING id, status, quoted_tenge, cap_tenge, payment_state, expires_at, created_at
      ), bt AS (
        INSERT INTO booking_travellers (booking_id, position, traveller_id, name, verdict, reasons, check_inputs)
        SELECT b.id, c.position - 1, c.traveller_id, c.name, c.verdict::"Verdict", c.reasons::jsonb, c.inputs::jsonb
        FROM b, unnest(${checks.map((c) => c.travellerId)}::uuid[], ${checks.map((c) => c.name)}::text[], ${checks.map((c) => c.verdict)}::text[],
                       ${checks.map((c) => JSON.stringify(c.reasons))}::text[], ${checks.map((c) => JSON.stringify(c.inputs))}::text[])
             WITH ORDINALITY AS c(traveller_id, name, verdict, reasons, inputs, position)
        RETURNING 1
      ), st AS (
        INSERT INTO stays (traveller_id, entry_on, exit_on, source, updated_at)
        SELECT s.traveller_id, s.entry_on, NULL, 'MANUAL', now()
        FROM b, unnest(${stayIds}::uuid[], ${stayDates}::date[]) AS s(traveller_id, entry_on)
        RETURNING 1
      ), ${outboxCtes(Prisma.sql`
        SELECT ${actor.id}::uuid AS user_id,
          CASE b.status WHEN 'CONFIRMED' THEN 'BOOKING_CONFIRMED' WHEN 'PENDING' THEN 'BOOKING_REQUESTED' ELSE 'WAITLISTED' END AS kind,
          ${NOTIFICATION_TOPICS.BOOKING_CONFIRMED}::text AS topic, (${params}::jsonb || jsonb_build_object('bookingId', b.id))::text AS params, NULL::text AS dedupe_key
        FROM b
        UNION ALL
        SELECT ${trip.driver_id}::uuid, 'BOOKING_RECEIVED', ${NOTIFICATION_TOPICS.BOOKING_RECEIVED}::text,
          (${params}::jsonb || jsonb_build_object('bookingId', b.id, 'pending', CASE WHEN b.status = 'PENDING' THEN 1 ELSE 0 END))::text, NULL
        FROM b WHERE b.status <> 'WAITLISTED'`)}
      SELECT cur.status::text AS trip_status, cur.departure_at, cur.seats_total, cur.seats_taken, cur.same_terms,
        b.id AS booking_id, b.status::text AS booking_status, b.quoted_tenge, b.cap_tenge, b.payment_state::text, b.expires_at, b.created_at,
        (SELECT count(*) FROM bt)::int AS travellers_written, (SELECT count(*) FROM st)::int AS stays_written,
        (SELECT count(*) FROM deliveries)::int AS deliveries,
        CASE WHEN b.id IS NOT NULL THEN pg_notify(${OUTBOX_CHANNEL}, '')::text END AS woken
        ${faultPauseInStatement()}
      FROM (SELECT 1) AS one LEFT JOIN cur ON true LEFT JOIN b ON true`)
  } catch (error) {
    if (error instanceof Error && error.message.includes('stays_one_open_per_traveller')) {
      throw new AppError('VALIDATION', { fields: { currentStays: [{ key: 'validation.secondOpenStay' }] } })
    }
    if (isUniqueViolation(error, 'bookings_one_live_per_rider_and_trip') || isUniqueViolation(error, 'trip_id')) {
      throw new AppError('ALREADY_BOOKED', { status: 409 })
    }
    throw error
  }
  if (!row) throw new Error('the booking statement returned no row')
  if (row.booking_id === null) {
    if (row.trip_status !== 'SCHEDULED' || !row.departure_at || row.departure_at <= now) throw new AppError('TRIP_NOT_BOOKABLE', { status: 409 })
    if (!row.same_terms) {
      // The driver changed the price, seats or approval between our read and the write: decide
      // again from a fresh read.
      if (attempt < STALE_TERMS_ATTEMPTS) return bookOnce(actor, input, fingerprint, now, attempt + 1)
      throw new AppError('TRIP_NOT_BOOKABLE', { status: 409 })
    }
    const left = Math.max(0, row.seats_total! - row.seats_taken!)
    // The row as read said there was room, yet the UPDATE found none: decide again from a fresh read.
    if (left >= input.travellerIds.length && attempt < STALE_TERMS_ATTEMPTS) return bookOnce(actor, input, fingerprint, now, attempt + 1)
    throw new AppError('TRIP_FULL', { status: 409, params: { left }, details: { seatsLeft: left } })
  }
  await pauseAfterCommit()
  return {
    id: row.booking_id,
    tripId: trip.id,
    status: row.booking_status!,
    seats,
    quotedTenge: row.quoted_tenge!,
    capTenge: row.cap_tenge!,
    verdict,
    ruleVersion: RULE_VERSION,
    warningAcknowledged: verdict === 'WARN',
    paymentState: row.payment_state!,
    expiresAt: row.expires_at,
    changedByDriverAt: null,
    changeSummary: null,
    createdAt: row.created_at!,
    travellers: checks.map((c) => ({ travellerId: c.travellerId, name: c.name, verdict: c.verdict, reasons: c.reasons as unknown as Prisma.JsonValue, boarding: 'PENDING' as const })),
    replayed: false,
  }
}

/**
 * The entry dates the form sent for travellers with no current stay: each for a traveller of this
 * booking, not in the future, and only for one whose log has no open stay (a second one is refused,
 * like in the travel log).
 */
function validateCurrentStays(input: BookSeatsInput, travellers: { id: string; stays: { entryOn: string; exitOn: string | null }[] }[], today: string) {
  const fields: Record<string, { key: string; params?: Record<string, string | number> }[]> = {}
  for (const current of input.currentStays ?? []) {
    const traveller = travellers.find((t) => t.id === current.travellerId)
    if (!traveller) fields.currentStays = [{ key: 'validation.travellerNotYours' }]
    else if (current.entryOn > today) fields[`currentStays.${current.travellerId}`] = [{ key: 'validation.dateInFuture' }]
    else if (traveller.stays.some((s) => s.exitOn === null)) fields[`currentStays.${current.travellerId}`] = [{ key: 'validation.secondOpenStay' }]
  }
  if (Object.keys(fields).length > 0) throw new AppError('VALIDATION', { fields })
  return input.currentStays ?? []
}
