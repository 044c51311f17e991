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
    label: 'Russian leaving on day 91 is overstaying: blocked (one way)',
    input: { citizenship: 'RU', stays: [stay('2026-01-01', null)], exitOn: '2026-04-01', returnOn: null },
    verdict: 'blocked',
    reasons: [{ code: 'OVERSTAY_ON_EXIT', severity: 'block', params: { exitOn: '2026-04-01', overstayDays: 1, daysUsed: 91 } }],
    absent: ['DAYS_USED_ON_EXIT'],
    returnAssessment: null,
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
    label: 'an exit day no recorded stay covers still counts (the rider boards in Kazakhstan)',
    input: { citizenship: 'RU', stays: [stay('2026-01-01', '2026-03-31')], exitOn: '2026-04-05', returnOn: null },
    verdict: 'blocked',
    reasons: [{ code: 'OVERSTAY_ON_EXIT', severity: 'block', params: { daysUsed: 91, overstayDays: 1 } }],
  },
  {
    label: 'an unrecorded exit day, same-day return: that day counts once',
    input: { citizenship: 'RU', stays: [stay('2026-01-01', '2026-03-30')], exitOn: '2026-04-10', returnOn: '2026-04-10' },
    verdict: 'warn',
    reasons: [{ code: 'RETURN_SHORT_STAY', severity: 'warn', params: { maxStayDays: 1 } }],
    returnAssessment: { daysUsed: 90 },
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
