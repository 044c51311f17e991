// Every reason the stay engine can emit has plain words in both languages (stayReasons.<CODE>),
// and reasonText formats it completely: no fallback, no raw ISO date, no 'none' placeholder.
import { readFileSync, readdirSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, test } from 'vitest'
import { reasonText, reasonValues, STAY_REASON_CODES } from '@/components/stay/reason-text'
import { translatorFor } from '@/lib/i18n/messages'
import type { Locale } from '@/lib/i18n/routing'
import { assessStay, checkRun, type AssessStayInput, type CheckRunInput } from '@/lib/stay-rules'
import en from '@/messages/en.json'
import ru from '@/messages/ru.json'

/**
 * The reason codes the engine's source can emit: upper-case literals on the lines that build a
 * reason (`code: 'X'`, or `const code = cond ? 'X' : 'Y'`), less the input-error codes of
 * errors.ts. A scan, so that a code added to the engine fails this test until it has words.
 */
function engineCodes(): string[] {
  const dir = path.join(process.cwd(), 'lib', 'stay-rules')
  const inputErrors = new Set([...readFileSync(path.join(dir, 'errors.ts'), 'utf8').matchAll(/'([A-Z][A-Z0-9_]+)'/g)].map((m) => m[1]!))
  const codes = new Set<string>()
  for (const file of readdirSync(dir)) {
    if (!file.endsWith('.ts') || file.endsWith('.test.ts') || file === 'errors.ts') continue
    for (const line of readFileSync(path.join(dir, file), 'utf8').split('\n')) {
      if (!/\bcode\b/.test(line)) continue
      for (const match of line.matchAll(/'([A-Z][A-Z0-9_]{2,})'/g)) if (!inputErrors.has(match[1]!)) codes.add(match[1]!)
    }
  }
  return [...codes].sort()
}

test('the reason codes reasonText knows are the ones the engine emits', () => {
  expect([...STAY_REASON_CODES].sort()).toEqual(engineCodes())
})

test.each(STAY_REASON_CODES.map((code) => ({ code })))('stayReasons.$code exists in ru and en', ({ code }) => {
  expect((ru as { stayReasons: Record<string, unknown> }).stayReasons[code]).toEqual(expect.any(String))
  expect((en as { stayReasons: Record<string, unknown> }).stayReasons[code]).toEqual(expect.any(String))
})

