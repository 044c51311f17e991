import { describe, expect, test } from 'vitest'
import { assessStay } from './assess-stay'
import { checkRun } from './check-run'
import type { CheckRunInput, RunCheck, StayAssessment, StayRecord } from './types'

const stay = (entryOn: string, exitOn: string | null): StayRecord => ({ entryOn, exitOn })

type RunCase = {
  label: string
  input: CheckRunInput
  verdict: RunCheck['verdict']
  /** Reasons that must be present (params listed must match). */
  reasons: { code: string; severity: 'info' | 'warn' | 'block'; params?: Record<string, string | number> }[]
  /** Reason codes that must be absent. */
  absent?: string[]
  returnAssessment?: Partial<StayAssessment> | null
}

const runCases: RunCase[] = [
  {
    label: 'Russian with 85 days used, same-day return: 6 days left after it (warn), the run gives back nothing',
    input: { citizenship: 'RU', stays: [stay('2026-01-01', null)], exitOn: '2026-03-26', returnOn: '2026-03-26' },
    verdict: 'warn',
    reasons: [
      { code: 'DAYS_USED_ON_EXIT', severity: 'info', params: { daysUsed: 85, maxDaysInWindow: 90 } },
      { code: 'RETURN_SHORT_STAY', severity: 'warn', params: { maxStayDays: 6, latestLegalExit: '2026-03-31' } },
      { code: 'NO_RESET', severity: 'info' },
    ],
    // The return day is the exit day: counted once (85, not 86).
    returnAssessment: { daysUsed: 85, maxStayDays: 6, stayEntryOn: '2026-03-26' },
  },
  {
    label: 'Russian with 85 days used, overnight run: both days count, 5 days left after the return',
    input: { citizenship: 'RU', stays: [stay('2026-01-01', null)], exitOn: '2026-03-26', returnOn: '2026-03-27' },
    verdict: 'warn',
    reasons: [{ code: 'RETURN_SHORT_STAY', severity: 'warn', params: { maxStayDays: 5, latestLegalExit: '2026-03-31' } }],
    returnAssessment: { daysUsed: 85, maxStayDays: 5 },
  },
  {
    label: 'Russian with 90 days used, return next day: refused at the border, return leg not sold',
    input: { citizenship: 'RU', stays: [stay('2026-01-01', null)], exitOn: '2026-03-31', returnOn: '2026-04-01' },
    verdict: 'blocked',
    reasons: [
      { code: 'DAYS_USED_ON_EXIT', severity: 'info', params: { daysUsed: 90 } },
      { code: 'RETURN_REFUSED', severity: 'block', params: { returnOn: '2026-04-01', earliestEntryOn: '2026-06-30', maxStayDays: 90 } },
      { code: 'NO_RESET', severity: 'info' },
    ],
    absent: ['OVERSTAY_ON_EXIT'],
    returnAssessment: { maxStayDays: 0, earliestEntry: { on: '2026-06-30', maxStayDays: 90 } },
  },
  {
    label: 'Russian with 90 days used, same-day return: entry allowed, but only that day',
    input: { citizenship: 'RU', stays: [stay('2026-01-01', null)], exitOn: '2026-03-31', returnOn: '2026-03-31' },
    verdict: 'warn',
    reasons: [{ code: 'RETURN_SHORT_STAY', severity: 'warn', params: { maxStayDays: 1, latestLegalExit: '2026-03-31' } }],
  },
  {
    label: 'Russian leaving on day 91, one way: never refused — warned with the facts (1 day over, fine, ban risk)',
    input: { citizenship: 'RU', stays: [stay('2026-01-01', null)], exitOn: '2026-04-01', returnOn: null },
    verdict: 'warn',
    reasons: [{ code: 'OVERSTAY_LEAVE_NOW', severity: 'warn', params: { exitOn: '2026-04-01', daysOver: 1, overstayDays: 1, daysUsed: 91, fineMinMci: 10, fineMaxMci: 25, banYears: 5 } }],
    absent: ['DAYS_USED_ON_EXIT', 'OVERSTAY_ON_EXIT'],
    returnAssessment: null,
  },
  {
    label: 'Russian leaving on day 91 on a round trip: blocked, its return would be refused',
    input: { citizenship: 'RU', stays: [stay('2026-01-01', null)], exitOn: '2026-04-01', returnOn: '2026-04-01' },
    verdict: 'blocked',
    reasons: [{ code: 'OVERSTAY_ON_EXIT', severity: 'block', params: { daysOver: 1 } }],
  },
  {
    label: '30-day national on day 30: a same-day run restarts the 30-day clock',
    input: { citizenship: 'US', stays: [stay('2026-03-01', null)], exitOn: '2026-03-30', returnOn: '2026-03-30' },
    verdict: 'ok',
    reasons: [
      { code: 'PER_ENTRY_RESTART', severity: 'info', params: { maxDaysPerEntry: 30, maxDaysInWindow: 90 } },
      { code: 'RETURN_OK', severity: 'info', params: { maxStayDays: 30, latestLegalExit: '2026-04-28' } },
    ],
    absent: ['NO_RESET'],
    returnAssessment: { daysUsed: 30, stayEntryOn: '2026-03-30', maxStayDays: 30 },
  },
  {
    label: '30-day national on day 31: already past the per-entry limit, blocked',
    input: { citizenship: 'US', stays: [stay('2026-03-01', null)], exitOn: '2026-03-31', returnOn: '2026-03-31' },
    verdict: 'blocked',
    reasons: [{ code: 'OVERSTAY_ON_EXIT', severity: 'block', params: { overstayDays: 0, perEntryOverstayDays: 1 } }],
  },
  {
    label: 'temporary residence holder: exempt on both days, ok',
    input: {
      citizenship: 'RU',
      stays: [stay('2025-06-01', null)],
      documents: [{ kind: 'temporary_residence', validFrom: '2026-01-01', validTo: '2026-12-31' }],
      exitOn: '2026-05-01',
      returnOn: '2026-05-01',
    },
    verdict: 'ok',
    reasons: [
      { code: 'EXEMPT', severity: 'info', params: { document: 'temporary_residence', validTo: '2026-12-31', on: '2026-05-01' } },
      { code: 'RETURN_OK', severity: 'info', params: { maxStayDays: 245, latestLegalExit: '2026-12-31' } },
    ],
    absent: ['NO_RESET', 'OVERSTAY_ON_EXIT'],
    returnAssessment: { regime: 'exempt' },
  },
  {
    label: 'permit expires on the exit day: the return falls under the rule and is refused',
    input: {
      citizenship: 'RU',
      stays: [stay('2026-01-01', null)],
      documents: [{ kind: 'temporary_residence', validFrom: '2026-01-01', validTo: '2026-05-01' }],
      exitOn: '2026-05-01',
      returnOn: '2026-05-02',
    },
    verdict: 'blocked',
    reasons: [
      { code: 'EXEMPT', severity: 'info', params: { on: '2026-05-01' } },
      { code: 'RETURN_REFUSED', severity: 'block', params: { earliestEntryOn: '2026-07-31', maxStayDays: 90 } },
      { code: 'NO_RESET', severity: 'info' },
    ],
  },
  {
    label: 'unknown nationality: the platform cannot vouch (warn)',
    input: { citizenship: 'ZZ', stays: [stay('2026-03-01', null)], exitOn: '2026-03-10', returnOn: '2026-03-10' },
    verdict: 'warn',
    reasons: [
      { code: 'UNKNOWN_NATIONALITY', severity: 'warn', params: { citizenship: 'ZZ' } },
      { code: 'RETURN_OK', severity: 'info' },
    ],
  },
  {
    label: 'a 2024 overstay that has rolled out does not block a 2025 run',
    input: { citizenship: 'RU', stays: [stay('2024-01-01', '2024-05-01'), stay('2025-01-01', null)], exitOn: '2025-01-15', returnOn: '2025-01-16' },
    verdict: 'ok',
    reasons: [{ code: 'RETURN_OK', severity: 'info', params: { maxStayDays: 75, latestLegalExit: '2025-03-31' } }],
    absent: ['OVERSTAY_ON_EXIT', 'RETURN_REFUSED'],
  },
  {
    label: 'one way: only the exit is checked',
    input: { citizenship: 'RU', stays: [stay('2026-01-01', null)], exitOn: '2026-02-01', returnOn: null },
    verdict: 'ok',
    reasons: [{ code: 'DAYS_USED_ON_EXIT', severity: 'info', params: { daysUsed: 32 } }],
    absent: ['RETURN_OK', 'RETURN_REFUSED', 'RETURN_SHORT_STAY'],
    returnAssessment: null,
  },
  {
    label: 'an exit day no recorded stay covers: an empty log is not zero days — CURRENT_STAY_REQUIRED',
    input: { citizenship: 'RU', stays: [stay('2026-01-01', '2026-03-31')], exitOn: '2026-04-05', returnOn: null },
    verdict: 'blocked',
    reasons: [{ code: 'CURRENT_STAY_REQUIRED', severity: 'block', params: { exitOn: '2026-04-05' } }],
    absent: ['OVERSTAY_ON_EXIT', 'DAYS_USED_ON_EXIT'],
    returnAssessment: null,
  },
  {
    label: 'an empty log, round trip: CURRENT_STAY_REQUIRED',
    input: { citizenship: 'US', stays: [], exitOn: '2026-04-10', returnOn: '2026-04-10' },
    verdict: 'blocked',
    reasons: [{ code: 'CURRENT_STAY_REQUIRED', severity: 'block' }],
  },
  {
    label: 'an empty log but a residence permit valid on the exit day: no stay needed',
    input: { citizenship: 'RU', stays: [], documents: [{ kind: 'permanent_residence', validFrom: '2020-01-01', validTo: null }], exitOn: '2026-04-10', returnOn: '2026-04-10' },
    verdict: 'ok',
    reasons: [{ code: 'EXEMPT', severity: 'info' }],
    absent: ['CURRENT_STAY_REQUIRED'],
  },
  {
    label: 'a recorded stay past the exit day ends on the exit day for the return',
    input: { citizenship: 'RU', stays: [stay('2026-01-01', '2026-05-01')], exitOn: '2026-03-20', returnOn: '2026-03-25' },
    verdict: 'ok',
    reasons: [
      { code: 'DAYS_USED_ON_EXIT', severity: 'info', params: { daysUsed: 79 } },
      { code: 'RETURN_OK', severity: 'info', params: { maxStayDays: 11, latestLegalExit: '2026-04-04' } },
    ],
    returnAssessment: { daysUsed: 79 },
  },
]

