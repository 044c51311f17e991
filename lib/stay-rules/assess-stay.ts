// The legal-stay engine: how many days a person has used in the rolling window, how long they may
// stay from a day, and when they may come back. Semantics: research §7 and
// docs/decisions/002-stay-day-counting.md. Everything is integer arithmetic on day numbers over
// sorted, merged presence intervals — O(n log n) in the number of stays, with no loop over days.
import { buildAssessment, type StayFacts, type StayLength } from './build-assessment'
import type { DayNumber } from './calendar'
import { countDaysIn, mergeStays, type MergedStays } from './merge-stays'
import { prepareInput, selectRegime, STAY_HORIZON_DAYS, type PreparedDocument, type PreparedInput } from './prepare-input'
import type { AssessStayInput, StayAssessment } from './types'

// Imported functions used on every assessment, bound once: compiled to CommonJS (tsx, Vitest),
// every use of an imported binding is a getter call, which showed in the profile.
const prepare = prepareInput
const assemble = buildAssessment
const merge = mergeStays
const countDays = countDaysIn
const select = selectRegime

export function assessStay(input: AssessStayInput): StayAssessment {
  const prepared = prepare(input)
  return assemble(prepared, computeStayFacts(prepared))
}

type Context = {
  presence: MergedStays
  /** Merged validity of the exempting documents (ends may be Infinity). */
  exemptStarts: DayNumber[]
  exemptEnds: DayNumber[]
  windowDays: number
  maxDaysInWindow: number
  /** Infinity when the rule has no per-entry limit. */
  maxDaysPerEntry: number
  countsFrom: DayNumber
  /** Visa required: no day is legal without a document, and no count ever makes one legal. */
  visaRequired: boolean
}

export function computeStayFacts(p: PreparedInput): StayFacts {
  const { on, countsFrom } = p
  const presence = merge(p.stays)

  // `on` inside recorded presence (an open stay, or a recorded stay whose exit is a fact): the
  // person is present and continues; per-entry day 1 is the latest border entry of that stay.
  // Otherwise `on` is an entry day (planning mode, as the EC calculator).
  const last = presence.ends.length - 1
  const present = last >= 0 && presence.ends[last]! >= on
  const stayEntry = present ? presence.lastBorderEntry : on
  // The rule is the regime's on the day of the entry being counted.
  const choice = select(p, stayEntry)
  const { windowDays, maxDaysInWindow, maxDaysPerEntry } = choice.rule
  const { exemptStarts, exemptEnds } = mergeDocuments(p.documents)
  const visaRequired = choice.visaRequired
  const context: Context = { presence, exemptStarts, exemptEnds, windowDays, maxDaysInWindow, maxDaysPerEntry: maxDaysPerEntry ?? Infinity, countsFrom, visaRequired }

  const windowFrom = on - windowDays + 1
  const countFrom = windowFrom > countsFrom ? windowFrom : countsFrom
  const daysUsed = countDays(presence, countFrom, on)
  // Visa required: every counted day present without a document is a day over.
  const overstayDays = visaRequired ? daysUsed - countCovered(context, countFrom, on) : daysUsed > maxDaysInWindow ? daysUsed - maxDaysInWindow : 0
  const perEntryOverstayDays = present ? Math.max(0, on - stayEntry + 1 - context.maxDaysPerEntry) : 0

  const stay = stayLength(context, on, stayEntry)
  let earliestEntry: StayFacts['earliestEntry'] = null
  if (stay.days === 0) {
    // Someone present must leave first: no earlier than the recorded end of the current stay.
    earliestEntry = findEarliestEntry(context, present ? presence.ends[last]! : on)
  }
  return { daysUsed, overstayDays, stayEntry, perEntryOverstayDays, stay, earliestEntry, choice }
}

/** Days of presence in [from, to] that a document covers. */
function countCovered(c: Context, from: DayNumber, to: DayNumber): number {
  let total = 0
  for (let i = 0; i < c.exemptStarts.length; i++) {
    const low = Math.max(from, c.exemptStarts[i]!)
    const high = Math.min(to, c.exemptEnds[i]!)
    if (high >= low) total += countDays(c.presence, low, high)
  }
  return total
}

/**
 * Consecutive legal days from `start` for a person present on `start` and every day after it,
 * with the recorded presence before `start` as history and per-entry day 1 on `entryDay`.
 * A day is legal when a document exempts it, or when the window count (history plus the new
 * stay, exempt days included) is within the limit and the per-entry limit is not passed.
 *
 * Both limits, once passed, stay passed: each day of the stay adds one counted day to the window
 * and at most one leaves it, so the count never falls while the person stays. The stay therefore
 * ends on the first day that is past a limit and not exempt — no day-by-day loop needed.
 */
function stayLength(c: Context, start: DayNumber, entryDay: DayNumber): StayLength {
  const end = start + STAY_HORIZON_DAYS // exclusive
  const windowFail = firstDayOverWindow(c, start)
  let day = Math.max(start, Math.min(windowFail, entryDay + c.maxDaysPerEntry))
  const exemptUntil = exemptionEnd(c, day)
  if (exemptUntil >= day) day = exemptUntil + 1
  if (day >= end) return { days: end - start, limit: 'horizon' }
  if (c.visaRequired) return { days: day - start, limit: 'visa' }
  return { days: day - start, limit: windowFail <= day ? 'window' : 'per_entry' }
}