// Scenarios that make the engine emit every code, with the params it really sends.
const T = '2026-11-25'
const assessments: { label: string; input: AssessStayInput }[] = [
  { label: 'Russian, 85 days used', input: { citizenship: 'RU', on: T, stays: [{ entryOn: '2026-06-28', exitOn: '2026-08-16' }, { entryOn: '2026-10-22', exitOn: null }] } },
  { label: 'German on day 40 of one entry', input: { citizenship: 'DE', on: T, stays: [{ entryOn: '2026-10-17', exitOn: null }] } },
  { label: 'Russian overstaying', input: { citizenship: 'RU', on: T, stays: [{ entryOn: '2026-08-01', exitOn: null }] } },
  { label: 'a code that is no state', input: { citizenship: 'ZZ', on: T, stays: [] } },
  { label: 'visa required, no visa', input: { citizenship: 'AF', on: T, stays: [{ entryOn: '2026-11-20', exitOn: null }] } },
  { label: 'visa required, on a visa', input: { citizenship: 'AF', on: T, stays: [{ entryOn: '2026-11-20', exitOn: null }], documents: [{ kind: 'visa', validFrom: '2026-11-01', validTo: '2026-12-20' }] } },
  { label: 'an unverified regime', input: { citizenship: 'AZ', on: T, stays: [{ entryOn: '2026-11-20', exitOn: null }] } },
  { label: 'visa ending soon', input: { citizenship: 'US', on: T, stays: [{ entryOn: '2026-11-01', exitOn: null }], documents: [{ kind: 'visa', validFrom: '2026-10-01', validTo: '2026-12-10' }] } },
  { label: 'permanent residence, no end', input: { citizenship: 'RU', on: T, stays: [], documents: [{ kind: 'permanent_residence', validFrom: '2026-01-01', validTo: null }] } },
  { label: 'Kazakh citizen', input: { citizenship: 'KZ', on: T, stays: [] } },
  { label: 'the 2023 transition', input: { citizenship: 'RU', on: '2023-03-01', stays: [{ entryOn: '2022-12-01', exitOn: null }] } },
]
const runs: { label: string; input: CheckRunInput }[] = [
  { label: 'refused return', input: { citizenship: 'RU', stays: assessments[0]!.input.stays, exitOn: '2026-11-30', returnOn: '2026-12-01' } },
  { label: 'overstay on exit', input: { citizenship: 'RU', stays: assessments[0]!.input.stays, exitOn: '2026-12-02', returnOn: null } },
  { label: 'short stay after return', input: { citizenship: 'RU', stays: assessments[0]!.input.stays, exitOn: '2026-11-27', returnOn: '2026-11-27' } },
  { label: 'German border run', input: { citizenship: 'DE', stays: [{ entryOn: '2026-11-01', exitOn: null }], exitOn: '2026-11-28', returnOn: '2026-11-28' } },
  { label: 'exempt throughout', input: { citizenship: 'KZ', stays: [], exitOn: T, returnOn: '2026-11-26' } },
  { label: 'a code that is no state', input: { citizenship: 'ZZ', stays: [{ entryOn: '2026-11-20', exitOn: null }], exitOn: T, returnOn: '2026-11-26' } },
  { label: 'empty log', input: { citizenship: 'RU', stays: [], exitOn: T, returnOn: T } },
  { label: 'round trip over the limit', input: { citizenship: 'RU', stays: assessments[0]!.input.stays, exitOn: '2026-12-02', returnOn: '2026-12-02' } },
  { label: 'booked trips', input: { citizenship: 'RU', stays: [{ entryOn: '2026-11-01', exitOn: null }], plannedTrips: [{ exitOn: '2026-11-27', returnOn: '2026-11-28' }, { exitOn: '2026-12-01', returnOn: '2026-12-08' }], exitOn: '2026-12-04', returnOn: '2026-12-04' } },
  { label: 'KG in 2024, entry refusal suspended', input: { citizenship: 'KG', stays: [{ entryOn: '2024-01-01', exitOn: null }], exitOn: '2024-03-30', returnOn: '2024-03-31' } },
  { label: 'visa required, return on a visa', input: { citizenship: 'AF', stays: [{ entryOn: '2026-11-20', exitOn: null }], documents: [{ kind: 'visa', validFrom: '2026-11-01', validTo: '2026-12-20' }], exitOn: T, returnOn: '2026-11-26' } },
  { label: 'visa required, visa ends before the return', input: { citizenship: 'AF', stays: [{ entryOn: '2026-11-20', exitOn: null }], documents: [{ kind: 'visa', validFrom: '2026-11-01', validTo: T }], exitOn: T, returnOn: '2026-11-26' } },
]
const reasons = [
  ...assessments.flatMap(({ label, input }) => assessStay(input).reasons.map((reason) => ({ label, reason }))),
  ...runs.flatMap(({ label, input }) => checkRun(input).reasons.map((reason) => ({ label, reason }))),
]

test('the scenarios cover every code the engine emits', () => {
  expect([...new Set(reasons.map((r) => r.reason.code))].sort()).toEqual([...STAY_REASON_CODES].sort())
})

describe.each<{ locale: Locale }>([{ locale: 'ru' }, { locale: 'en' }])('reasonText in $locale', ({ locale }) => {
  const t = translatorFor(locale, 'stayReasons')
  test.each(reasons.map(({ label, reason }) => ({ key: `${reason.code} (${label})`, reason })))('$key', ({ reason }) => {
    const text = reasonText(t, locale, reason)
    expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}/)
    expect(text).not.toMatch(/\bnone\b|\{|\}|stayReasons\.|undefined|NaN/)
    expect(text).not.toBe(reasonText(t, locale, { code: 'NO_SUCH_CODE', params: {} }).replace('NO_SUCH_CODE', reason.code))
    expect(text.length).toBeGreaterThan(20)
  })
})

test.each([
  {
    locale: 'ru' as const,
    expected: 'Ваш счёт дней позволяет въезд 1 декабря 2026 г.; после него можно пробыть 5 дней — до 5 декабря 2026 г. (Счёт дней — лишь одно из оснований: решение на границе принимает пограничная служба.)',
  },
  {
    locale: 'en' as const,
    expected: 'Your day count allows entry on 1 December 2026; you may then stay 5 days, until 5 December 2026. (The count is one ground among several: the border service decides.)',
  },
])('formats dates long and numbers with plurals ($locale)', ({ locale, expected }) => {
  const reason = { code: 'RETURN_OK', params: { returnOn: '2026-12-01', maxStayDays: 5, latestLegalExit: '2026-12-05' } }
  expect(reasonText(translatorFor(locale, 'stayReasons'), locale, reason)).toBe(expected)
})

test('names the country and the document, and falls back for a code it does not know', () => {
  const t = translatorFor('ru', 'stayReasons')
  expect(reasonValues(t, 'ru', { citizenship: 'KG', document: 'visa' })).toMatchObject({ citizenship: 'Кыргызстан', document: 'Виза' })
  expect(reasonText(t, 'ru', { code: 'SOMETHING_NEW', params: {} })).toBe('Дополнительное условие (SOMETHING_NEW).')
})