// Issue 11: regimes by passport, never block leaving, booked trips count.
const issueCases: RunCase[] = [
  {
    label: 'UZ on day 31 (protocol 2022-12-22: 30 per entry): a round trip is refused',
    input: { citizenship: 'UZ', stays: [stay('2026-03-01', null)], exitOn: '2026-03-31', returnOn: '2026-03-31' },
    verdict: 'blocked',
    reasons: [{ code: 'OVERSTAY_ON_EXIT', severity: 'block', params: { daysOver: 1, perEntryOverstayDays: 1, overstayDays: 0 } }],
  },
  {
    label: 'UZ on day 31: the one-way run out is sold with a warning',
    input: { citizenship: 'UZ', stays: [stay('2026-03-01', null)], exitOn: '2026-03-31', returnOn: null },
    verdict: 'warn',
    reasons: [{ code: 'OVERSTAY_LEAVE_NOW', severity: 'warn', params: { daysOver: 1, banYears: 5 } }, { code: 'PER_ENTRY_RESTART', severity: 'info', params: { maxDaysPerEntry: 30 } }],
  },
  {
    label: 'IN (Res. No. 464): day 14 is the last legal day of an entry; a same-day run restarts 14',
    input: { citizenship: 'IN', stays: [stay('2026-03-01', null)], exitOn: '2026-03-14', returnOn: '2026-03-14' },
    verdict: 'ok',
    reasons: [{ code: 'RETURN_OK', severity: 'info', params: { maxStayDays: 14, latestLegalExit: '2026-03-27' } }],
  },
  {
    label: 'IN: 42 in 180 binds on the third back-to-back entry',
    input: { citizenship: 'IN', stays: [stay('2026-03-01', '2026-03-14'), stay('2026-03-14', '2026-03-27'), stay('2026-03-27', null)], exitOn: '2026-04-09', returnOn: '2026-04-09' },
    verdict: 'warn',
    reasons: [{ code: 'RETURN_SHORT_STAY', severity: 'warn', params: { maxStayDays: 3, latestLegalExit: '2026-04-11' } }, { code: 'DAYS_USED_ON_EXIT', severity: 'info', params: { daysUsed: 40, maxDaysInWindow: 42 } }],
  },
  {
    label: 'US with a same-day run booked on 10 Dec may book one on 5 Jan: the per-entry clock restarts on the 10th',
    input: { citizenship: 'US', stays: [stay('2026-11-20', null)], plannedTrips: [{ exitOn: '2026-12-10', returnOn: '2026-12-10' }], exitOn: '2027-01-05', returnOn: '2027-01-05' },
    verdict: 'ok',
    reasons: [{ code: 'DAYS_USED_ON_EXIT', severity: 'info', params: { daysUsed: 47 } }, { code: 'PLANNED_TRIPS_COUNTED', severity: 'info', params: { count: 1 } }],
    absent: ['OVERSTAY_ON_EXIT'],
  },
  {
    label: 'the same US run without the booked trip: day 47 of one entry, refused',
    input: { citizenship: 'US', stays: [stay('2026-11-20', null)], exitOn: '2027-01-05', returnOn: '2027-01-05' },
    verdict: 'blocked',
    reasons: [{ code: 'OVERSTAY_ON_EXIT', severity: 'block', params: { perEntryOverstayDays: 17 } }],
  },
  {
    label: 'RU with ten days abroad booked may book a later run that would otherwise cross 90',
    input: {
      citizenship: 'RU',
      stays: [stay('2026-01-01', null)],
      plannedTrips: [{ exitOn: '2026-02-01', returnOn: '2026-02-12' }],
      exitOn: '2026-04-05',
      returnOn: null,
    },
    verdict: 'ok',
    reasons: [{ code: 'DAYS_USED_ON_EXIT', severity: 'info', params: { daysUsed: 85 } }],
  },
  {
    label: 'the same RU run without the booked trip: 95 days, over the limit (leaving is still sold)',
    input: { citizenship: 'RU', stays: [stay('2026-01-01', null)], exitOn: '2026-04-05', returnOn: null },
    verdict: 'warn',
    reasons: [{ code: 'OVERSTAY_LEAVE_NOW', severity: 'warn', params: { daysOver: 5 } }],
  },
  {
    label: 'a booked one-way trip before the run: the days after it are unknown, the exit day alone counts',
    input: { citizenship: 'RU', stays: [stay('2026-01-01', null)], plannedTrips: [{ exitOn: '2026-02-01', returnOn: null }], exitOn: '2026-03-01', returnOn: null },
    verdict: 'ok',
    reasons: [{ code: 'DAYS_USED_ON_EXIT', severity: 'info', params: { daysUsed: 33 } }],
  },
  {
    label: 'a booked trip that overlaps this run is reported',
    input: { citizenship: 'RU', stays: [stay('2026-01-01', null)], plannedTrips: [{ exitOn: '2026-02-01', returnOn: '2026-02-05' }], exitOn: '2026-02-03', returnOn: '2026-02-03' },
    verdict: 'warn',
    reasons: [{ code: 'PLANNED_TRIP_OVERLAP', severity: 'warn', params: { plannedExitOn: '2026-02-01', plannedReturnOn: '2026-02-05' } }],
  },
  {
    label: 'a booked trip after this run does not change it',
    input: { citizenship: 'RU', stays: [stay('2026-01-01', null)], plannedTrips: [{ exitOn: '2026-05-01', returnOn: '2026-05-03' }], exitOn: '2026-02-03', returnOn: '2026-02-03' },
    verdict: 'ok',
    reasons: [{ code: 'RETURN_OK', severity: 'info' }],
    absent: ['PLANNED_TRIP_OVERLAP', 'PLANNED_TRIPS_COUNTED'],
  },
  {
    label: 'visa required (AF) with a visa valid on the return day: sold, the visa’s end is the latest exit',
    input: {
      citizenship: 'AF',
      stays: [stay('2026-03-01', null)],
      documents: [{ kind: 'visa', validFrom: '2026-02-20', validTo: '2026-04-30' }],
      exitOn: '2026-03-20',
      returnOn: '2026-03-20',
    },
    verdict: 'ok',
    reasons: [{ code: 'RETURN_ON_VISA', severity: 'info', params: { validTo: '2026-04-30', latestLegalExit: '2026-04-30' } }],
    absent: ['LIMIT_HORIZON'],
  },
  {
    label: 'visa required (AF), the visa ends before the return day: the return is refused',
    input: {
      citizenship: 'AF',
      stays: [stay('2026-03-01', null)],
      documents: [{ kind: 'visa', validFrom: '2026-02-20', validTo: '2026-03-20' }],
      exitOn: '2026-03-20',
      returnOn: '2026-03-21',
    },
    verdict: 'blocked',
    reasons: [{ code: 'RETURN_NEEDS_VISA', severity: 'block', params: { returnOn: '2026-03-21' } }],
  },
  {
    label: 'visa required (AF) without a visa, one way out: sold with the facts',
    input: { citizenship: 'AF', stays: [stay('2026-03-01', null)], exitOn: '2026-03-05', returnOn: null },
    verdict: 'warn',
    reasons: [{ code: 'OVERSTAY_LEAVE_NOW', severity: 'warn', params: { daysOver: 5 } }],
  },
  {
    label: 'KG in 2024: entry over the limit was not refused (suspension 2023-10-09 … 2025-08-31) — warned',
    input: { citizenship: 'KG', stays: [stay('2024-01-01', null)], exitOn: '2024-03-30', returnOn: '2024-03-31' },
    verdict: 'warn',
    reasons: [{ code: 'RETURN_OVER_LIMIT', severity: 'warn', params: { returnOn: '2024-03-31' } }],
    absent: ['RETURN_REFUSED'],
  },
  {
    label: 'KG from 2025-09-01: refused again',
    input: { citizenship: 'KG', stays: [stay('2026-01-01', null)], exitOn: '2026-03-31', returnOn: '2026-04-01' },
    verdict: 'blocked',
    reasons: [{ code: 'RETURN_REFUSED', severity: 'block' }],
  },
  {
    label: 'TR entered on 2025-09-01 (30-day rule of its entry): day 31 on 2025-10-01 is over, although later entries get 90',
    input: { citizenship: 'TR', stays: [stay('2025-09-01', null)], exitOn: '2025-10-01', returnOn: null },
    verdict: 'warn',
    reasons: [{ code: 'OVERSTAY_LEAVE_NOW', severity: 'warn', params: { perEntryOverstayDays: 1 } }],
  },
  {
    label: 'TR entered on 2025-09-07 (90-day rule): day 60 is fine; unverified regime is said so',
    input: { citizenship: 'TR', stays: [stay('2025-09-07', null)], exitOn: '2025-11-05', returnOn: '2025-11-05' },
    verdict: 'ok',
    reasons: [{ code: 'REGIME_UNVERIFIED', severity: 'info', params: { regimeId: 'gov-res-2025-08-25-tr' } }, { code: 'NO_RESET', severity: 'info' }],
  },
]

