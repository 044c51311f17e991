// Calendar dates as integer day numbers (days since 1970-01-01, proleptic Gregorian). All stay
// arithmetic happens on these integers, never on instants: adding "24 hours" or parsing a date in
// local time shifts days around DST changes and time zones (research §6.9).
import type { IsoDate } from './types'

/** Days since 1970-01-01. */
export type DayNumber = number

/** Dates outside these years are typing errors, not stays (and keep day numbers small). */
export const MIN_YEAR = 1900
export const MAX_YEAR = 2999

const DASH = 45
const ZERO = 48

/** 'YYYY-MM-DD' → day number, or null if the text is not a real calendar date in range. */
export function parseIsoDate(value: unknown): DayNumber | null {
  // Hand-rolled: this runs for every stay of every assessment (about twice as fast as a regex).
  if (typeof value !== 'string' || value.length !== 10) return null
  if (value.charCodeAt(4) !== DASH || value.charCodeAt(7) !== DASH) return null
  const y0 = value.charCodeAt(0) - ZERO
  const y1 = value.charCodeAt(1) - ZERO
  const y2 = value.charCodeAt(2) - ZERO
  const y3 = value.charCodeAt(3) - ZERO
  const m0 = value.charCodeAt(5) - ZERO
  const m1 = value.charCodeAt(6) - ZERO
  const d0 = value.charCodeAt(8) - ZERO
  const d1 = value.charCodeAt(9) - ZERO
  // One unsigned comparison per character: a code below '0' wraps to a huge number.
  if ((y0 >>> 0) > 9 || (y1 >>> 0) > 9 || (y2 >>> 0) > 9 || (y3 >>> 0) > 9 || (m0 >>> 0) > 9 || (m1 >>> 0) > 9 || (d0 >>> 0) > 9 || (d1 >>> 0) > 9) return null
  const yearIndex = y0 * 1000 + y1 * 100 + y2 * 10 + y3 - MIN_YEAR
  const month = m0 * 10 + m1
  const day = d0 * 10 + d1
  if (yearIndex < 0 || yearIndex >= YEARS || month < 1 || month > 12 || day < 1) return null
  const slot = LEAP_YEAR[yearIndex]! * 13 + month
  if (day > MONTH_LENGTH[slot]!) return null
  return YEAR_START[yearIndex]! + MONTH_START[slot]! + day - 1
}

// Tables for parseIsoDate, built once from dayNumberFromCivil (two lookups instead of divisions).
const YEARS = MAX_YEAR - MIN_YEAR + 1
/** Day number of 1 January of each year MIN_YEAR … MAX_YEAR. */
const YEAR_START = new Int32Array(YEARS)
/** 1 for a leap year. */
const LEAP_YEAR = new Uint8Array(YEARS)
/** Days before / length of month m (1–12), at [leap * 13 + m]. */
const MONTH_START = new Int16Array(26)
const MONTH_LENGTH = new Int8Array(26)
for (let i = 0; i < YEARS; i++) {
  const year = MIN_YEAR + i
  YEAR_START[i] = dayNumberFromCivil(year, 1, 1)
  LEAP_YEAR[i] = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 1 : 0
}
for (let leap = 0; leap <= 1; leap++) {
  let before = 0
  for (let month = 1; month <= 12; month++) {
    const length = month === 2 ? 28 + leap : month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31
    MONTH_START[leap * 13 + month] = before
    MONTH_LENGTH[leap * 13 + month] = length
    before += length
  }
}

/** Day number → 'YYYY-MM-DD'. */
export function formatIsoDate(dayNumber: DayNumber): IsoDate {
  // The same few thousand dates are formatted again and again (window starts, exits): memoise.
  const slot = dayNumber - CACHE_FROM
  if (slot >= 0 && slot < CACHE_SIZE) return (formatted[slot] ??= formatCivil(dayNumber))
  return formatCivil(dayNumber)
}

/** Adds whole calendar days to a valid ISO date. */
export function addDays(on: IsoDate, days: number): IsoDate {
  const dayNumber = parseIsoDate(on)
  if (dayNumber === null) throw new RangeError(`not a calendar date: ${JSON.stringify(on)}`)
  return formatIsoDate(dayNumber + days)
}

/** Memo of formatIsoDate over 2000-01-01 … 2099-12-31, filled lazily (at most ≈ 37k short strings). */
const CACHE_FROM = 10_957 // 2000-01-01
const CACHE_SIZE = 36_525
const formatted: (IsoDate | undefined)[] = new Array<IsoDate | undefined>(CACHE_SIZE)

function formatCivil(dayNumber: DayNumber): IsoDate {
  // Howard Hinnant's civil_from_days (http://howardhinnant.github.io/date_algorithms.html).
  const z = dayNumber + 719468
  const era = Math.floor(z / 146097)
  const doe = z - era * 146097
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365)
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100))
  const mp = Math.floor((5 * doy + 2) / 153)
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1
  const month = mp < 10 ? mp + 3 : mp - 9
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0)
  return `${year}-${month < 10 ? '0' : ''}${month}-${day < 10 ? '0' : ''}${day}`
}

function dayNumberFromCivil(year: number, month: number, day: number): DayNumber {
  // Howard Hinnant's days_from_civil; years are ≥ MIN_YEAR here, so no negative eras.
  const y = month <= 2 ? year - 1 : year
  const era = Math.floor(y / 400)
  const yoe = y - era * 400
  const doy = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy
  return era * 146097 + doe - 719468
}
