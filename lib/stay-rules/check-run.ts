// Decides whether a rider may take a run that leaves Kazakhstan on exitOn and comes back on
// returnOn (research §7, "Booking check"): legal on the exit day? Would the border let them back
// in on the return day (Law "On Migration" Art. 48 refuses entry past the limit), and for how long?
import { assessStay } from './assess-stay'
import { StayInputError } from './errors'
import { parseDateField, prepareStays } from './prepare-input'
import { regimeFor } from './regimes'
import type { CheckRunInput, RunCheck, RunReason, StayAssessment, StayRecord } from './types'

/** A return that leaves fewer legal days than this is sold with a warning. */
export const SHORT_STAY_WARNING_DAYS = 7

/**
 * What the engine considers: the recorded stays are the facts. The rider is in Kazakhstan on the
 * exit day (they board there): an open stay runs through it, and if no recorded stay covers it,
 * that day alone is added — unrecorded days before it are unknown and not guessed. On the return
 * leg the rider's presence ends on exitOn (stays are cut there; stays starting after it are not
 * part of this trip) and a new entry happens on returnOn: a same-day return counts that date once
 * but is still a new border crossing (it restarts the 30-day per-entry clock).
 */
export function checkRun(input: CheckRunInput): RunCheck {
  const exitDay = parseDateField(input.exitOn, 'exitOn')
  const returnDay = input.returnOn === null ? null : parseDateField(input.returnOn, 'returnOn')
  if (returnDay !== null && returnDay < exitDay) {
    throw new StayInputError('RETURN_BEFORE_EXIT', `returnOn ${input.returnOn} is before exitOn ${input.exitOn}`, null, 'returnOn')
  }
  const { citizenship, documents, rule, exitOn } = input
  // Validates every stay against the exit day (an open stay cannot start after it).
  const covered = prepareStays(input.stays, exitDay, 'exitOn').exits.some((exit) => exit >= exitDay)
  const untilExit = input.stays.filter((stay) => stay.entryOn <= exitOn)
  const exitHistory: StayRecord[] = covered ? untilExit : [...untilExit, { entryOn: exitOn, exitOn }]
  const exit = assessStay({ citizenship, stays: exitHistory, documents, on: exitOn, rule })

  const reasons: RunReason[] = []
  const exitExempt = exit.regime === 'exempt'
  if (exitExempt) reasons.push({ code: 'EXEMPT', severity: 'info', params: { ...findParams(exit, 'EXEMPT'), on: exitOn } })
  if (!exitExempt && (exit.overstayDays > 0 || exit.perEntryOverstayDays > 0)) {
    // Crossing out while overstaying means a fine and a record (Administrative Code Art. 517).
    reasons.push({
      code: 'OVERSTAY_ON_EXIT',
      severity: 'block',
      params: {
        exitOn,
        overstayDays: exit.overstayDays,
        perEntryOverstayDays: exit.perEntryOverstayDays,
        daysUsed: exit.daysUsed,
        maxDaysInWindow: exit.rule.maxDaysInWindow,
        windowStart: exit.windowStart,
      },
    })
  } else {
    reasons.push({
      code: 'DAYS_USED_ON_EXIT',
      severity: 'info',
      params: { exitOn, daysUsed: exit.daysUsed, maxDaysInWindow: exit.rule.maxDaysInWindow, windowStart: exit.windowStart },
    })
  }

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
    returnAssessment = assessStay({ citizenship, stays: returnHistory, documents, on: returnOn, rule })
    const { maxStayDays, latestLegalExit, earliestEntry } = returnAssessment
    if (maxStayDays === 0) {
      const params: Record<string, string | number> = { returnOn, daysUsed: returnAssessment.daysUsed, maxDaysInWindow: returnAssessment.rule.maxDaysInWindow }
      if (earliestEntry) Object.assign(params, { earliestEntryOn: earliestEntry.on, maxStayDays: earliestEntry.maxStayDays })
      reasons.push({ code: 'RETURN_REFUSED', severity: 'block', params })
    } else if (returnAssessment.regime === 'exempt') {
      if (!exitExempt) reasons.push({ code: 'EXEMPT', severity: 'info', params: { ...findParams(returnAssessment, 'EXEMPT'), on: returnOn } })
      reasons.push({ code: 'RETURN_OK', severity: 'info', params: { returnOn, maxStayDays, latestLegalExit: latestLegalExit! } })
    } else if (maxStayDays < SHORT_STAY_WARNING_DAYS) {
      reasons.push({ code: 'RETURN_SHORT_STAY', severity: 'warn', params: { returnOn, maxStayDays, latestLegalExit: latestLegalExit! } })
    } else {
      reasons.push({ code: 'RETURN_OK', severity: 'info', params: { returnOn, maxStayDays, latestLegalExit: latestLegalExit! } })
    }
  }

  // What the run does to the count, by nationality — unless a document covers the whole trip.
  const exemptThroughout = exitExempt && (returnAssessment === null || returnAssessment.regime === 'exempt')
  if (!exemptThroughout) {
    const { regime } = regimeFor(citizenship, exitOn)
    const { windowDays, maxDaysInWindow, maxDaysPerEntry } = exit.rule
    if (regime === 'eaeu') reasons.push({ code: 'NO_RESET', severity: 'info', params: { windowDays, maxDaysInWindow } })
    else if (regime === 'visa_free_30') {
      reasons.push({ code: 'PER_ENTRY_RESTART', severity: 'info', params: { maxDaysPerEntry: maxDaysPerEntry ?? 0, windowDays, maxDaysInWindow } })
    } else if (regime === 'unknown') reasons.push({ code: 'UNKNOWN_NATIONALITY', severity: 'warn', params: { citizenship: citizenship.trim().toUpperCase() } })
  }

  const verdict = reasons.some((r) => r.severity === 'block') ? 'blocked' : reasons.some((r) => r.severity === 'warn') ? 'warn' : 'ok'
  return { verdict, reasons, returnAssessment }
}

function findParams(assessment: StayAssessment, code: string): Record<string, string | number> {
  return assessment.reasons.find((r) => r.code === code)?.params ?? {}
}
