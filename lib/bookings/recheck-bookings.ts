// Live bookings are checked again when something the legal check depends on changes — a stay or a
// document of a traveller, the passport they cross with, a run's dates, another booking of theirs
// — and once a day (lib/jobs/background-jobs.ts), because days pass and the count moves.
//
// A verdict that got worse is stored on the booking (drivers and coordinators see that verdict and
// nothing else), flagged for the rider with the reasons (My bookings, My stay) and told to the rider
// as a notification. Safe to run twice or in several processes at once: each booking is re-checked
// under its row lock (SKIP LOCKED: a booking another process is checking is left to it), and the
// verdict changes only from the value read, so one change is told once.
import { checkTraveller, isWorse, LIVE_BOOKING_STATUSES, loadTravellersForCheck, worstVerdict, type TravellerCheck } from '@/lib/bookings/legal-check'
import { dbDateFromIso, isoFromDbDate, todayInKz } from '@/lib/dates/kz-date'
import { db } from '@/lib/db'
import { isAppError } from '@/lib/errors'
import type { Prisma } from '@/lib/generated/prisma/client'
import { log } from '@/lib/log'
import { notify } from '@/lib/notifications/notify'
import { RULE_VERSION } from '@/lib/stay-rules'

export type RecheckScope = { travellerIds?: string[]; tripId?: string }

export type RecheckOutcome = 'unchanged' | 'worsened' | 'improved' | 'skipped'

/** Bookings whose run has not left yet: a re-check can still change what happens. */
function liveWhere(today: string): Prisma.BookingWhereInput {
  return { status: { in: [...LIVE_BOOKING_STATUSES] }, trip: { status: 'SCHEDULED', departureOn: { gte: dbDateFromIso(today) } } }
}

/** Re-checks the live bookings of some travellers or of a run now. Returns the outcome per booking. */
export async function recheckBookings(scope: RecheckScope, now: Date = new Date()): Promise<Map<string, RecheckOutcome>> {
  const today = todayInKz(now)
  const where: Prisma.BookingWhereInput = { ...liveWhere(today) }
  if (scope.tripId) where.tripId = scope.tripId
  if (scope.travellerIds) where.travellers = { some: { travellerId: { in: scope.travellerIds } } }
  if (!scope.tripId && !scope.travellerIds?.length) return new Map()
  const bookings = await db.booking.findMany({ where, select: { id: true }, orderBy: { id: 'asc' }, take: 500 })
  const outcomes = new Map<string, RecheckOutcome>()
  for (const { id } of bookings) outcomes.set(id, await recheckBooking(id, now))
  return outcomes
}

/**
 * The same, for a change the rider just saved: the save has happened, so a failing re-check is
 * logged and left to the daily sweep rather than reported as a failed save.
 */
export async function recheckAfterChange(scope: RecheckScope, now: Date = new Date()): Promise<void> {
  try {
    await recheckBookings(scope, now)
  } catch (error) {
    log.error('re-check of live bookings failed', { error })
  }
}

/** The daily sweep: every live booking not yet re-checked today, in batches. Returns how many were checked. */
export async function recheckDueBookings(now: Date = new Date(), options: { batch?: number; maxBatches?: number } = {}): Promise<number> {
  const today = todayInKz(now)
  const batch = options.batch ?? 100
  let checked = 0
  for (let round = 0; round < (options.maxBatches ?? 50); round++) {
    const due = await db.booking.findMany({
      where: { ...liveWhere(today), OR: [{ legalRecheckedOn: null }, { legalRecheckedOn: { lt: dbDateFromIso(today) } }] },
      select: { id: true },
      orderBy: { id: 'asc' },
      take: batch,
    })
    if (due.length === 0) break
    let progressed = 0
    for (const { id } of due) {
      const outcome = await recheckBooking(id, now)
      if (outcome !== 'skipped') progressed++
    }
    checked += progressed
    // Everything left was locked by another process (which marks it checked): stop, do not spin.
    if (progressed === 0) break
  }
  return checked
}

/** Re-checks one live booking under its row lock. 'skipped': another process holds it, or it is no longer live. */
export async function recheckBooking(bookingId: string, now: Date = new Date()): Promise<RecheckOutcome> {
  const today = todayInKz(now)
  return db.$transaction(async (tx) => {
    const [locked] = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM bookings WHERE id = ${bookingId}::uuid FOR UPDATE SKIP LOCKED`
    if (!locked) return 'skipped'
    const booking = await tx.booking.findUniqueOrThrow({
      where: { id: bookingId },
      select: {
        id: true, status: true, riderId: true, verdict: true, warningAcknowledged: true, verdictWorsenedAt: true,
        trip: { select: { id: true, status: true, departureOn: true, departureAt: true, returnOn: true } },
        travellers: { select: { travellerId: true, position: true }, orderBy: { position: 'asc' } },
      },
    })
    const markChecked = () => tx.booking.update({ where: { id: bookingId }, data: { legalRecheckedOn: dbDateFromIso(today) } })
    const live = (LIVE_BOOKING_STATUSES as readonly string[]).includes(booking.status) && booking.trip.status === 'SCHEDULED' && isoFromDbDate(booking.trip.departureOn) >= today
    const ids = booking.travellers.map((t) => t.travellerId)
    if (!live || !booking.riderId || ids.some((id) => id === null)) {
      await markChecked()
      return 'skipped'
    }
    let checks: TravellerCheck[]
    try {
      const travellers = await loadTravellersForCheck(tx, booking.riderId, ids as string[], { bookingId })
      const exitOn = isoFromDbDate(booking.trip.departureOn)
      const returnOn = booking.trip.returnOn ? isoFromDbDate(booking.trip.returnOn) : null
      checks = travellers.map((t) => checkTraveller(t, exitOn, returnOn))
    } catch (error) {
      // A travel log the engine cannot read (or a traveller gone): the rider sees that on My stay;
      // the booking keeps its verdict until the log can be read again.
      if (!isAppError(error)) throw error
      await markChecked()
      return 'unchanged'
    }
    for (const [i, check] of checks.entries()) {
      await tx.bookingTraveller.update({
        where: { bookingId_position: { bookingId, position: booking.travellers[i]!.position } },
        data: { verdict: check.verdict, reasons: check.reasons as unknown as Prisma.InputJsonValue, checkInputs: check.inputs as unknown as Prisma.InputJsonValue },
      })
    }
    const next = worstVerdict(checks)
    const previous = booking.verdict
    if (next === previous) {
      await markChecked()
      return 'unchanged'
    }
    const worse = isWorse(previous, next)
    // Improved: the flag goes once nothing is left to act on (ok, or a warning the rider accepted).
    const settled = next === 'OK' || (next === 'WARN' && booking.warningAcknowledged)
    const worsenedAt = worse ? now : settled ? null : booking.verdictWorsenedAt
    const changed = await tx.booking.updateMany({
      where: { id: bookingId, verdict: previous },
      data: { verdict: next, verdictWorsenedAt: worsenedAt, ruleVersion: RULE_VERSION, legalRecheckedOn: dbDateFromIso(today) },
    })
    if (changed.count === 1 && worse) {
      await notify(tx, [
        { userId: booking.riderId, kind: 'BOOKING_LEGAL_WORSENED', params: { tripId: booking.trip.id, bookingId, verdict: next, departureAt: booking.trip.departureAt.toISOString() } },
      ])
    }
    return worse ? 'worsened' : 'improved'
  })
}
