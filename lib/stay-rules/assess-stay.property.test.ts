// Property tests: the engine must agree, field for field, with the slow day-by-day reference on
// random histories, and obey a few laws the reference does not encode.
import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { assessStay } from './assess-stay'
import { formatIsoDate, parseIsoDate } from './calendar'
import { checkRun } from './check-run'
import { naiveAssessStay, naiveCheckRun } from './naive-reference'
import type { AssessStayInput, CheckRunInput, PlannedTrip, ResidenceDocument, StayRecord, StayRule } from './types'

const day = (iso: string) => parseIsoDate(iso)!

/**
 * One passport of every regime: EAEU (RU, KG), the 30-day list (US, DE), UZ (30/90 from
 * 2023-01-27), IN (14/42), CN (14/42 then 30/90 from 2023-11-10), TR (30 then 90 from 2025-09-07),
 * UA (90/180, no per-entry limit), AZ (90 per entry, Law cap), SM (from 2025-01-05), visa required
 * (AF), a code that is no state's (ZZ) and a Kazakh citizen.
 */
const CITIZENSHIPS = ['RU', 'KG', 'US', 'DE', 'UZ', 'IN', 'CN', 'TR', 'UA', 'AZ', 'SM', 'AF', 'ZZ', 'KZ'] as const

const CUSTOM_RULES: StayRule[] = [
  { windowDays: 5, maxDaysInWindow: 3, maxDaysPerEntry: null },
  { windowDays: 5, maxDaysInWindow: 3, maxDaysPerEntry: 2 },
  { windowDays: 7, maxDaysInWindow: 1, maxDaysPerEntry: null },
  { windowDays: 30, maxDaysInWindow: 10, maxDaysPerEntry: null },
  { windowDays: 30, maxDaysInWindow: 10, maxDaysPerEntry: 4 },
  { windowDays: 60, maxDaysInWindow: 30, maxDaysPerEntry: 7 },
  { windowDays: 180, maxDaysInWindow: 90, maxDaysPerEntry: 30 },
]

type Scale = { span: number; maxLength: number }

/** A history around `on`: closed stays over `span` days before it (a few after), one optional open stay. */
function historyArbitrary(onFrom: string, onTo: string, scale: Scale, maxStays: number) {
  const { span, maxLength } = scale
  return fc
    .record({
      on: fc.integer({ min: day(onFrom), max: day(onTo) }),
      closed: fc.array(
        fc.record({
          offset: fc.integer({ min: -span, max: Math.ceil(span / 20) }),
          // Mostly short stays and runs, sometimes long ones.
          length: fc.oneof(fc.integer({ min: 0, max: Math.max(1, Math.ceil(maxLength / 8)) }), fc.integer({ min: 0, max: maxLength })),
        }),
        { maxLength: maxStays },
      ),
      open: fc.option(fc.integer({ min: 0, max: maxLength * 2 }), { freq: 2 }),
      openAt: fc.nat(),
      documents: fc.array(
        fc.record({
          kind: fc.constantFrom('temporary_residence', 'permanent_residence', 'visa', 'citizenship' as const),
          offset: fc.integer({ min: -span, max: span / 2 }),
          length: fc.option(fc.integer({ min: 0, max: span }), { freq: 5 }),
        }),
        { maxLength: 2 },
      ),
      withDocuments: fc.boolean(),
    })
    .map(({ on, closed, open, openAt, documents, withDocuments }) => {
      const stays: StayRecord[] = closed.map(({ offset, length }) => ({ entryOn: formatIsoDate(on + offset), exitOn: formatIsoDate(on + offset + length) }))
      if (open !== null) stays.splice(openAt % (stays.length + 1), 0, { entryOn: formatIsoDate(on - open), exitOn: null })
      // A visa always has an end (an open-ended one is refused as input).
      const docs: ResidenceDocument[] = withDocuments
        ? documents.map(({ kind, offset, length }) => ({
            kind,
            validFrom: formatIsoDate(on + offset),
            validTo: length === null ? (kind === 'visa' ? formatIsoDate(on + offset + 30) : null) : formatIsoDate(on + offset + length),
          }))
        : []
      return { on: formatIsoDate(on), stays, documents: docs }
    })
}

