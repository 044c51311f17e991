// The slow, obviously correct reference for assessStay: presence is a Set of day numbers and every
// window is counted day by day. Tests and the benchmark compare the engine against it; never use
// it in the product. It shares only input validation and the final assembly of reasons with the
// engine (prepareInput, buildAssessment); every number is computed here on its own.
import { buildAssessment, type StayFacts, type StayLength } from './build-assessment'
import type { DayNumber } from './calendar'
import { documentOn, prepareInput, selectRegime, STAY_HORIZON_DAYS, type PreparedInput } from './prepare-input'
import { checkRunWith } from './check-run'
import type { AssessStayInput, CheckRunInput, RunCheck, StayAssessment } from './types'

export function naiveAssessStay(input: AssessStayInput): StayAssessment {
  const prepared = prepareInput(input)
  return buildAssessment(prepared, naiveStayFacts(prepared))
}

/** checkRun (planned trips included) with every assessment made by naiveAssessStay. */
export function naiveCheckRun(input: CheckRunInput): RunCheck {
  return checkRunWith(input, naiveAssessStay)
}

export function naiveStayFacts(p: PreparedInput): StayFacts {
  const { on, countsFrom, documents } = p

  const stays = p.stays.entries.map((entry, i) => ({ entry, exit: p.stays.exits[i]!, open: i === p.stays.openAt }))
  const present = new Set<DayNumber>()
  for (const stay of stays) for (let day = stay.entry; day <= stay.exit; day++) present.add(day)
  const counts = (day: DayNumber) => day >= countsFrom
  const isExempt = (day: DayNumber) => documentOn(documents, day) !== null

  // A border entry: the stay's entry day does not fall strictly inside another stay.
  const isBorderEntry = (stay: (typeof stays)[number]) =>
    stays.every((other) => other === stay || !(other.entry < stay.entry && (other.open || stay.entry < other.exit)))
  const presentThrough = (from: DayNumber, to: DayNumber) => {
    for (let day = from; day <= to; day++) if (!present.has(day)) return false
    return true
  }

  const presentOnOn = present.has(on)
  let stayEntry = on
  if (presentOnOn) {
    stayEntry = -Infinity
    for (const stay of stays) {
      if (isBorderEntry(stay) && presentThrough(stay.entry, on) && stay.entry > stayEntry) stayEntry = stay.entry
    }
  }
  // The regime of the entry being counted decides the rule.
  const choice = selectRegime(p, stayEntry)
  const { windowDays, maxDaysInWindow } = choice.rule
  const maxDaysPerEntry = choice.rule.maxDaysPerEntry ?? Infinity
  const visaRequired = choice.visaRequired

  let daysUsed = 0
  let uncovered = 0
  for (let day = on - windowDays + 1; day <= on; day++) {
    if (!present.has(day) || !counts(day)) continue
    daysUsed++
    if (!isExempt(day)) uncovered++
  }
  const overstayDays = visaRequired ? uncovered : Math.max(0, daysUsed - maxDaysInWindow)
  const perEntryOverstayDays = presentOnOn ? Math.max(0, on - stayEntry + 1 - maxDaysPerEntry) : 0

  // Present on `start` and every day after; recorded presence before `start` is the history.
  const stayLength = (start: DayNumber, entryDay: DayNumber): StayLength => {
    for (let k = 0; k < STAY_HORIZON_DAYS; k++) {
      const day = start + k
      if (isExempt(day)) continue
      let used = 0
      for (let x = day - windowDays + 1; x <= day; x++) if (counts(x) && (x >= start || present.has(x))) used++
      const windowExceeded = used > maxDaysInWindow
      if (windowExceeded || day - entryDay + 1 > maxDaysPerEntry) return { days: k, limit: visaRequired ? 'visa' : windowExceeded ? 'window' : 'per_entry' }
    }
    return { days: STAY_HORIZON_DAYS, limit: 'horizon' }
  }

  const stay = stayLength(on, stayEntry)
  let earliestEntry: StayFacts['earliestEntry'] = null
  if (stay.days === 0) {
    // Leave on the last recorded day present (or be absent from `on`), then try each day.
    let leave = on
    if (presentOnOn) while (present.has(leave + 1)) leave++
    // Visa required: only a document opens the border, so look as far as the projection reaches.
    const searchTo = visaRequired ? leave + STAY_HORIZON_DAYS : leave + windowDays + 1
    for (let day = leave; earliestEntry === null; day++) {
      if (day > searchTo) {
        if (visaRequired) break
        throw new Error('naiveAssessStay: no entry day found (unreachable)')
      }
      // (Visa required: a day no document covers is refused whatever the count — skip the count.)
      if (visaRequired && !isExempt(day)) continue
      const length = stayLength(day, day)
      if (length.days > 0) earliestEntry = { on: day, maxStayDays: length.days }
    }
  }
  return { daysUsed, overstayDays, stayEntry, perEntryOverstayDays, stay, earliestEntry, choice }
}
