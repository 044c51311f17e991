import { describe, expect, test } from 'vitest'
import { addDays, formatIsoDate, parseIsoDate } from './calendar'

describe('calendar day numbers', () => {
  test('agree with Date.UTC for every day from 1900-01-01 to 2100-12-31', () => {
    const first = Date.UTC(1900, 0, 1) / 86_400_000
    const last = Date.UTC(2100, 11, 31) / 86_400_000
    let mismatches = 0
    for (let day = first; day <= last; day++) {
      const iso = new Date(day * 86_400_000).toISOString().slice(0, 10)
      if (parseIsoDate(iso) !== day || formatIsoDate(day) !== iso) mismatches++
    }
    expect(last - first).toBe(73_413)
    expect(mismatches).toBe(0)
  })

  test.each([
    { label: 'February 30th', value: '2023-02-30' },
    { label: 'February 29th in a common year', value: '2023-02-29' },
    { label: 'February 29th in 1900 (not a leap year)', value: '1900-02-29' },
    { label: 'April 31st', value: '2026-04-31' },
    { label: 'month 13', value: '2026-13-01' },
    { label: 'month 00', value: '2026-00-10' },
    { label: 'day 00', value: '2026-01-00' },
    { label: 'day-month-year order', value: '07-09-2026' },
    { label: 'no zero padding', value: '2026-9-7' },
    { label: 'a timestamp', value: '2026-09-07T00:00:00Z' },
    { label: 'slashes', value: '2026/09/07' },
    { label: 'letters in the year', value: '20x6-09-07' },
    { label: 'a sign in the day', value: '2026-09-+7' },
    { label: 'a year before 1900', value: '1899-12-31' },
    { label: 'a year after 2999', value: '3000-01-01' },
    { label: 'an empty string', value: '' },
    { label: 'a number', value: 20260907 },
    { label: 'null', value: null },
  ])('rejects $label', ({ value }) => {
    expect(parseIsoDate(value)).toBeNull()
  })

  test.each([
    { label: 'leap day 2024', on: '2024-02-28', days: 1, expected: '2024-02-29' },
    { label: 'leap day 2000', on: '2000-02-28', days: 1, expected: '2000-02-29' },
    { label: 'over a year end', on: '2025-12-31', days: 1, expected: '2026-01-01' },
    { label: 'the 180-day window start', on: '2026-09-07', days: -179, expected: '2026-03-12' },
    { label: 'around the 2024-03-01 time zone change (no 24-hour arithmetic)', on: '2024-02-29', days: 2, expected: '2024-03-02' },
  ])('adds days: $label', ({ on, days, expected }) => {
    expect(addDays(on, days)).toBe(expected)
  })

  test('addDays refuses a malformed date', () => {
    expect(() => addDays('2023-02-30', 1)).toThrow(RangeError)
  })
})
