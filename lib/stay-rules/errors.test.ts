import { describe, expect, test } from 'vitest'
import { assessStay } from './assess-stay'
import { checkRun } from './check-run'
import { StayInputError, type StayInputErrorCode, type StayInputField } from './errors'
import { naiveAssessStay } from './naive-reference'
import type { AssessStayInput } from './types'

type ErrorCase = {
  label: string
  input: AssessStayInput
  code: StayInputErrorCode
  recordIndex: number | null
  field: StayInputField
  /** Fragments the message must contain (the record and its dates). */
  message: string[]
}

const valid = { citizenship: 'RU', on: '2026-05-01' }

const errorCases: ErrorCase[] = [
  {
    label: 'an impossible entry date (2023-02-30)',
    input: { ...valid, stays: [{ entryOn: '2023-01-01', exitOn: '2023-01-10' }, { entryOn: '2023-02-30', exitOn: '2023-03-05' }] },
    code: 'MALFORMED_DATE',
    recordIndex: 1,
    field: 'stays',
    message: ['stays[1]', '2023-02-30', 'entryOn'],
  },
  {
    label: 'a malformed exit date',
    input: { ...valid, stays: [{ entryOn: '2026-01-01', exitOn: '01.02.2026' }] },
    code: 'MALFORMED_DATE',
    recordIndex: 0,
    field: 'stays',
    message: ['stays[0]', '01.02.2026', 'exitOn'],
  },
  {
    label: 'a missing exit (undefined is not null)',
    input: { ...valid, stays: [{ entryOn: '2026-01-01' } as never] },
    code: 'MALFORMED_DATE',
    recordIndex: 0,
    field: 'stays',
    message: ['stays[0]', '2026-01-01'],
  },
  {
    label: 'exit before entry',
    input: { ...valid, stays: [{ entryOn: '2026-03-10', exitOn: '2026-03-01' }] },
    code: 'EXIT_BEFORE_ENTRY',
    recordIndex: 0,
    field: 'stays',
    message: ['stays[0]', '2026-03-10', '2026-03-01'],
  },
  {
    label: 'exit before entry in a stay after `on` (still a bad record)',
    input: { ...valid, stays: [{ entryOn: '2027-03-10', exitOn: '2027-03-01' }] },
    code: 'EXIT_BEFORE_ENTRY',
    recordIndex: 0,
    field: 'stays',
    message: ['stays[0]', '2027-03-10'],
  },
  {
    label: 'two open stays',
    input: { ...valid, stays: [{ entryOn: '2026-01-01', exitOn: null }, { entryOn: '2026-02-01', exitOn: '2026-02-05' }, { entryOn: '2026-03-01', exitOn: null }] },
    code: 'MULTIPLE_OPEN_STAYS',
    recordIndex: 2,
    field: 'stays',
    message: ['stays[2]', '2026-03-01', 'stays[0]'],
  },
  {
    label: 'an open stay starting after `on`',
    input: { ...valid, stays: [{ entryOn: '2026-06-01', exitOn: null }] },
    code: 'OPEN_STAY_AFTER_ON',
    recordIndex: 0,
    field: 'stays',
    message: ['stays[0]', '2026-06-01', 'open'],
  },
  {
    label: 'a malformed `on`',
    input: { ...valid, on: '2026-5-1', stays: [] },
    code: 'MALFORMED_DATE',
    recordIndex: null,
    field: 'on',
    message: ['on', '2026-5-1'],
  },
  {
    label: 'a document that ends before it starts',
    input: { ...valid, stays: [], documents: [{ kind: 'visa', validFrom: '2026-04-01', validTo: '2026-03-01' }] },
    code: 'DOCUMENT_ENDS_BEFORE_START',
    recordIndex: 0,
    field: 'documents',
    message: ['documents[0]', '2026-04-01', '2026-03-01'],
  },
  {
    label: 'a document of an unknown kind',
    input: { ...valid, stays: [], documents: [{ kind: 'work_permit' as never, validFrom: '2026-01-01', validTo: null }] },
    code: 'UNKNOWN_DOCUMENT_KIND',
    recordIndex: 0,
    field: 'documents',
    message: ['documents[0]', 'work_permit'],
  },
  {
    label: 'a three-letter citizenship code',
    input: { ...valid, citizenship: 'RUS', stays: [] },
    code: 'MALFORMED_CITIZENSHIP',
    recordIndex: null,
    field: 'citizenship',
    message: ['RUS'],
  },
  {
    label: 'a rule whose limit is not below its window',
    input: { ...valid, stays: [], rule: { windowDays: 30, maxDaysInWindow: 30, maxDaysPerEntry: null } },
    code: 'INVALID_RULE',
    recordIndex: null,
    field: 'rule',
    message: ['"windowDays":30'],
  },
  {
    label: 'a null rule (from JSON)',
    input: { ...valid, stays: [], rule: null as never },
    code: 'INVALID_RULE',
    recordIndex: null,
    field: 'rule',
    message: ['rule null'],
  },
  {
    label: 'a rule with a fractional per-entry limit',
    input: { ...valid, stays: [], rule: { windowDays: 180, maxDaysInWindow: 90, maxDaysPerEntry: 2.5 } },
    code: 'INVALID_RULE',
    recordIndex: null,
    field: 'rule',
    message: ['2.5'],
  },
]

describe.each([
  { engine: 'assessStay', assess: assessStay },
  { engine: 'naiveAssessStay', assess: naiveAssessStay },
])('$engine rejects bad input', ({ assess }) => {
  test.each(errorCases)('$label', ({ input, code, recordIndex, field, message }) => {
    let caught: unknown
    try {
      assess(input)
    } catch (error) {
      caught = error
    }
    expect(caught).toBeInstanceOf(StayInputError)
    const error = caught as StayInputError
    expect({ code: error.code, recordIndex: error.recordIndex, field: error.field }).toEqual({ code, recordIndex, field })
    for (const fragment of message) expect(error.message).toContain(fragment)
  })
})

describe('checkRun rejects bad input', () => {
  test('a return before the exit', () => {
    expect(() => checkRun({ citizenship: 'RU', stays: [], exitOn: '2026-05-10', returnOn: '2026-05-09' })).toThrow(
      expect.objectContaining({ code: 'RETURN_BEFORE_EXIT', field: 'returnOn', message: expect.stringContaining('2026-05-09') }),
    )
  })

  test('a malformed exit day', () => {
    expect(() => checkRun({ citizenship: 'RU', stays: [], exitOn: '2026-02-30', returnOn: null })).toThrow(
      expect.objectContaining({ code: 'MALFORMED_DATE', field: 'exitOn' }),
    )
  })

  test('an open stay that starts after the exit day', () => {
    expect(() => checkRun({ citizenship: 'RU', stays: [{ entryOn: '2026-05-11', exitOn: null }], exitOn: '2026-05-10', returnOn: null })).toThrow(
      expect.objectContaining({ code: 'OPEN_STAY_AFTER_ON', recordIndex: 0, message: expect.stringContaining('exitOn') }),
    )
  })
})