const kazakhstanInput = fc
  .tuple(historyArbitrary('2022-09-01', '2027-06-30', { span: 1100, maxLength: 120 }, 20), fc.constantFrom(...CITIZENSHIPS))
  .map(([history, citizenship]): AssessStayInput => ({ citizenship, ...history }))

const customRuleInput = fc.constantFrom(...CUSTOM_RULES).chain((rule) =>
  fc
    .tuple(historyArbitrary('2024-01-01', '2025-12-31', { span: rule.windowDays * 6, maxLength: rule.windowDays }, 12), fc.constantFrom(...CITIZENSHIPS))
    .map(([history, citizenship]): AssessStayInput => ({ citizenship, ...history, rule })),
)

describe('assessStay agrees with the naive reference on every field', () => {
  test('Kazakhstan rule, random 3-year histories', () => {
    fc.assert(
      fc.property(kazakhstanInput, (input) => {
        expect(assessStay(input)).toEqual(naiveAssessStay(input))
      }),
      { numRuns: 1500 },
    )
  })

  test('custom rules (5/3, 7/1, 30/10, 60/30, with and without per-entry limits)', () => {
    fc.assert(
      fc.property(customRuleInput, (input) => {
        expect(assessStay(input)).toEqual(naiveAssessStay(input))
      }),
      { numRuns: 2000 },
    )
  })
})

/** A run out and back (or one way) near `on`, with 0–3 other booked trips around it. */
const runInput = kazakhstanInput.chain((history) =>
  fc
    .record({
      exitOffset: fc.integer({ min: -5, max: 60 }),
      returnLength: fc.option(fc.integer({ min: 0, max: 12 }), { freq: 4 }),
      trips: fc.array(fc.record({ offset: fc.integer({ min: -40, max: 80 }), length: fc.option(fc.integer({ min: 0, max: 20 }), { freq: 5 }) }), { maxLength: 3 }),
    })
    .map(({ exitOffset, returnLength, trips }): CheckRunInput => {
      const onDay = day(history.on)
      const exitDay = onDay + exitOffset
      const plannedTrips: PlannedTrip[] = trips.map(({ offset, length }) => ({
        exitOn: formatIsoDate(onDay + offset),
        returnOn: length === null ? null : formatIsoDate(onDay + offset + length),
      }))
      // The run's exit day must not precede an open stay's entry (that is an input error).
      const stays = history.stays.filter((s) => s.exitOn !== null || day(s.entryOn) <= exitDay)
      return {
        citizenship: history.citizenship,
        stays,
        documents: history.documents,
        exitOn: formatIsoDate(exitDay),
        returnOn: returnLength === null ? null : formatIsoDate(exitDay + returnLength),
        plannedTrips,
      }
    }),
)

describe('checkRun agrees with the naive reference on every field, planned trips included', () => {
  test('every regime, random histories and booked trips', () => {
    fc.assert(
      fc.property(runInput, (input) => {
        expect(checkRun(input)).toEqual(naiveCheckRun(input))
      }),
      { numRuns: 600 },
    )
  })

  test('a booked trip counts exactly as the same trip recorded once it happened', () => {
    // An open stay since `entry`; a trip out on x and back on y (both before the run): booking it
    // must give the verdict the log would give after the trip (stay closed on x, open again from y).
    const input = fc.record({
      citizenship: fc.constantFrom(...CITIZENSHIPS),
      entry: fc.integer({ min: day('2024-01-01'), max: day('2026-06-30') }),
      x: fc.integer({ min: 0, max: 60 }),
      away: fc.integer({ min: 0, max: 20 }),
      gap: fc.integer({ min: 0, max: 60 }),
      back: fc.option(fc.integer({ min: 0, max: 5 }), { freq: 3 }),
    })
    fc.assert(
      fc.property(input, ({ citizenship, entry, x, away, gap, back }) => {
        const exitDay = entry + x
        const returnDay = exitDay + away
        const runExit = returnDay + gap
        const run = { citizenship, exitOn: formatIsoDate(runExit), returnOn: back === null ? null : formatIsoDate(runExit + back) }
        const booked = checkRun({ ...run, stays: [{ entryOn: formatIsoDate(entry), exitOn: null }], plannedTrips: [{ exitOn: formatIsoDate(exitDay), returnOn: formatIsoDate(returnDay) }] })
        const recorded = checkRun({ ...run, stays: [{ entryOn: formatIsoDate(entry), exitOn: formatIsoDate(exitDay) }, { entryOn: formatIsoDate(returnDay), exitOn: null }] })
        fc.pre(runExit > returnDay)
        expect(booked.verdict).toBe(recorded.verdict)
        expect(booked.returnAssessment).toEqual(recorded.returnAssessment)
        expect(booked.reasons.filter((r) => r.code !== 'PLANNED_TRIPS_COUNTED')).toEqual(recorded.reasons)
      }),
      { numRuns: 400 },
    )
  })
})