/**
 * The first day ≥ `start` whose window count exceeds maxDaysInWindow for someone present from
 * `start` on. From d0 = max(start, countsFrom) the count rises by one each day, except on days
 * when a counted day of presence leaves the window; so it exceeds the limit `need` days after
 * d0 plus the number of presence days that leave meanwhile — found by walking the gaps between
 * the history intervals from the window start of d0.
 */
function firstDayOverWindow(c: Context, start: DayNumber): DayNumber {
  const { windowDays, maxDaysInWindow, countsFrom } = c
  const { starts, ends } = c.presence
  const d0 = start > countsFrom ? start : countsFrom
  const windowFrom = d0 - windowDays + 1
  // The count on d0: counted history in its window, plus d0 itself.
  const used = countDays(c.presence, windowFrom > countsFrom ? windowFrom : countsFrom, start - 1) + 1
  let need = maxDaysInWindow + 1 - used
  if (need <= 0) return d0
  // Leaving days run from windowFrom on; a leaving day that is not counted presence (a gap, or a
  // day before countsFrom) raises the count. Find the need-th such day x: the count passes the
  // limit on x + windowDays. Leaving days from d0 on belong to the new stay, so gaps end at d0.
  let position = windowFrom
  for (let i = 0; i < starts.length && position < d0; i++) {
    const to = Math.min(ends[i]!, start - 1)
    if (to < position) continue
    const from = Math.max(starts[i]!, countsFrom, position)
    if (from > to) continue
    const gap = from - position
    if (gap >= need) return position + need - 1 + windowDays
    need -= gap
    position = to + 1
  }
  const gap = d0 - position
  if (gap >= need) return position + need - 1 + windowDays
  return Infinity // unreachable for maxDaysInWindow < windowDays: the new stay alone fills a window
}

/**
 * The first day ≥ `from` on which an entry is allowed, and how long that stay may last. Nobody is
 * present after `from` (the person left on `from` at the latest), so the history stops there and
 * its window count only falls as days pass: the answer is `from` itself, the first exempt day, or
 * the day the maxDaysInWindow-th most recent counted day leaves the window — after a full 90 days
 * that is the last day + 91 (research §6.5).
 */
function findEarliestEntry(c: Context, from: DayNumber): { on: DayNumber; maxStayDays: number } | null {
  const first = stayLength(c, from, from)
  if (first.days > 0) return { on: from, maxStayDays: first.days }
  if (c.visaRequired) {
    // Only a document opens the border: the first day a later one is valid, if any is recorded.
    const on = firstExemptDay(c, from + 1)
    return on === Infinity ? null : { on, maxStayDays: stayLength(c, on, on).days }
  }
  // `from` was refused, so it is counted (≥ countsFrom) and at least maxDaysInWindow counted days
  // lie in its window. Find the maxDaysInWindow-th most recent counted day of presence.
  const { starts, ends } = c.presence
  let remaining = c.maxDaysInWindow
  let kth = -Infinity
  for (let i = starts.length - 1; i >= 0; i--) {
    const low = Math.max(starts[i]!, c.countsFrom)
    const high = ends[i]!
    if (high < low) continue
    const length = high - low + 1
    if (length >= remaining) {
      kth = high - remaining + 1
      break
    }
    remaining -= length
  }
  const byWindow = Math.max(from + 1, kth + c.windowDays)
  const byDocument = firstExemptDay(c, from + 1)
  const on = Math.min(byWindow, byDocument)
  return { on, maxStayDays: stayLength(c, on, on).days }
}

/** Merges document validity into disjoint, non-adjacent intervals (continuous cover counts as one exemption). */
function mergeDocuments(documents: readonly PreparedDocument[]): { exemptStarts: DayNumber[]; exemptEnds: DayNumber[] } {
  const exemptStarts: DayNumber[] = []
  const exemptEnds: DayNumber[] = []
  if (documents.length === 0) return { exemptStarts, exemptEnds }
  const sorted = [...documents].sort((a, b) => a.from - b.from)
  for (const document of sorted) {
    const last = exemptEnds.length - 1
    if (last >= 0 && document.from <= exemptEnds[last]! + 1) {
      if (document.to > exemptEnds[last]!) exemptEnds[last] = document.to
    } else {
      exemptStarts.push(document.from)
      exemptEnds.push(document.to)
    }
  }
  return { exemptStarts, exemptEnds }
}

/** The last day of the exemption covering `day`, or -Infinity when none does. */
function exemptionEnd(c: Context, day: DayNumber): DayNumber {
  for (let i = 0; i < c.exemptStarts.length; i++) {
    if (c.exemptStarts[i]! <= day && day <= c.exemptEnds[i]!) return c.exemptEnds[i]!
  }
  return -Infinity
}

/** The first exempt day ≥ `day`, or Infinity. */
function firstExemptDay(c: Context, day: DayNumber): DayNumber {
  for (let i = 0; i < c.exemptStarts.length; i++) {
    if (c.exemptEnds[i]! >= day) return Math.max(day, c.exemptStarts[i]!)
  }
  return Infinity
}
