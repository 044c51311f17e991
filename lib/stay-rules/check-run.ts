// Decides whether a rider may take a run that leaves Kazakhstan on exitOn and comes back on
// returnOn (research §7, "Booking check"): legal on the exit day? Would the border let them back
// in on the return day (Law "On Migration" Art. 48 refuses entry past the limit), and for how long?
// Leaving is never refused: overstaying is ended by leaving, so a one-way run out is sold with the
// facts, and only a return the border would refuse is not sold (ADR 002).
import { assessStay } from './assess-stay'
import { parseIsoDate, type DayNumber } from './calendar'
import { StayInputError } from './errors'
import { parseDateField, prepareStays } from './prepare-input'
import { isEntryRefusalSuspended } from './regimes'
import type { AssessStayInput, CheckRunInput, IsoDate, PlannedTrip, RunCheck, RunReason, StayAssessment, StayRecord } from './types'

/** A return that leaves fewer legal days than this is sold with a warning. */
export const SHORT_STAY_WARNING_DAYS = 7

/** Art. 517 of the Code of Administrative Offences: the fine band for an overstay, in monthly index units. */
export const OVERSTAY_FINE_MCI = { min: 10, max: 25 } as const

/** A court may expel an overstayer with a ban on entry for this many years (Art. 517; KPMG 2022). */
export const EXPULSION_BAN_YEARS = 5

/**
 * What the engine considers: the recorded stays are the facts. The rider is in Kazakhstan on the
 * exit day (they board there): an open stay runs through it. With no recorded stay covering the
 * exit day a non-exempt rider cannot be checked — an empty log is not zero days — and the answer is
 * CURRENT_STAY_REQUIRED.
 *
 * The rider's other booked trips (`plannedTrips`) that are over by the exit day count as they will
 * happen: the rider leaves on each trip's exit day (their stay ends there) and is back from its
 * return day (a new border entry, present from then on); a one-way trip leaves the days after it
 * unknown, and the exit day alone is then counted. Trips that overlap this run are reported
 * (PLANNED_TRIP_OVERLAP); trips after it do not change this check.
 *
 * On the return leg the rider's presence ends on exitOn (stays are cut there) and a new entry
 * happens on returnOn: a same-day return counts that date once but is still a new border crossing.
 */
export function checkRun(input: CheckRunInput): RunCheck {
  return checkRunWith(input, assessStay)
}

