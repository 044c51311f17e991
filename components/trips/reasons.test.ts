import { describe, expect, test } from 'vitest'
import { readReasons, readTravellerVerdicts } from './reasons'

describe('readReasons', () => {
  test.each([
    { label: 'not a list reads as none', value: null, expected: [] },
    {
      label: 'most serious first; params keep only strings and numbers',
      value: [
        { code: 'NO_RESET', severity: 'info', params: { windowDays: 180, nested: { x: 1 } } },
        { code: 'OVERSTAY_ON_EXIT', severity: 'block', params: { exitOn: '2026-12-01' } },
        { code: 'RETURN_SHORT_STAY', severity: 'warn', params: {} },
      ],
      expected: [
        { code: 'OVERSTAY_ON_EXIT', severity: 'block', params: { exitOn: '2026-12-01' } },
        { code: 'RETURN_SHORT_STAY', severity: 'warn', params: {} },
        { code: 'NO_RESET', severity: 'info', params: { windowDays: 180 } },
      ],
    },
    { label: 'an item without a code is skipped; an unknown severity is info', value: [{ severity: 'block' }, { code: 'X', severity: 'panic' }], expected: [{ code: 'X', severity: 'info', params: {} }] },
  ])('$label', ({ value, expected }) => {
    expect(readReasons(value)).toEqual(expected)
  })
})

describe('readTravellerVerdicts', () => {
  test.each([
    { label: 'no details', details: undefined, expected: [] },
    { label: 'details without travellers', details: { seatsLeft: 0 }, expected: [] },
    {
      label: 'each traveller with their verdict and reasons',
      details: { travellers: [{ travellerId: 'a', name: 'Анна', verdict: 'BLOCKED', reasons: [{ code: 'OVERSTAY_ON_EXIT', severity: 'block', params: { daysUsed: 91 } }] }, { name: 'Иван', verdict: 'OK', reasons: [] }, { verdict: 'OK' }] },
      expected: [
        { name: 'Анна', verdict: 'BLOCKED', reasons: [{ code: 'OVERSTAY_ON_EXIT', severity: 'block', params: { daysUsed: 91 } }] },
        { name: 'Иван', verdict: 'OK', reasons: [] },
      ],
    },
  ])('$label', ({ details, expected }) => {
    expect(readTravellerVerdicts(details)).toEqual(expected)
  })
})
