import { expect, test } from 'vitest'
import { buildStayCalendar } from './stay-calendar'

const calendar = buildStayCalendar({
  on: '2026-11-25',
  windowStart: '2026-05-30',
  latestLegalExit: '2026-11-30',
  stays: [
    { entryOn: '2026-01-01', exitOn: '2026-06-02' }, // starts before the strip, ends inside it
    { entryOn: '2026-10-22', exitOn: null }, // open: runs to `on`, not beyond
  ],
})
const day = (on: string) => calendar.days.find((d) => d.on === on)!

test('covers the 180 days ending on `on` and the 90 after it, grouped by month', () => {
  expect(calendar.days).toHaveLength(270)
  expect(calendar.from).toBe('2026-05-30')
  expect(calendar.to).toBe('2027-02-23')
  expect(calendar.months.map((m) => m.month)).toEqual(['2026-05', '2026-06', '2026-07', '2026-08', '2026-09', '2026-10', '2026-11', '2026-12', '2027-01', '2027-02'])
  expect(calendar.months.reduce((n, m) => n + m.days.length, 0)).toBe(270)
})

test.each([
  { label: 'first day of the strip, in a stay', on: '2026-05-30', flags: { present: true, inWindow: true, isToday: false, isLastLegalDay: false, beyondLegal: false } },
  { label: 'the day after that stay ended', on: '2026-06-03', flags: { present: false, inWindow: true, isToday: false, isLastLegalDay: false, beyondLegal: false } },
  { label: 'today, in the open stay', on: '2026-11-25', flags: { present: true, inWindow: true, isToday: true, isLastLegalDay: false, beyondLegal: false } },
  { label: 'tomorrow: not recorded, not beyond', on: '2026-11-26', flags: { present: false, inWindow: false, isToday: false, isLastLegalDay: false, beyondLegal: false } },
  { label: 'the last legal day', on: '2026-11-30', flags: { present: false, inWindow: false, isToday: false, isLastLegalDay: true, beyondLegal: false } },
  { label: 'the day after it', on: '2026-12-01', flags: { present: false, inWindow: false, isToday: false, isLastLegalDay: false, beyondLegal: true } },
])('$label', ({ on, flags }) => {
  expect(day(on)).toEqual({ on, ...flags })
})

test('no legal day at all: every day from `on` is beyond', () => {
  const none = buildStayCalendar({ on: '2026-11-25', windowStart: '2026-05-30', latestLegalExit: null, stays: [] })
  expect(none.days.filter((d) => d.beyondLegal)).toHaveLength(91)
  expect(none.days.find((d) => d.on === '2026-11-24')!.beyondLegal).toBe(false)
})