/** checkRun with the assessment engine as a parameter: the naive reference runs it with naiveAssessStay. */
export function checkRunWith(input: CheckRunInput, assess: (input: AssessStayInput) => StayAssessment): RunCheck {
  const exitDay = parseDateField(input.exitOn, 'exitOn')
  const returnDay = input.returnOn === null ? null : parseDateField(input.returnOn, 'returnOn')
  if (returnDay !== null && returnDay < exitDay) {
    throw new StayInputError('RETURN_BEFORE_EXIT', `returnOn ${input.returnOn} is before exitOn ${input.exitOn}`, null, 'returnOn')
  }
  const { citizenship, documents, rule, exitOn } = input
  // Validates every stay against the exit day (an open stay cannot start after it).
  const recordedCover = prepareStays(input.stays, exitDay, 'exitOn').exits.some((exit) => exit >= exitDay)
  const trips = preparePlannedTrips(input.plannedTrips)
  const endDay = returnDay ?? exitDay
  const before = trips.filter((trip) => trip.exit < exitDay && (trip.back === null || trip.back <= exitDay))
  const overlapping = trips.filter((trip) => !before.includes(trip) && trip.exit <= endDay && (trip.back === null ? trip.exit >= exitDay : trip.back >= exitDay))

  const projected = projectTrips(
    input.stays.filter((stay) => stay.entryOn <= exitOn),
    before,
  )
  const covered = prepareStays(projected, exitDay, 'exitOn').exits.some((exit) => exit >= exitDay)
  const exitHistory: StayRecord[] = covered ? projected : [...projected, { entryOn: exitOn, exitOn }]
  const exit = assess({ citizenship, stays: exitHistory, documents, on: exitOn, rule })

  const reasons: RunReason[] = []
  const exitExempt = exit.regime === 'exempt'
  if (!exitExempt && !recordedCover) {
    // The rider is in Kazakhstan (they board here) but the log does not say since when: the count
    // cannot be made, and guessing "0 days" would sell runs the border refuses.
    reasons.push({ code: 'CURRENT_STAY_REQUIRED', severity: 'block', params: { exitOn } })
    return { verdict: 'blocked', reasons, returnAssessment: null }
  }
  if (exitExempt) reasons.push({ code: 'EXEMPT', severity: 'info', params: { ...findParams(exit, 'EXEMPT'), on: exitOn } })
  if (!exitExempt && (exit.overstayDays > 0 || exit.perEntryOverstayDays > 0)) {
    // Leaving while overstaying means a fine at the border and a risk of expulsion with a ban
    // (Administrative Code Art. 517) — but staying makes it worse, so a one-way run is never
    // refused. A round trip is: its return would be refused.
    const params: Record<string, string | number> = {
      exitOn,
      daysOver: Math.max(exit.overstayDays, exit.perEntryOverstayDays),
      overstayDays: exit.overstayDays,
      perEntryOverstayDays: exit.perEntryOverstayDays,
      daysUsed: exit.daysUsed,
      maxDaysInWindow: exit.rule.maxDaysInWindow,
      windowStart: exit.windowStart,
      fineMinMci: OVERSTAY_FINE_MCI.min,
      fineMaxMci: OVERSTAY_FINE_MCI.max,
      banYears: EXPULSION_BAN_YEARS,
    }
    // The count's earliest re-entry, when it is a later day (after a per-entry overstay the count
    // alone would allow a same-day return — not something to promise someone overstaying).
    if (exit.earliestEntry && exit.earliestEntry.on > exitOn) params.earliestEntryOn = exit.earliestEntry.on
    reasons.push({ code: input.returnOn === null ? 'OVERSTAY_LEAVE_NOW' : 'OVERSTAY_ON_EXIT', severity: input.returnOn === null ? 'warn' : 'block', params })
  } else if (exit.regime !== 'visa_required' && !exitExempt) {
    reasons.push({
      code: 'DAYS_USED_ON_EXIT',
      severity: 'info',
      params: { exitOn, daysUsed: exit.daysUsed, maxDaysInWindow: exit.rule.maxDaysInWindow, windowStart: exit.windowStart },
    })
  }
  for (const trip of overlapping) {
    const params: Record<string, string | number> = { plannedExitOn: trip.exitOn }
    if (trip.returnOn !== null) params.plannedReturnOn = trip.returnOn
    reasons.push({ code: 'PLANNED_TRIP_OVERLAP', severity: 'warn', params })
  }
  if (before.length > 0) reasons.push({ code: 'PLANNED_TRIPS_COUNTED', severity: 'info', params: { count: before.length } })

  let returnAssessment: StayAssessment | null = null
  if (input.returnOn !== null) {
    const returnOn = input.returnOn
    const returnHistory: StayRecord[] = exitHistory.map((stay) =>
      stay.exitOn === null || stay.exitOn > exitOn ? { entryOn: stay.entryOn, exitOn } : stay,
    )
    // A same-day return is inside the stay that ended on exitOn: record it as its own entry. A
    // later return is assessed as an entry day with no presence recorded on it (planning mode),
    // which also gives the right earliest entry if it is refused.
    if (returnDay === exitDay) returnHistory.push({ entryOn: returnOn, exitOn: null })
    returnAssessment = assess({ citizenship, stays: returnHistory, documents, on: returnOn, rule })
    reasons.push(returnReason(returnAssessment, returnOn, citizenship.trim().toUpperCase()))
  }

  // What the run does to the count — unless a document covers the whole trip.
  const exemptThroughout = exitExempt && (returnAssessment === null || returnAssessment.regime === 'exempt')
  if (!exemptThroughout) {
    // The passport's regime: the exit's, or — when a document covers the exit day only — the return's.
    const counted = exitExempt && returnAssessment !== null ? returnAssessment : exit
    const { windowDays, maxDaysInWindow, maxDaysPerEntry } = counted.rule
    if (counted.regime === 'unknown') reasons.push({ code: 'UNKNOWN_NATIONALITY', severity: 'warn', params: { citizenship: citizenship.trim().toUpperCase() } })
    else if (counted.regime === 'eaeu' || counted.regime === 'visa_free') {
      if (maxDaysPerEntry !== null && maxDaysPerEntry < maxDaysInWindow) {
        reasons.push({ code: 'PER_ENTRY_RESTART', severity: 'info', params: { maxDaysPerEntry, windowDays, maxDaysInWindow } })
      } else reasons.push({ code: 'NO_RESET', severity: 'info', params: { windowDays, maxDaysInWindow } })
    }
    const unverified = counted.reasons.find((reason) => reason.code === 'REGIME_UNVERIFIED')
    if (unverified) reasons.push({ code: 'REGIME_UNVERIFIED', severity: 'info', params: unverified.params })
  }

  const verdict = reasons.some((r) => r.severity === 'block') ? 'blocked' : reasons.some((r) => r.severity === 'warn') ? 'warn' : 'ok'
  return { verdict, reasons, returnAssessment }
}

