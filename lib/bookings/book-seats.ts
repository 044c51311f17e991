// Books seats on a run for a party of the rider's travellers, after the legal check of each.
//
// The seat count is taken with ONE conditional UPDATE (`seats_taken + n <= seats_total`) inside the
// booking transaction: concurrent requests serialise on the run's row and the database, not a read
// in our code, decides who gets the last seat (a CHECK constraint backs it up). A read-then-write
// here oversold 26–42 of 3 seats under 200 concurrent requests when measured (../shared/STACK.md).
import { createHash } from 'node:crypto'
import { z } from 'zod'
import type { Actor } from '@/lib/auth/permissions'
import { checkDetails, checkTraveller, loadTravellersForCheck, travellersNeedingCurrentStay, worstVerdict } from '@/lib/bookings/legal-check'
import { findOneWayAlternatives } from '@/lib/bookings/one-way-alternatives'
import { bookingViewSelect, type BookingView } from '@/lib/bookings/booking-view'
import { dbDateFromIso, isoFromDbDate, todayInKz } from '@/lib/dates/kz-date'
import { db } from '@/lib/db'
import { AppError } from '@/lib/errors'
import { Prisma } from '@/lib/generated/prisma/client'
import { quoteBooking } from '@/lib/money/quote-booking'
import { hitRateLimit, rateLimits } from '@/lib/rate-limit'
import { notify } from '@/lib/notifications/notify'
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

function isUniqueViolation(error: unknown, index: string): boolean {
  if (!(error instanceof Prisma.PrismaClientKnownRequestError) || error.code !== 'P2002') return false
  const text = JSON.stringify(error.meta ?? {}) + error.message
  return text.includes(index) || (index.includes('idempotency') && text.includes('idempotency_key'))
}

// Fault injection for lib/bookings/booking-crash.test.ts, off unless POPUTKA_FAULT_BOOKING_PAUSE_MS is
// set: the booking sleeps in the database at one point (POPUTKA_FAULT_BOOKING_PAUSE_AT = after-seats
// | after-insert, inside the transaction; after-commit, once it has committed) so a test can kill
// the process exactly there.
async function pauseForFaultInjection(client: Pick<Prisma.TransactionClient, '$executeRaw'>, at: 'after-seats' | 'after-insert' | 'after-commit') {
  const ms = Number(process.env.POPUTKA_FAULT_BOOKING_PAUSE_MS ?? 0)
  if (ms > 0 && (process.env.POPUTKA_FAULT_BOOKING_PAUSE_AT ?? 'after-seats') === at) await client.$executeRaw`SELECT pg_sleep(${ms / 1000})`
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
  const replay = await findByIdempotencyKey(actor.id, input.idempotencyKey, fingerprint)
  if (replay) return replay
  const limit = await hitRateLimit(rateLimits.bookingPerAccount, actor.id)
  if (!limit.allowed) throw new AppError('RATE_LIMITED', { params: { seconds: limit.retryAfterSeconds }, retryAfterSeconds: limit.retryAfterSeconds })
  try {
    return await bookOnce(actor, input, fingerprint, now)
  } catch (error) {
    const replayAfterRace = await findByIdempotencyKey(actor.id, input.idempotencyKey, fingerprint)
    if (replayAfterRace) return replayAfterRace
    throw error
  }
}

