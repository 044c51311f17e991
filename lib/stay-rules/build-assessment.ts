// Turns the numbers an engine computed (StayFacts) into the public StayAssessment with its
// reasons. Shared by the fast engine and the naive reference, so the property tests compare the
// numbers each computed on its own, and both speak with the same reason codes.
import { formatIsoDate, type DayNumber } from './calendar'
import { documentOn, STAY_HORIZON_DAYS, type PreparedDocument, type PreparedInput, type RegimeChoice } from './prepare-input'
import type { Regime, StayAssessment, StayReason } from './types'

/** Why a stay from a day ends: the 90/180-style window, the per-entry limit, the end of the visa
 * (visa required), or the projection horizon. */
export type StayLimit = 'window' | 'per_entry' | 'visa' | 'horizon'

export type StayLength = { days: number; limit: StayLimit }

export type StayFacts = {
  daysUsed: number
  /** Window days over the limit (visa required: counted days present without a document). */
  overstayDays: number
  /** The regime and rule chosen by the entry being counted. */
  choice: RegimeChoice
  /** Per-entry day 1 of the stay continuing from `on`. */
  stayEntry: DayNumber
  perEntryOverstayDays: number
  /** The stay from `on`: its length and what ends it (on the day on + days). */
  stay: StayLength
  earliestEntry: { on: DayNumber; maxStayDays: number } | null
}

// Imported functions used on every assessment, bound once: compiled to CommonJS (tsx, Vitest),
// every use of an imported binding is a getter call, which showed in the profile.
const format = formatIsoDate
const exemptingDocument = documentOn