/**
 * Planning-mode inputs: closed stays only, none covering or after `on`, no documents. Only regimes
 * that do not change over the dates generated and allow some stay (a projection keeps the rule
 * selected for `on`; a visa-required passport never has a legal day without a visa).
 */
const planningInput = kazakhstanInput.map((input): AssessStayInput => ({
  ...input,
  documents: [],
  citizenship: ['KZ', 'AF', 'CN', 'TR', 'SM'].includes(input.citizenship) ? 'RU' : input.citizenship,
  stays: input.stays.filter((s) => s.exitOn !== null && s.exitOn < input.on),
}))

const withStay = (input: AssessStayInput, entryOn: string, exitOn: string, on: string): AssessStayInput => ({
  ...input,
  stays: [...input.stays, { entryOn, exitOn }],
  on,
})

describe('laws of the engine', () => {
  test('the order of the stays does not matter', () => {
    fc.assert(
      fc.property(kazakhstanInput, fc.nat(), (input, rotation) => {
        const k = input.stays.length === 0 ? 0 : rotation % input.stays.length
        const reordered = [...input.stays.slice(k), ...input.stays.slice(0, k)].reverse()
        expect(assessStay({ ...input, stays: reordered })).toEqual(assessStay(input))
      }),
      { numRuns: 300 },
    )
  })

  test('staying until latestLegalExit is legal on that day, one day more is not', () => {
    fc.assert(
      fc.property(planningInput, (input) => {
        const result = assessStay(input)
        fc.pre(result.latestLegalExit !== null && result.reasons.every((r) => r.code !== 'LIMIT_HORIZON'))
        const last = result.latestLegalExit!
        const atLast = assessStay(withStay(input, input.on, last, last))
        expect(atLast.overstayDays + atLast.perEntryOverstayDays).toBe(0)
        const dayAfter = formatIsoDate(day(last) + 1)
        const beyond = assessStay(withStay(input, input.on, dayAfter, dayAfter))
        expect(beyond.overstayDays + beyond.perEntryOverstayDays).toBeGreaterThan(0)
      }),
      { numRuns: 400 },
    )
  })

  test('earliestEntry is the first day an entry is allowed, and its stay is legal to the end', () => {
    fc.assert(
      fc.property(planningInput, (input) => {
        const result = assessStay(input)
        fc.pre(result.earliestEntry !== null)
        const { on: entryOn, maxStayDays } = result.earliestEntry!
        expect(maxStayDays).toBeGreaterThan(0)
        expect(assessStay({ ...input, on: formatIsoDate(day(entryOn) - 1) }).maxStayDays).toBe(0)
        expect(assessStay({ ...input, on: entryOn }).maxStayDays).toBe(maxStayDays)
        const lastDay = formatIsoDate(day(entryOn) + maxStayDays - 1)
        const atLast = assessStay(withStay(input, entryOn, lastDay, lastDay))
        expect(atLast.overstayDays + atLast.perEntryOverstayDays).toBe(0)
      }),
      { numRuns: 400 },
    )
  })

  test('more past presence never lengthens the stay allowed from `on`', () => {
    fc.assert(
      fc.property(planningInput, fc.integer({ min: 2, max: 400 }), fc.integer({ min: 0, max: 60 }), (input, back, length) => {
        const onDay = day(input.on)
        const entry = onDay - back
        const exit = Math.min(entry + length, onDay - 2) // stays apart from `on`: still planning mode
        fc.pre(exit >= entry)
        const before = assessStay(input)
        const after = assessStay({ ...input, stays: [...input.stays, { entryOn: formatIsoDate(entry), exitOn: formatIsoDate(exit) }] })
        expect(after.daysUsed).toBeGreaterThanOrEqual(before.daysUsed)
        expect(after.maxStayDays).toBeLessThanOrEqual(before.maxStayDays)
      }),
      { numRuns: 400 },
    )
  })
})