async function bookOnce(actor: Actor, input: BookSeatsInput, fingerprint: string, now: Date): Promise<BookSeatsResult> {

  const trip = await db.trip.findUnique({
    where: { id: input.tripId },
    select: {
      id: true, driverId: true, status: true, departureAt: true, departureOn: true, returnOn: true, roundTrip: true, seatsTotal: true,
      approvalMode: true, requestTtlHours: true, originCityId: true, checkpointId: true,
      originCity: { select: { nameRu: true } }, destinationCity: { select: { nameRu: true } },
    },
  })
  if (!trip) throw new AppError('NOT_FOUND')
  if (trip.driverId === actor.id) throw new AppError('OWN_TRIP', { status: 409 })
  if (trip.status !== 'SCHEDULED' || trip.departureAt <= now) throw new AppError('TRIP_NOT_BOOKABLE', { status: 409 })
  if (input.travellerIds.length > trip.seatsTotal) {
    throw new AppError('PARTY_TOO_LARGE', { status: 422, params: { seats: trip.seatsTotal }, fields: { travellerIds: [{ key: 'errors.PARTY_TOO_LARGE', params: { seats: trip.seatsTotal } }] } })
  }

  // The legal check, before anything is written — with the traveller's other live bookings as
  // planned trips, and the entry dates given for travellers whose log has no current stay.
  const exitOn = isoFromDbDate(trip.departureOn)
  const returnOn = trip.returnOn ? isoFromDbDate(trip.returnOn) : null
  const travellers = await loadTravellersForCheck(db, actor.id, input.travellerIds, { tripId: trip.id })
  const currentStays = validateCurrentStays(input, travellers, todayInKz(now))
  for (const current of currentStays) travellers.find((t) => t.id === current.travellerId)!.stays.push({ entryOn: current.entryOn, exitOn: null })
  const checks = travellers.map((t) => checkTraveller(t, exitOn, returnOn))
  const verdict = worstVerdict(checks)
  const needStay = travellersNeedingCurrentStay(checks)
  if (needStay.length > 0) {
    // An empty log is not zero days: ask for the entry date of each, in the booking form.
    throw new AppError('CURRENT_STAY_REQUIRED', { status: 422, params: { names: needStay.map((t) => t.name).join(', ') }, details: { ...checkDetails(checks), currentStayRequired: needStay } })
  }
  if (verdict === 'BLOCKED') {
    // A round trip over the limit is refused; leaving never is — offer the one-way runs out.
    const overstaying = checks.some((c) => c.reasons.some((r) => r.code === 'OVERSTAY_ON_EXIT'))
    const oneWay = overstaying && trip.roundTrip ? await findOneWayAlternatives(trip, now) : []
    throw new AppError('LEGAL_BLOCKED', { status: 422, details: { ...checkDetails(checks), oneWayAlternatives: oneWay } })
  }
  if (verdict === 'WARN' && !input.acknowledgeWarning) throw new AppError('LEGAL_WARNING', { status: 409, details: checkDetails(checks) })

  // One person cannot be in two cars on the same day.
  const clash = await db.bookingTraveller.findFirst({
    where: {
      travellerId: { in: input.travellerIds },
      booking: { status: { in: ['PENDING', 'CONFIRMED', 'WAITLISTED'] }, trip: { departureOn: trip.departureOn, status: { not: 'CANCELLED' } } },
    },
    select: { name: true },
  })
  if (clash) throw new AppError('TRAVELLER_DOUBLE_BOOKED', { status: 409, params: { name: clash.name } })

  const seats = input.travellerIds.length
  try {
    const result = await db.$transaction(async (tx) => {
      const taken = await tx.$queryRaw<{ seats_taken: number; pricing_mode: 'PER_SEAT' | 'SHARED_COST'; price_per_seat_tenge: number | null; total_cost_tenge: number | null; min_riders: number; driver_shares: boolean }[]>`
        UPDATE trips SET seats_taken = seats_taken + ${seats}, updated_at = now()
        WHERE id = ${trip.id}::uuid AND status = 'SCHEDULED' AND departure_at > ${now} AND seats_taken + ${seats} <= seats_total
        RETURNING seats_taken, pricing_mode, price_per_seat_tenge, total_cost_tenge, min_riders, driver_shares`
      await pauseForFaultInjection(tx, 'after-seats')
      const got = taken[0]
      let status: 'CONFIRMED' | 'PENDING' | 'WAITLISTED'
      let pricing
      if (got) {
        status = trip.approvalMode === 'INSTANT' ? 'CONFIRMED' : 'PENDING'
        pricing = { ...got, seatsAlreadyTaken: got.seats_taken - seats }
      } else {
        const current = await tx.trip.findUniqueOrThrow({
          where: { id: trip.id },
          select: { status: true, seatsTaken: true, seatsTotal: true, pricingMode: true, pricePerSeatTenge: true, totalCostTenge: true, minRiders: true, driverShares: true },
        })
        if (current.status !== 'SCHEDULED') throw new AppError('TRIP_NOT_BOOKABLE', { status: 409 })
        const left = current.seatsTotal - current.seatsTaken
        if (!input.joinWaitlist) throw new AppError('TRIP_FULL', { status: 409, params: { left }, details: { seatsLeft: left } })
        status = 'WAITLISTED'
        pricing = {
          pricing_mode: current.pricingMode, price_per_seat_tenge: current.pricePerSeatTenge, total_cost_tenge: current.totalCostTenge,
          min_riders: current.minRiders, driver_shares: current.driverShares, seatsAlreadyTaken: Math.max(0, current.seatsTotal - seats),
        }
      }
      const quote = quoteBooking({
        pricingMode: pricing.pricing_mode,
        pricePerSeatTenge: pricing.price_per_seat_tenge,
        totalCostTenge: pricing.total_cost_tenge,
        minRiders: pricing.min_riders,
        driverShares: pricing.driver_shares,
        seatsAlreadyTaken: pricing.seatsAlreadyTaken,
        seatsRequested: seats,
      })
      const expiresAt =
        status === 'PENDING' ? new Date(Math.min(now.getTime() + (trip.requestTtlHours ?? 3) * 3_600_000, trip.departureAt.getTime())) : null
      // The entry dates given in the form become the travellers' open stays, with the booking.
      for (const current of currentStays) {
        const written = await tx.$executeRaw`
          INSERT INTO stays (traveller_id, entry_on, exit_on, source, updated_at)
          SELECT ${current.travellerId}::uuid, ${dbDateFromIso(current.entryOn)}::date, NULL, 'MANUAL', now()
          WHERE NOT EXISTS (SELECT 1 FROM stays WHERE traveller_id = ${current.travellerId}::uuid AND exit_on IS NULL)`
        if (written === 0) throw new AppError('VALIDATION', { fields: { currentStays: [{ key: 'validation.secondOpenStay' }] } })
      }
      const booking = await tx.booking.create({
        data: {
          tripId: trip.id,
          riderId: actor.id,
          status,
          seats,
          quotedTenge: quote.nowTenge,
          capTenge: quote.capTenge,
          verdict,
          ruleVersion: RULE_VERSION,
          legalRecheckedOn: dbDateFromIso(todayInKz(now)),
          warningAcknowledged: verdict === 'WARN',
          idempotencyKey: input.idempotencyKey ?? null,
          idempotencyFingerprint: input.idempotencyKey ? fingerprint : null,
          expiresAt,
          decidedAt: status === 'CONFIRMED' ? now : null,
          travellers: {
            create: checks.map((c, position) => ({
              position,
              travellerId: c.travellerId,
              name: c.name,
              verdict: c.verdict,
              reasons: c.reasons as unknown as Prisma.InputJsonValue,
              checkInputs: c.inputs as unknown as Prisma.InputJsonValue,
            })),
          },
        },
        select: bookingViewSelect,
      })
      const route = `${trip.originCity.nameRu} → ${trip.destinationCity.nameRu}`
      const params = { tripId: trip.id, bookingId: booking.id, route, departureAt: trip.departureAt.toISOString(), seats, rider: actor.name }
      await notify(tx, [
        { userId: actor.id, kind: status === 'CONFIRMED' ? 'BOOKING_CONFIRMED' : status === 'PENDING' ? 'BOOKING_REQUESTED' : 'WAITLISTED', params },
        ...(status === 'WAITLISTED' ? [] : [{ userId: trip.driverId, kind: 'BOOKING_RECEIVED' as const, params: { ...params, pending: status === 'PENDING' ? 1 : 0 } }]),
      ])
      await pauseForFaultInjection(tx, 'after-insert') // everything written, COMMIT next
      return { ...booking, replayed: false }
    })
    await pauseForFaultInjection(db, 'after-commit')
    return result
  } catch (error) {
    if (error instanceof Error && error.message.includes('stays_one_open_per_traveller')) {
      throw new AppError('VALIDATION', { fields: { currentStays: [{ key: 'validation.secondOpenStay' }] } })
    }
    if (isUniqueViolation(error, 'bookings_one_live_per_rider_and_trip') || isUniqueViolation(error, 'trip_id')) {
      throw new AppError('ALREADY_BOOKED', { status: 409 })
    }
    throw error
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
