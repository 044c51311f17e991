// The calendar strip of "My stay": the 180 days of the window ending on `on` and the 90 days after
// it, each day flagged for the UI. Pure: dates in, flags out (day numbers, never instants).
import { formatIsoDate, parseIsoDate, type IsoDate, type StayRecord } from '@/lib/stay-rules'

export const CALENDAR_PAST_DAYS = 180
export const CALENDAR_FUTURE_DAYS = 90

export type CalendarDay = {
  on: IsoDate
  /** Recorded in Kazakhstan that day (an open stay runs to `on`; nothing after `on` is recorded). */
  present: boolean
  /** Inside the 180-day window ending on `on` (the days the count looks at). */
  inWindow: boolean
  isToday: boolean
  /** The latest legal exit for someone in Kazakhstan from `on` on. */
  isLastLegalDay: boolean
  /** From `on` on: staying in Kazakhstan that day would break the limit. */
  beyondLegal: boolean
}

export type CalendarMonth = { month: string; days: CalendarDay[] }

export type StayCalendar = { from: IsoDate; to: IsoDate; days: CalendarDay[]; months: CalendarMonth[] }

export function buildStayCalendar(input: { on: IsoDate; stays: readonly StayRecord[]; windowStart: IsoDate; latestLegalExit: IsoDate | null }): StayCalendar {
  const on = parseIsoDate(input.on)
  const windowStart = parseIsoDate(input.windowStart)
  if (on === null || windowStart === null) throw new RangeError('buildStayCalendar: not a calendar date')
  const last = input.latestLegalExit === null ? null : parseIsoDate(input.latestLegalExit)
  const from = on - CALENDAR_PAST_DAYS + 1
  const to = on + CALENDAR_FUTURE_DAYS

  const present = new Set<number>()
  for (const stay of input.stays) {
    const entry = parseIsoDate(stay.entryOn)
    const exit = stay.exitOn === null ? on : parseIsoDate(stay.exitOn)
    if (entry === null || exit === null) continue
    for (let day = Math.max(entry, from); day <= Math.min(exit, on); day++) present.add(day)
  }

  const days: CalendarDay[] = []
  const months: CalendarMonth[] = []
  for (let day = from; day <= to; day++) {
    const iso = formatIsoDate(day)
    const entry: CalendarDay = {
      on: iso,
      present: present.has(day),
      inWindow: day >= windowStart && day <= on,
      isToday: day === on,
      isLastLegalDay: last !== null && day === last,
      beyondLegal: day >= on && (last === null || day > last),
    }
    days.push(entry)
    const month = iso.slice(0, 7)
    const current = months[months.length - 1]
    if (current && current.month === month) current.days.push(entry)
    else months.push({ month, days: [entry] })
  }
  return { from: formatIsoDate(from), to: formatIsoDate(to), days, months }
}
