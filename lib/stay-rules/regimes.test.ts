// Table tests per passport, each citing the instrument it checks (docs/decisions/002).
import { describe, expect, test } from 'vitest'
import { parseIsoDate } from './calendar'
import { EAEU_RULE, GUIDE_RULE, KG_ENTRY_REFUSAL_SUSPENDED, REGIME_TABLE, RULE_VERSION, VISA_REQUIRED_RULE, isEntryRefusalSuspended, regimeFor } from './regimes'
import { STATE_CODES } from './states'
import { COUNTRIES } from '../travellers/countries'

type Case = {
  label: string
  citizenship: string
  /** The entry day the regime is chosen by. */
  on: string
  regime: string
  limits: { perEntryDays: number | null; windowDays: number; maxDaysInWindow: number | null } | null
  /** The regime entry id and whether it is verified against its instrument. */
  id?: string
  verified?: boolean
}

const cases: Case[] = [
  // Treaty on the EAEU Art. 97 + Gov. Res. No. 1146 of 2022-12-31 (Rules para. 6): 90 per entry, 90 in 180.
  { label: 'RU — EAEU, Res. No. 1146', citizenship: 'RU', on: '2026-05-01', regime: 'eaeu', limits: { perEntryDays: 90, windowDays: 180, maxDaysInWindow: 90 }, id: 'eaeu', verified: true },
  { label: 'BY — EAEU, Res. No. 1146', citizenship: 'BY', on: '2026-05-01', regime: 'eaeu', limits: { perEntryDays: 90, windowDays: 180, maxDaysInWindow: 90 }, id: 'eaeu' },
  { label: 'AM — EAEU, Res. No. 1146', citizenship: 'AM', on: '2026-05-01', regime: 'eaeu', limits: { perEntryDays: 90, windowDays: 180, maxDaysInWindow: 90 }, id: 'eaeu' },
  { label: 'KG — EAEU, Res. No. 1146', citizenship: 'KG', on: '2026-05-01', regime: 'eaeu', limits: { perEntryDays: 90, windowDays: 180, maxDaysInWindow: 90 }, id: 'eaeu' },
  // KZ–UZ Protocol of 2022-12-22 (ratified by KZ Law No. 70-VIII of 2024-04-06): 30 per entry, 90 in 180.
  { label: 'UZ — 30 per entry, 90 in 180 (KZ–UZ protocol 2022-12-22)', citizenship: 'UZ', on: '2026-05-01', regime: 'visa_free', limits: { perEntryDays: 30, windowDays: 180, maxDaysInWindow: 90 }, id: 'kz-uz-protocol-2022', verified: true },
  { label: 'UZ — from entries on 2023-01-27', citizenship: 'UZ', on: '2023-01-27', regime: 'visa_free', limits: { perEntryDays: 30, windowDays: 180, maxDaysInWindow: 90 }, id: 'kz-uz-protocol-2022' },
  // Gov. Res. No. 464 of 2022-07-07, from 2022-07-08: 14 per entry, 42 in 180.
  { label: 'IN — 14/42 (Res. No. 464)', citizenship: 'IN', on: '2026-05-01', regime: 'visa_free', limits: { perEntryDays: 14, windowDays: 180, maxDaysInWindow: 42 }, id: 'gov-res-464-in-ir', verified: true },
  { label: 'IR — 14/42 (Res. No. 464)', citizenship: 'IR', on: '2022-07-08', regime: 'visa_free', limits: { perEntryDays: 14, windowDays: 180, maxDaysInWindow: 42 }, id: 'gov-res-464-in-ir' },
  { label: 'IN — before 2022-07-08 a visa was required', citizenship: 'IN', on: '2022-07-07', regime: 'visa_required', limits: null },
  { label: 'CN — 14/42 (Res. No. 464) for entries to 2023-11-09', citizenship: 'CN', on: '2023-11-09', regime: 'visa_free', limits: { perEntryDays: 14, windowDays: 180, maxDaysInWindow: 42 }, id: 'gov-res-464-cn', verified: true },
  { label: 'CN — 30/90 from 2023-11-10 (KZ–CN agreement of 2023-05-17)', citizenship: 'CN', on: '2023-11-10', regime: 'visa_free', limits: { perEntryDays: 30, windowDays: 180, maxDaysInWindow: 90 }, id: 'kz-cn-agreement-2023', verified: true },
  // KZ–TR agreement of 1992-03-02: "up to one month"; Gov. resolution of 2025-08-25: 90 days.
  { label: 'TR — 30 days (1992 agreement) before the 2025 change', citizenship: 'TR', on: '2025-09-06', regime: 'visa_free', limits: { perEntryDays: 30, windowDays: 180, maxDaysInWindow: null }, id: 'kz-tr-agreement-1992', verified: true },
  { label: 'TR — 90 days from 2025-09-07 (resolution of 2025-08-25; date unverified)', citizenship: 'TR', on: '2025-09-07', regime: 'visa_free', limits: { perEntryDays: 90, windowDays: 180, maxDaysInWindow: 90 }, id: 'gov-res-2025-08-25-tr', verified: false },
  // KZ–UA protocol of 2010-04-07 (Law No. 77-V, in force 2013-04-04): 90 within 180 from the first crossing.
  { label: 'UA — 90 in 180 (protocol 2010-04-07)', citizenship: 'UA', on: '2026-05-01', regime: 'visa_free', limits: { perEntryDays: null, windowDays: 180, maxDaysInWindow: 90 }, id: 'kz-ua-protocol-2010', verified: true },
  { label: 'AZ — 90 days (protocol 2019-10-14; unverified)', citizenship: 'AZ', on: '2026-05-01', regime: 'visa_free', limits: { perEntryDays: 90, windowDays: 180, maxDaysInWindow: null }, verified: false },
  { label: 'GE — 90 days (agreement 2005-10-03; unverified)', citizenship: 'GE', on: '2026-05-01', regime: 'visa_free', limits: { perEntryDays: 90, windowDays: 180, maxDaysInWindow: null }, verified: false },
  { label: 'MD — 90 days (unverified)', citizenship: 'MD', on: '2026-05-01', regime: 'visa_free', limits: { perEntryDays: 90, windowDays: 180, maxDaysInWindow: null }, verified: false },
  { label: 'MN — 90 days (agreement 1994-12-02; unverified)', citizenship: 'MN', on: '2026-05-01', regime: 'visa_free', limits: { perEntryDays: 90, windowDays: 180, maxDaysInWindow: null }, verified: false },
  { label: 'TJ — 30 days (unverified)', citizenship: 'TJ', on: '2026-05-01', regime: 'visa_free', limits: { perEntryDays: 30, windowDays: 180, maxDaysInWindow: null }, verified: false },
  { label: 'CU — 30 days (unverified)', citizenship: 'CU', on: '2026-05-01', regime: 'visa_free', limits: { perEntryDays: 30, windowDays: 180, maxDaysInWindow: null }, verified: false },
  { label: 'HK — 14 days (unverified)', citizenship: 'HK', on: '2026-05-01', regime: 'visa_free', limits: { perEntryDays: 14, windowDays: 180, maxDaysInWindow: null }, verified: false },
  // KZ–SM agreement approved by Res. No. 955 of 2024-11-12, in force 2025-01-05.
  { label: 'SM — 90 in 180 from 2025-01-05 (Res. No. 955)', citizenship: 'SM', on: '2025-01-05', regime: 'visa_free', limits: { perEntryDays: null, windowDays: 180, maxDaysInWindow: 90 }, id: 'kz-sm-agreement-2024', verified: true },
  { label: 'SM — before the agreement was in force a visa was required', citizenship: 'SM', on: '2025-01-04', regime: 'visa_required', limits: null },
  // The Government's 30-day list as amended on 2025-08-25.
  { label: 'US — 30-day list (verified in the 2025-08-25 text)', citizenship: 'US', on: '2026-05-01', regime: 'visa_free', limits: { perEntryDays: 30, windowDays: 180, maxDaysInWindow: 90 }, id: 'gov-list-30', verified: true },
  { label: 'DE — 30-day list (verified)', citizenship: 'DE', on: '2026-05-01', regime: 'visa_free', limits: { perEntryDays: 30, windowDays: 180, maxDaysInWindow: 90 }, id: 'gov-list-30', verified: true },
  { label: 'GB — 30-day list (not in the part of the text our sources quote)', citizenship: 'GB', on: '2026-05-01', regime: 'visa_free', limits: { perEntryDays: 30, windowDays: 180, maxDaysInWindow: 90 }, id: 'gov-list-30-unverified', verified: false },
  { label: 'lower case and spaces are accepted', citizenship: ' de ', on: '2026-05-01', regime: 'visa_free', limits: { perEntryDays: 30, windowDays: 180, maxDaysInWindow: 90 } },
  // Everyone else needs a visa (Law No. 477-IV); only codes that are not states are unknown.
  { label: 'AF — visa required', citizenship: 'AF', on: '2026-05-01', regime: 'visa_required', limits: null },
  { label: 'TM — visa required', citizenship: 'TM', on: '2026-05-01', regime: 'visa_required', limits: null },
  { label: 'ZZ is no state: unknown', citizenship: 'ZZ', on: '2026-05-01', regime: 'unknown', limits: null },
  { label: 'a Kazakh citizen is exempt', citizenship: 'KZ', on: '2026-05-01', regime: 'exempt', limits: null },
]