export function buildAssessment(p: PreparedInput, facts: StayFacts): StayAssessment {
  // Runs on every assessment: plain object literals, no spreads (they dominate the profile).
  const { on, citizenship } = p
  const { choice, daysUsed, overstayDays, perEntryOverstayDays, stay } = facts
  const { rule, selection, ruleVersion } = choice
  const { windowDays, maxDaysInWindow, maxDaysPerEntry } = rule
  const windowStart = format(on - windowDays + 1)
  const daysRemaining = daysUsed < maxDaysInWindow ? maxDaysInWindow - daysUsed : 0
  const maxStayDays = stay.days
  const latestLegalExit = maxStayDays > 0 ? format(on + maxStayDays - 1) : null
  const stayEntryOn = format(facts.stayEntry)
  const exemption = p.documents.length > 0 ? exemptingDocument(p.documents, on) : null
  const regime: Regime = exemption ? 'exempt' : selection.regime
  const custom = p.customRule !== null
  const limits = custom ? null : selection.limits
  const regimeSource = custom ? null : selection.regimeSource

  const reasons: StayReason[] = []
  if (exemption) {
    const params = documentParams(exemption)
    params.citizenship = citizenship
    reasons.push({ code: 'EXEMPT', params })
  } else if (selection.regime === 'visa_required') {
    reasons.push({ code: 'VISA_REQUIRED', params: { citizenship } })
  } else if (selection.regime === 'unknown') {
    reasons.push({ code: 'UNKNOWN_NATIONALITY', params: { citizenship } })
  } else {
    const params: Record<string, string | number> = { citizenship, windowDays, maxDaysInWindow }
    if (maxDaysPerEntry !== null) params.maxDaysPerEntry = maxDaysPerEntry
    reasons.push({ code: selection.regime === 'eaeu' ? 'REGIME_EAEU' : 'REGIME_VISA_FREE', params })
  }
  if (regimeSource !== null && !regimeSource.verified && regime !== 'exempt') {
    reasons.push({ code: 'REGIME_UNVERIFIED', params: { regimeId: regimeSource.id } })
  }

  const ruleParams: Record<string, string | number> = { ruleVersion, windowDays, maxDaysInWindow }
  if (maxDaysPerEntry !== null) ruleParams.maxDaysPerEntry = maxDaysPerEntry
  const cutOff = p.countsFrom === -Infinity ? null : format(p.countsFrom)
  if (cutOff !== null) ruleParams.countsFrom = cutOff
  // Visa required: there is no count to explain, and an exempt person is never shown "0 of 90".
  const counted = !choice.visaRequired && regime !== 'exempt'
  if (counted) reasons.push({ code: 'RULE', params: ruleParams })
  if (counted && cutOff !== null && on - windowDays + 1 < p.countsFrom) reasons.push({ code: 'TRANSITION_CUTOFF', params: { countsFrom: cutOff, windowStart } })

  if (counted) reasons.push({ code: 'DAYS_USED', params: { daysUsed, maxDaysInWindow, daysRemaining, windowStart, windowEnd: format(on) } })
  if (overstayDays > 0 && regime !== 'exempt') {
    if (choice.visaRequired) reasons.push({ code: 'OVERSTAY_NO_VISA', params: { overstayDays, windowStart } })
    else reasons.push({ code: 'OVERSTAY', params: { overstayDays, daysUsed, maxDaysInWindow, windowStart } })
  }
  if (perEntryOverstayDays > 0 && maxDaysPerEntry !== null && regime !== 'exempt') {
    reasons.push({ code: 'OVERSTAY_PER_ENTRY', params: { perEntryOverstayDays, stayEntryOn, maxDaysPerEntry } })
  }

  if (stay.limit === 'horizon') {
    reasons.push({ code: 'LIMIT_HORIZON', params: { maxStayDays, latestLegalExit: latestLegalExit!, horizonDays: STAY_HORIZON_DAYS } })
  } else if (stay.limit === 'visa') {
    const params: Record<string, string | number> = { maxStayDays, firstIllegalOn: format(on + maxStayDays) }
    if (latestLegalExit !== null) params.latestLegalExit = latestLegalExit
    reasons.push({ code: 'LIMIT_VISA', params })
  } else {
    const firstIllegalOn = format(on + maxStayDays)
    const params: Record<string, string | number> =
      stay.limit === 'window'
        ? { maxStayDays, firstIllegalOn, maxDaysInWindow, windowDays }
        : { maxStayDays, firstIllegalOn, stayEntryOn, maxDaysPerEntry: maxDaysPerEntry ?? 0 }
    if (latestLegalExit !== null) params.latestLegalExit = latestLegalExit
    reasons.push({ code: stay.limit === 'window' ? 'LIMIT_WINDOW' : 'LIMIT_PER_ENTRY', params })
    // The stay ends because a document ran out, not because the count reached the limit mid-stay.
    const endingDocument = maxStayDays > 0 && p.documents.length > 0 ? exemptingDocument(p.documents, on + maxStayDays - 1) : null
    if (endingDocument) reasons.push({ code: 'EXEMPTION_ENDS', params: documentParams(endingDocument) })
  }

  let earliestEntry: StayAssessment['earliestEntry'] = null
  if (facts.earliestEntry) {
    earliestEntry = { on: format(facts.earliestEntry.on), maxStayDays: facts.earliestEntry.maxStayDays }
    reasons.push({ code: 'EARLIEST_ENTRY', params: { earliestEntryOn: earliestEntry.on, maxStayDays: earliestEntry.maxStayDays } })
  }

  return {
    regime,
    rule,
    limits,
    regimeSource,
    ruleVersion,
    windowStart,
    daysUsed,
    daysRemaining,
    overstayDays,
    stayEntryOn,
    perEntryOverstayDays,
    maxStayDays,
    latestLegalExit,
    earliestEntry,
    reasons,
  }
}

function documentParams(document: PreparedDocument): Record<string, string | number> {
  const params: Record<string, string | number> = { document: document.kind }
  if (document.from !== -Infinity) params.validFrom = format(document.from)
  if (document.to !== Infinity) params.validTo = format(document.to)
  return params
}
