import { expect, test } from 'vitest'
import type { Regime } from '@/lib/stay-rules'
import { registrationReminder } from './registration-reminder'

const stay = (entryOn: string, registrationNotedOn: string | null = null) => ({ id: 'stay-1', entryOn, registrationNotedOn })

test.each<{ label: string; on: string; regime: Regime; openStay: ReturnType<typeof stay> | null; dueOn: string | null }>([
  { label: 'day 31 of an open stay, nothing ticked: remind', on: '2026-11-25', regime: 'eaeu', openStay: stay('2026-10-26'), dueOn: '2026-11-24' },
  { label: 'day 30 (entry = on − 29): not yet', on: '2026-11-25', regime: 'eaeu', openStay: stay('2026-10-27'), dueOn: null },
  { label: 'a long stay, 60 days in: remind', on: '2026-11-25', regime: 'eaeu', openStay: stay('2026-09-27'), dueOn: '2026-10-26' },
  { label: 'registration ticked: no reminder', on: '2026-11-25', regime: 'eaeu', openStay: stay('2026-09-27', '2026-10-01'), dueOn: null },
  { label: 'not in Kazakhstan: no reminder', on: '2026-11-25', regime: 'eaeu', openStay: null, dueOn: null },
  { label: 'a residence permit or visa holder (exempt): no reminder', on: '2026-11-25', regime: 'exempt', openStay: stay('2026-09-27'), dueOn: null },
  { label: 'a 30-day visa-free national past day 30: remind', on: '2026-11-25', regime: 'visa_free_30', openStay: stay('2026-10-20'), dueOn: '2026-11-18' },
  { label: 'an unknown nationality: remind (we cannot vouch either way)', on: '2026-11-25', regime: 'unknown', openStay: stay('2026-10-20'), dueOn: '2026-11-18' },
  { label: 'before the order is in force (2026-06-30): no reminder', on: '2026-06-30', regime: 'eaeu', openStay: stay('2026-04-01'), dueOn: null },
  { label: 'the day it comes into force (2026-07-01): remind', on: '2026-07-01', regime: 'eaeu', openStay: stay('2026-04-01'), dueOn: '2026-04-30' },
])('$label', ({ on, regime, openStay, dueOn }) => {
  const reminder = registrationReminder({ on, regime, openStay })
  expect(reminder).toEqual(dueOn === null ? null : { stayId: 'stay-1', entryOn: openStay!.entryOn, dueOn })
})