/** What the return day looks like: refused, on a visa, short, or fine. */
function returnReason(assessment: StayAssessment, returnOn: IsoDate, citizenship: string): RunReason {
  const { maxStayDays, latestLegalExit, earliestEntry } = assessment
  if (maxStayDays === 0) {
    if (assessment.regime === 'visa_required') {
      const params: Record<string, string | number> = { returnOn }
      if (earliestEntry) params.earliestEntryOn = earliestEntry.on
      return { code: 'RETURN_NEEDS_VISA', severity: 'block', params }
    }
    const params: Record<string, string | number> = { returnOn, daysUsed: assessment.daysUsed, maxDaysInWindow: assessment.rule.maxDaysInWindow }
    if (earliestEntry) Object.assign(params, { earliestEntryOn: earliestEntry.on, maxStayDays: earliestEntry.maxStayDays })
    // KG citizens: from 2023-10-09 to 2025-08-31 entry over the limit was not refused (the days
    // over still counted as an overstay).
    const suspended = assessment.regime === 'eaeu' && isEntryRefusalSuspended(citizenship, returnOn)
    return suspended ? { code: 'RETURN_OVER_LIMIT', severity: 'warn', params } : { code: 'RETURN_REFUSED', severity: 'block', params }
  }
  const params: Record<string, string | number> = { returnOn, maxStayDays, latestLegalExit: latestLegalExit! }
  if (assessment.regime === 'exempt') {
    const exempt = findParams(assessment, 'EXEMPT')
    if (exempt.document === 'visa') return { code: 'RETURN_ON_VISA', severity: 'info', params: { ...params, validTo: exempt.validTo ?? latestLegalExit! } }
    return { code: 'RETURN_OK', severity: 'info', params }
  }
  if (maxStayDays < SHORT_STAY_WARNING_DAYS) return { code: 'RETURN_SHORT_STAY', severity: 'warn', params }
  return { code: 'RETURN_OK', severity: 'info', params }
}

type PreparedTrip = PlannedTrip & { exit: DayNumber; back: DayNumber | null }

/** Validates the planned trips and sorts them by exit day; trips that overlap an earlier one are dropped (they cannot both happen). */
function preparePlannedTrips(trips: readonly PlannedTrip[] | undefined): PreparedTrip[] {
  if (trips === undefined) return []
  if (!Array.isArray(trips)) throw new StayInputError('MALFORMED_RECORD', 'plannedTrips must be an array', null, 'plannedTrips')
  const prepared: PreparedTrip[] = []
  for (let index = 0; index < trips.length; index++) {
    const trip = trips[index]
    if (typeof trip !== 'object' || trip === null) throw new StayInputError('MALFORMED_RECORD', `plannedTrips[${index}] is not a trip`, index, 'plannedTrips')
    const exit = parseIsoDate(trip.exitOn)
    const back = trip.returnOn === null ? null : parseIsoDate(trip.returnOn)
    if (exit === null || (trip.returnOn !== null && back === null)) {
      throw new StayInputError('MALFORMED_DATE', `plannedTrips[${index}]: exitOn/returnOn is not a calendar date 'YYYY-MM-DD'`, index, 'plannedTrips')
    }
    if (back !== null && back < exit) throw new StayInputError('RETURN_BEFORE_EXIT', `plannedTrips[${index}]: returnOn is before exitOn`, index, 'plannedTrips')
    prepared.push({ exitOn: trip.exitOn, returnOn: trip.returnOn, exit, back })
  }
  prepared.sort((a, b) => a.exit - b.exit || (a.back ?? a.exit) - (b.back ?? b.exit))
  const kept: PreparedTrip[] = []
  for (const trip of prepared) {
    const last = kept[kept.length - 1]
    if (last && (last.back === null || trip.exit <= last.back)) continue
    kept.push(trip)
  }
  return kept
}

/**
 * The stays as the planned trips (sorted, each over by the exit day) will make them: presence
 * continuing over a trip's exit day ends there (the rider is present on it — added when nothing
 * covers it), and from its return day the rider is back, present from then on.
 */
function projectTrips(stays: StayRecord[], trips: readonly PreparedTrip[]): StayRecord[] {
  let history = stays
  // The records are facts: a trip out before the latest recorded entry is already in them (or did
  // not happen), so only later trips change the count.
  const latestEntry = stays.reduce((latest, stay) => (stay.entryOn > latest ? stay.entryOn : latest), '')
  for (const trip of trips) {
    const x = trip.exitOn
    if (x < latestEntry) continue
    let covered = false
    history = history.map((stay) => {
      if (stay.entryOn > x || (stay.exitOn !== null && stay.exitOn < x)) return stay
      covered = true
      return stay.exitOn === null || stay.exitOn > x ? { entryOn: stay.entryOn, exitOn: x } : stay
    })
    if (!covered) history.push({ entryOn: x, exitOn: x })
    if (trip.returnOn !== null) history.push({ entryOn: trip.returnOn, exitOn: null })
  }
  return history
}

function findParams(assessment: StayAssessment, code: string): Record<string, string | number> {
  return assessment.reasons.find((r) => r.code === code)?.params ?? {}
}
