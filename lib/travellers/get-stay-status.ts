// "My stay" for one traveller on a day: the engine's assessment, the calendar strip around it and
// the registration reminder.
import { z } from 'zod'
import type { Actor } from '@/lib/auth/permissions'
import { LIVE_BOOKING_STATUSES } from '@/lib/bookings/legal-check'
import { db } from '@/lib/db'
import { addDays, assessStay, type IsoDate, type ResidenceDocument, type StayAssessment, type StayRecord } from '@/lib/stay-rules'
import type { TravellerSummary } from './find-own-traveller'
import { isoDateSchema } from './iso-date'
import { loadStayInput, withEngine } from './load-stay-input'
import { registrationReminder, type RegistrationReminder } from './registration-reminder'
import { buildStayCalendar, type StayCalendar } from './stay-calendar'
import type { StayView } from './stays/stay-view'

export type StayStatus = {
  traveller: TravellerSummary
  on: IsoDate
  assessment: StayAssessment
  /** The recorded stay the traveller is in on `on` (then latestLegalExit is "leave by"), else null
   * (then the numbers answer "if I enter on `on`"). */
  currentStay: StayView | null
  /** When the traveller may next come in, and for how long (null: no limit in sight, or exempt). */
  nextEntry: NextEntry | null
  calendar: StayCalendar
  registration: RegistrationReminder | null
  /** Per-entry limit of 30 days or less ends within PER_ENTRY_WARNING_DAYS: leave (or do a run) by then. */
  perEntryEndsSoon: { latestLegalExit: IsoDate; maxDaysPerEntry: number; daysLeft: number } | null
  /** This traveller's live bookings whose verdict a re-check found worse, with the reasons. */
  affectedBookings: AffectedBooking[]
}

export type AffectedBooking = {
  bookingId: string
  tripId: string
  departureAt: Date
  verdict: 'OK' | 'WARN' | 'BLOCKED'
  reasons: unknown
}

/** 30-day (and 14-day) nationals are warned this many days before their per-entry limit ends. */
export const PER_ENTRY_WARNING_DAYS = 5

/**
 * The earliest re-entry: after leaving on `afterExitOn` (the latest legal exit) — or, when no stay
 * is possible from `on` at all (afterExitOn null), the engine's earliest entry. "Days remaining"
 * is not this: days roll out of the window meanwhile (research §6.2, §6.5).
 */
export type NextEntry = { on: IsoDate; maxStayDays: number; afterExitOn: IsoDate | null }

export const stayStatusQuerySchema = z.strictObject({ on: isoDateSchema })

export async function getStayStatus(actor: Pick<Actor, 'id'>, travellerId: string, on: IsoDate): Promise<StayStatus> {
  stayStatusQuerySchema.parse({ on })
  const input = await loadStayInput(actor, travellerId)
  // The log holds no future stays (they are refused); for a day in the past, the stays that began
  // after it are not part of that day's picture.
  const log = input.log.filter((stay) => stay.entryOn <= on)
  const stays = log.map((stay) => ({ entryOn: stay.entryOn, exitOn: stay.exitOn }))
  const assessment = withEngine(input.traveller, () => assessStay({ citizenship: input.traveller.citizenship, stays, documents: input.documents, on }))
  const currentStay = [...log].reverse().find((stay) => stay.exitOn === null || stay.exitOn >= on) ?? null
  const openStay = currentStay && currentStay.exitOn === null ? currentStay : null
  return {
    traveller: input.traveller,
    on,
    assessment,
    currentStay,
    nextEntry: nextEntryAfter({ citizenship: input.traveller.citizenship, stays, documents: input.documents, on, assessment }),
    calendar: buildStayCalendar({ on, stays, windowStart: assessment.windowStart, latestLegalExit: assessment.latestLegalExit }),
    registration: registrationReminder({ on, regime: assessment.regime, limits: assessment.limits, openStay }),
    perEntryEndsSoon: perEntryEndsSoon(assessment, openStay !== null),
    affectedBookings: await listAffectedBookings(actor, travellerId),
  }
}

function perEntryEndsSoon(assessment: StayAssessment, present: boolean): StayStatus['perEntryEndsSoon'] {
  const limit = assessment.reasons.find((reason) => reason.code === 'LIMIT_PER_ENTRY')
  const perEntry = assessment.rule.maxDaysPerEntry
  if (!present || !limit || perEntry === null || perEntry > 30 || assessment.latestLegalExit === null) return null
  if (assessment.maxStayDays > PER_ENTRY_WARNING_DAYS) return null
  return { latestLegalExit: assessment.latestLegalExit, maxDaysPerEntry: perEntry, daysLeft: assessment.maxStayDays }
}

async function listAffectedBookings(actor: Pick<Actor, 'id'>, travellerId: string): Promise<AffectedBooking[]> {
  const rows = await db.bookingTraveller.findMany({
    where: { travellerId, booking: { riderId: actor.id, status: { in: [...LIVE_BOOKING_STATUSES] }, verdictWorsenedAt: { not: null } } },
    select: { verdict: true, reasons: true, booking: { select: { id: true, tripId: true, trip: { select: { departureAt: true } } } } },
    orderBy: { booking: { trip: { departureAt: 'asc' } } },
  })
  return rows.map((r) => ({ bookingId: r.booking.id, tripId: r.booking.tripId, departureAt: r.booking.trip.departureAt, verdict: r.verdict, reasons: r.reasons }))
}

function nextEntryAfter(input: { citizenship: string; stays: StayRecord[]; documents: ResidenceDocument[]; on: IsoDate; assessment: StayAssessment }): NextEntry | null {
  const { citizenship, stays, documents, on, assessment } = input
  if (assessment.maxStayDays === 0) {
    return assessment.earliestEntry ? { on: assessment.earliestEntry.on, maxStayDays: assessment.earliestEntry.maxStayDays, afterExitOn: null } : null
  }
  const exitOn = assessment.latestLegalExit
  if (exitOn === null || assessment.reasons.some((reason) => reason.code === 'LIMIT_HORIZON')) return null
  // Stay until the latest legal exit: the stay covering `on` runs to it (or, when not in
  // Kazakhstan on `on`, a stay entered on `on` does), then the day after is a possible entry.
  let covered = false
  const history = stays.map((stay) => {
    if (stay.exitOn !== null && stay.exitOn < on) return stay
    covered = true
    return { entryOn: stay.entryOn, exitOn: stay.exitOn !== null && stay.exitOn > exitOn ? stay.exitOn : exitOn }
  })
  if (!covered) history.push({ entryOn: on, exitOn })
  const dayAfter = addDays(exitOn, 1)
  const after = assessStay({ citizenship, stays: history, documents, on: dayAfter })
  if (after.maxStayDays > 0) return { on: dayAfter, maxStayDays: after.maxStayDays, afterExitOn: exitOn }
  return after.earliestEntry ? { on: after.earliestEntry.on, maxStayDays: after.earliestEntry.maxStayDays, afterExitOn: exitOn } : null
}
