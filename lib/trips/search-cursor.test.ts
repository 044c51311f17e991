// GET /api/trips with a crafted `cursor`: the cursor is base64 JSON the client hands back, so its
// contents are input like any other. Values PostgreSQL cannot take (year 0, the far ends of
// JavaScript's date range, prices outside an integer column) used to reach the database and come back
// as a 500 (22008 / 22009 / 22003); they are a 400 with the error shape, on the `cursor` field.
import { randomUUID } from 'node:crypto'
import { NextRequest } from 'next/server'
import { describe, expect, test, vi } from 'vitest'
import { addDaysIso, todayInKz } from '@/lib/dates/kz-date'
import { encodeCursor } from '@/lib/trips/search-trips'

// Pages' redirect helper (imported through lib/auth/session); a route handler never redirects.
vi.mock('@/lib/i18n/navigation', () => ({ redirect: () => { throw new Error('redirect in a route handler') } }))
const { GET } = await import('@/app/api/trips/route')

const ID = randomUUID()
const MAX = Number.MAX_SAFE_INTEGER

function search(query: Record<string, string>) {
  const url = new URL('http://localhost/api/trips')
  for (const [k, v] of Object.entries(query)) url.searchParams.set(k, v)
  const headers = { 'accept-language': 'en', 'x-poputka-client-ip': `cursor-test-${randomUUID()}` }
  return GET(new NextRequest(url, { headers }), { params: Promise.resolve({}) })
}

const raw = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url')

describe('GET /api/trips?cursor=…', () => {
  test.each([
    { label: 'year 0', sort: 'time', cursor: raw(['0000-01-01T00:00:00.000Z', ID]) },
    { label: 'the first instant JavaScript can hold', sort: 'time', cursor: raw(['-271821-04-20T00:00:00.000Z', ID]) },
    { label: 'the last instant JavaScript can hold', sort: 'time', cursor: raw(['+275760-09-13T00:00:00.000Z', ID]) },
    { label: 'a date-only string', sort: 'time', cursor: raw(['0000-01-01', ID]) },
    { label: 'a bare year Date.parse accepts', sort: 'time', cursor: raw(['10000', ID]) },
    { label: 'a far-future year', sort: 'time', cursor: raw(['9999-12-31T23:59:59.999Z', ID]) },
    { label: 'price 2^53 − 1', sort: 'price', cursor: raw([MAX, new Date().toISOString(), ID]) },
    { label: 'price −(2^53 − 1)', sort: 'price', cursor: raw([-MAX, new Date().toISOString(), ID]) },
    { label: 'price just past a 32-bit integer', sort: 'price', cursor: raw([2 ** 31, new Date().toISOString(), ID]) },
    { label: 'a fractional price', sort: 'price', cursor: raw([1.5, new Date().toISOString(), ID]) },
    { label: 'a price cursor with year 0', sort: 'price', cursor: raw([5000, '0000-01-01T00:00:00.000Z', ID]) },
    { label: 'a time cursor given to a price sort', sort: 'price', cursor: raw([new Date().toISOString(), ID]) },
    { label: 'an id that is not a UUID', sort: 'time', cursor: raw([new Date().toISOString(), 'x']) },
    { label: 'not base64 JSON', sort: 'time', cursor: '!!!' },
  ])('$label → 400 on the cursor field', async ({ sort, cursor }) => {
    const response = await search({ sort, cursor })
    const body = (await response.json()) as { error: { code: string; message: string; fields?: Record<string, string[]> } }
    expect({ status: response.status, code: body.error.code }).toEqual({ status: 400, code: 'VALIDATION' })
    expect(body.error.fields?.cursor?.length).toBeGreaterThan(0)
  })

  test.each([
    { label: 'a cursor the search itself made (by time)', sort: 'time', cursor: encodeCursor([new Date().toISOString(), ID]) },
    { label: 'a cursor the search itself made (by price)', sort: 'price', cursor: encodeCursor([5000, new Date().toISOString(), ID]) },
    { label: 'a price of 1 tenge on a date a year ahead', sort: 'price', cursor: encodeCursor([1, new Date(`${addDaysIso(todayInKz(), 365)}T00:00:00Z`).toISOString(), ID]) },
  ])('$label → 200', async ({ sort, cursor }) => {
    const response = await search({ sort, cursor, dateFrom: todayInKz(), dateTo: addDaysIso(todayInKz(), 6) })
    expect(response.status).toBe(200)
  })
})