runCases.push(...issueCases)

describe('checkRun', () => {
  test.each(runCases)('$label', ({ input, verdict, reasons, absent = [], returnAssessment }) => {
    const result = checkRun(input)
    expect(result.verdict).toBe(verdict)
    for (const reason of reasons) {
      expect(result.reasons).toContainEqual({ code: reason.code, severity: reason.severity, params: expect.objectContaining(reason.params ?? {}) })
    }
    const codes = result.reasons.map((r) => r.code)
    for (const code of absent) expect(codes).not.toContain(code)
    if (returnAssessment === null) expect(result.returnAssessment).toBeNull()
    else if (returnAssessment) expect(result.returnAssessment).toMatchObject(returnAssessment)
  })

  test('the verdict is the most severe reason', () => {
    for (const { input } of runCases) {
      const { verdict, reasons } = checkRun(input)
      const worst = reasons.some((r) => r.severity === 'block') ? 'blocked' : reasons.some((r) => r.severity === 'warn') ? 'warn' : 'ok'
      expect(verdict).toBe(worst)
    }
  })

  test('the return assessment is what assessStay says about the rider back in Kazakhstan from the return day', () => {
    const input: CheckRunInput = { citizenship: 'US', stays: [stay('2026-03-01', null)], exitOn: '2026-03-20', returnOn: '2026-03-22' }
    const expected = assessStay({ citizenship: 'US', stays: [stay('2026-03-01', '2026-03-20')], on: '2026-03-22' })
    expect(checkRun(input).returnAssessment).toEqual(expected)
  })
})
