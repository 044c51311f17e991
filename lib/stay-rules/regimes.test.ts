import { describe, expect, test } from 'vitest'
import { parseIsoDate } from './calendar'
import { EAEU_RULE, GUIDE_RULE, NATIONALITY_TABLE, RULE_VERSION, VISA_FREE_30_RULE, regimeFor } from './regimes'

describe('regimeFor', () => {
  test.each([
    { label: 'Russia is EAEU', citizenship: 'RU', on: '2026-05-01', regime: 'eaeu', rule: EAEU_RULE },
    { label: 'Belarus is EAEU', citizenship: 'BY', on: '2026-05-01', regime: 'eaeu', rule: EAEU_RULE },
    { label: 'Armenia is EAEU', citizenship: 'AM', on: '2026-05-01', regime: 'eaeu', rule: EAEU_RULE },
    { label: 'Kyrgyzstan is EAEU', citizenship: 'KG', on: '2026-05-01', regime: 'eaeu', rule: EAEU_RULE },
    { label: 'the USA is 30-day visa-free', citizenship: 'US', on: '2026-05-01', regime: 'visa_free_30', rule: VISA_FREE_30_RULE },
    { label: 'Germany is 30-day visa-free', citizenship: 'DE', on: '2026-05-01', regime: 'visa_free_30', rule: VISA_FREE_30_RULE },
    { label: 'lower case and spaces are accepted', citizenship: ' gb ', on: '2026-05-01', regime: 'visa_free_30', rule: VISA_FREE_30_RULE },
    { label: 'China from 2023-11-10', citizenship: 'CN', on: '2023-11-10', regime: 'visa_free_30', rule: VISA_FREE_30_RULE },
    { label: 'China before 2023-11-10 is unknown', citizenship: 'CN', on: '2023-11-09', regime: 'unknown', rule: GUIDE_RULE },
    { label: 'a nationality missing from the table is unknown', citizenship: 'AF', on: '2026-05-01', regime: 'unknown', rule: GUIDE_RULE },
    { label: 'a bilateral 90-day nationality (no regime yet) is unknown', citizenship: 'AZ', on: '2026-05-01', regime: 'unknown', rule: GUIDE_RULE },
    { label: 'a Kazakh citizen is exempt', citizenship: 'KZ', on: '2026-05-01', regime: 'exempt', rule: GUIDE_RULE },
  ])('$label', ({ citizenship, on, regime, rule }) => {
    const selection = regimeFor(citizenship, on)
    expect(selection).toMatchObject({ regime, rule, ruleVersion: RULE_VERSION, countsFrom: '2023-01-27' })
    expect(selection.source.length).toBeGreaterThan(0)
  })

  test('refuses a malformed date', () => {
    expect(() => regimeFor('RU', '2026-02-30')).toThrow(RangeError)
  })
})

describe('the nationality table', () => {
  const codes = NATIONALITY_TABLE.map((entry) => entry.citizenship)

  test('lists each nationality once, as ISO alpha-2, with a source', () => {
    expect(new Set(codes).size).toBe(codes.length)
    for (const entry of NATIONALITY_TABLE) {
      expect(entry.citizenship).toMatch(/^[A-Z]{2}$/)
      expect(entry.source.length).toBeGreaterThan(10)
      if (entry.since !== null) expect(parseIsoDate(entry.since)).not.toBeNull()
    }
  })

  test('has exactly the four EAEU members besides Kazakhstan', () => {
    expect(NATIONALITY_TABLE.filter((e) => e.regime === 'eaeu').map((e) => e.citizenship).sort()).toEqual(['AM', 'BY', 'KG', 'RU'])
  })

  test('covers all 27 EU member states and the nationalities the sources name', () => {
    const eu = 'AT BE BG HR CY CZ DK EE FI FR DE GR HU IE IT LV LT LU MT NL PL PT RO SK SI ES SE'.split(' ')
    expect(eu).toHaveLength(27)
    for (const code of [...eu, 'US', 'GB', 'CN', 'AE', 'JP', 'KR', 'CA', 'AU', 'CH', 'NO', 'TR']) {
      expect(NATIONALITY_TABLE.find((e) => e.citizenship === code)?.regime, code).toBe('visa_free_30')
    }
  })

  test('does not list Kazakhstan (citizens are exempt, not visa-free)', () => {
    expect(codes).not.toContain('KZ')
  })

  test('rule data is frozen so no caller can change the law for everyone', () => {
    expect(Object.isFrozen(EAEU_RULE) && Object.isFrozen(VISA_FREE_30_RULE) && Object.isFrozen(GUIDE_RULE)).toBe(true)
  })
})