describe('regimeFor — per passport, by the date of the entry', () => {
  test.each(cases)('$label', ({ citizenship, on, regime, limits, id, verified }) => {
    const selection = regimeFor(citizenship, on)
    expect(selection.regime).toBe(regime)
    expect(selection.limits).toEqual(limits)
    expect(selection).toMatchObject({ ruleVersion: RULE_VERSION, countsFrom: '2023-01-27' })
    if (id !== undefined) expect(selection.regimeSource?.id).toBe(id)
    if (verified !== undefined) expect(selection.regimeSource?.verified).toBe(verified)
  })

  test('the rules the engine counts with', () => {
    expect(regimeFor('RU', '2026-05-01').rule).toEqual(EAEU_RULE)
    expect(regimeFor('AF', '2026-05-01').rule).toEqual(VISA_REQUIRED_RULE)
    expect(regimeFor('ZZ', '2026-05-01').rule).toEqual(GUIDE_RULE)
    // An instrument with only a per-entry limit gets Law No. 477-IV Art. 6's 90 in 180.
    expect(regimeFor('TJ', '2026-05-01').rule).toEqual({ windowDays: 180, maxDaysInWindow: 90, maxDaysPerEntry: 30 })
    expect(regimeFor('UA', '2026-05-01').rule).toEqual({ windowDays: 180, maxDaysInWindow: 90, maxDaysPerEntry: null })
  })

  test('refuses a malformed date', () => {
    expect(() => regimeFor('RU', '2026-02-30')).toThrow(RangeError)
  })

  test('KG: entry over the limit was not refused from 2023-10-09 to 2025-08-31 (24.kg, KG MFA)', () => {
    expect(KG_ENTRY_REFUSAL_SUSPENDED).toMatchObject({ from: '2023-10-09', to: '2025-08-31', verified: false })
    expect(isEntryRefusalSuspended('KG', '2023-10-08')).toBe(false)
    expect(isEntryRefusalSuspended('KG', '2023-10-09')).toBe(true)
    expect(isEntryRefusalSuspended('KG', '2025-08-31')).toBe(true)
    expect(isEntryRefusalSuspended('KG', '2025-09-01')).toBe(false)
    expect(isEntryRefusalSuspended('RU', '2024-01-01')).toBe(false)
  })
})

