import { expect, test } from 'vitest'
import type { Regime, StayLimits } from '@/lib/stay-rules'
import { registrationReminder } from './registration-reminder'

const stay = (entryOn: string, registrationNotedOn: string | null = null) => ({ id: 'stay-1', entryOn, registrationNotedOn })
const EAEU: StayLimits = { perEntryDays: 90, windowDays: 180, maxDaysInWindow: 90 }
const UA: StayLimits = { perEntryDays: null, windowDays: 180, maxDaysInWindow: 90 }
const DAYS_30: StayLimits = { perEntryDays: 30, windowDays: 180, maxDaysInWindow: 90 }

// Pure: fixed dates are fine here ("today" is an argument).
test.each<{ label: string; on: string; regime: Regime; limits: StayLimits | null; openStay: ReturnType<typeof stay> | null; dueOn: string | null; overdue?: boolean }>([
  { label: 'day 20 of an open stay (EAEU): remind, due on day 30', on: '2026-11-25', regime: 'eaeu', limits: EAEU, openStay: stay('2026-11-06'), dueOn: '2026-12-05', overdue: false },
  { label: 'day 19: not yet', on: '2026-11-25', regime: 'eaeu', limits: EAEU, openStay: stay('2026-11-07'), dueOn: null },
  { label: 'day 31: remind, overdue', on: '2026-11-25', regime: 'eaeu', limits: EAEU, openStay: stay('2026-10-26'), dueOn: '2026-11-24', overdue: true },
  { label: 'UA (90 in 180, no per-entry limit): the duty applies', on: '2026-11-25', regime: 'visa_free', limits: UA, openStay: stay('2026-11-01'), dueOn: '2026-11-30', overdue: false },
  { label: 'registration ticked: no reminder', on: '2026-11-25', regime: 'eaeu', limits: EAEU, openStay: stay('2026-09-27', '2026-10-01'), dueOn: null },
  { label: 'not in Kazakhstan: no reminder', on: '2026-11-25', regime: 'eaeu', limits: EAEU, openStay: null, dueOn: null },
  { label: 'a residence permit or visa holder (exempt): no reminder', on: '2026-11-25', regime: 'exempt', limits: EAEU, openStay: stay('2026-09-27'), dueOn: null },
  { label: 'a 30-day national: no duty (they leave by day 30)', on: '2026-11-25', regime: 'visa_free', limits: DAYS_30, openStay: stay('2026-11-01'), dueOn: null },
  { label: 'visa required: the visa’s rules apply, no reminder', on: '2026-11-25', regime: 'visa_required', limits: null, openStay: stay('2026-10-20'), dueOn: null },
  { label: 'a code that is no state’s: no reminder', on: '2026-11-25', regime: 'unknown', limits: null, openStay: stay('2026-10-20'), dueOn: null },
  { label: 'before the order is in force (2026-06-30): no reminder', on: '2026-06-30', regime: 'eaeu', limits: EAEU, openStay: stay('2026-04-01'), dueOn: null },
  { label: 'the day it comes into force (2026-07-01): remind', on: '2026-07-01', regime: 'eaeu', limits: EAEU, openStay: stay('2026-04-01'), dueOn: '2026-04-30', overdue: true },
])('$label', ({ on, regime, limits, openStay, dueOn, overdue }) => {
  const reminder = registrationReminder({ on, regime, limits, openStay })
  expect(reminder).toEqual(dueOn === null ? null : { stayId: 'stay-1', entryOn: openStay!.entryOn, dueOn, overdue })
})
