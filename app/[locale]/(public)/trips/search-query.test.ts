import { describe, expect, test } from 'vitest'
import { searchQueryFrom, searchQueryString } from './search-query'

describe('searchQueryFrom', () => {
  test.each([
    { label: 'an empty form is an empty search', params: { date: '', from: '', seats: '' }, expected: {} },
    { label: 'known keys are kept, trimmed', params: { from: ' almaty ', seats: '2', sort: 'price' }, expected: { from: 'almaty', seats: '2', sort: 'price' } },
    { label: 'unknown keys are ignored', params: { utm_source: 'tg', from: 'almaty' }, expected: { from: 'almaty' } },
    { label: 'a repeated key keeps its first value', params: { seats: ['3', '5'] }, expected: { seats: '3' } },
    { label: 'undefined values are dropped', params: { to: undefined, includeFull: '1' }, expected: { includeFull: '1' } },
  ])('$label', ({ params, expected }) => {
    expect(searchQueryFrom(params)).toEqual(expected)
  })
})

describe('searchQueryString', () => {
  test.each([
    { label: 'nothing gives an empty string', query: {}, changes: {}, expected: '' },
    { label: 'keys come in a stable order', query: { sort: 'price', from: 'almaty' }, changes: {}, expected: '?from=almaty&sort=price' },
    { label: 'a cursor is added for the next page', query: { from: 'almaty' }, changes: { cursor: 'abc' }, expected: '?from=almaty&cursor=abc' },
    { label: 'undefined removes a key', query: { from: 'almaty', cursor: 'abc' }, changes: { cursor: undefined }, expected: '?from=almaty' },
    { label: 'values are encoded', query: { date: '2026-12-01', cursor: 'a+b/c=' }, changes: {}, expected: '?date=2026-12-01&cursor=a%2Bb%2Fc%3D' },
  ])('$label', ({ query, changes, expected }) => {
    expect(searchQueryString(query, changes)).toBe(expected)
  })
})
