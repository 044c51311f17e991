// Kazakh dates read the same from Intl (full ICU, as on the server) and from the written-out CLDR
// patterns (browsers with a reduced ICU): the fallback is checked against Node's Intl here.
import { describe, expect, test, vi } from 'vitest'

describe('Kazakh dates without Intl month names', () => {
  test.each([
    { label: 'a day with weekday', call: (f: typeof import('./format')) => f.formatDay('kk', '2026-12-17') },
    { label: 'a day without weekday', call: (f: typeof import('./format')) => f.formatDay('kk', '2026-05-03', false) },
    { label: 'a date and time (Kazakhstan time)', call: (f: typeof import('./format')) => f.formatDateTime('kk', '2026-05-03T04:05:00Z') },
    { label: 'a date and time across midnight UTC', call: (f: typeof import('./format')) => f.formatDateTime('kk', '2026-01-31T21:30:00Z') },
    { label: 'a month', call: (f: typeof import('./format')) => f.formatMonth('kk', '2026-09') },
  ])('$label: the fallback matches Intl', async ({ call }) => {
    const full = await import('./format')
    expect(full.kkIntlComplete).toBe(true)
    const expected = call(full)
    vi.resetModules()
    // A reduced ICU: Kazakh formats fall back to root patterns ("M12").
    const Real = Intl.DateTimeFormat
    const Reduced = function (locale?: string | string[], options?: Intl.DateTimeFormatOptions) {
      const real = new Real(locale, options)
      return String(locale).startsWith('kk') ? { format: () => 'M12', resolvedOptions: () => real.resolvedOptions() } : real
    } as unknown as typeof Intl.DateTimeFormat
    Object.defineProperty(Intl, 'DateTimeFormat', { value: Reduced, configurable: true, writable: true })
    try {
      const reduced = await import('./format')
      expect(reduced.kkIntlComplete).toBe(false)
      expect(call(reduced)).toBe(expected)
    } finally {
      Object.defineProperty(Intl, 'DateTimeFormat', { value: Real, configurable: true, writable: true })
      vi.resetModules()
    }
  })
})