describe('the regime table', () => {
  test('every entry is dated, sourced and well formed', () => {
    const ids = REGIME_TABLE.map((entry) => entry.id)
    expect(new Set(ids).size).toBe(ids.length)
    for (const entry of REGIME_TABLE) {
      expect(entry.states.length, entry.id).toBeGreaterThan(0)
      for (const code of entry.states) expect(STATE_CODES.has(code), `${entry.id}: ${code}`).toBe(true)
      expect(entry.url, entry.id).toMatch(/^https?:\/\//)
      expect(entry.instrument.title.length, entry.id).toBeGreaterThan(10)
      for (const date of [entry.effectiveFrom, entry.effectiveTo, entry.instrument.date]) if (date !== null) expect(parseIsoDate(date), entry.id).not.toBeNull()
      if (entry.effectiveFrom !== null && entry.effectiveTo !== null) expect(entry.effectiveFrom <= entry.effectiveTo, entry.id).toBe(true)
      const { perEntryDays, windowDays, maxDaysInWindow } = entry.limits
      expect(windowDays).toBe(180)
      if (perEntryDays !== null) expect(perEntryDays).toBeGreaterThan(0)
      if (maxDaysInWindow !== null) expect(maxDaysInWindow).toBeLessThan(windowDays)
    }
  })

  test('no passport is covered by two entries on the same day', () => {
    const byState = new Map<string, { from: string; to: string; id: string }[]>()
    for (const entry of REGIME_TABLE) {
      for (const code of entry.states) {
        const list = byState.get(code) ?? []
        list.push({ from: entry.effectiveFrom ?? '0000-01-01', to: entry.effectiveTo ?? '9999-12-31', id: entry.id })
        byState.set(code, list)
      }
    }
    for (const [code, list] of byState) {
      const sorted = [...list].sort((a, b) => a.from.localeCompare(b.from))
      for (let i = 1; i < sorted.length; i++) expect(sorted[i - 1]!.to < sorted[i]!.from, `${code}: ${sorted[i - 1]!.id} / ${sorted[i]!.id}`).toBe(true)
    }
  })

  test('has exactly the four EAEU members besides Kazakhstan, and never lists Kazakhstan', () => {
    expect(REGIME_TABLE.filter((e) => e.regime === 'eaeu').flatMap((e) => e.states).sort()).toEqual(['AM', 'BY', 'KG', 'RU'])
    expect(REGIME_TABLE.flatMap((e) => e.states)).not.toContain('KZ')
  })

  test('the engine knows the same states a traveller can pick', () => {
    expect([...STATE_CODES].sort()).toEqual(COUNTRIES.map((c) => c.code).sort())
  })

  test('rule data is frozen so no caller can change the law for everyone', () => {
    expect(Object.isFrozen(REGIME_TABLE) && Object.isFrozen(EAEU_RULE) && Object.isFrozen(GUIDE_RULE) && Object.isFrozen(VISA_REQUIRED_RULE)).toBe(true)
  })
})
