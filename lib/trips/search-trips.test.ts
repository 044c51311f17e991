// What one run looks like in the search, key by key: the JSON GET /api/trips sends and the objects
// the search page renders. Places added after the reference data was cached, user text that needs
// escaping (quotes, backslashes, a line break, non-Latin letters, "</script>"), a per-seat and a
// shared-cost run quoted for a party of two, a run without a pickup point or a return, a rating,
// a full run only when asked, and the cursor of the next page.
import { randomUUID } from 'node:crypto'
import { NextRequest } from 'next/server'
import { beforeAll, describe, expect, test, vi } from 'vitest'
import { addDaysIso, dbDateFromIso, kzInstant, todayInKz } from '@/lib/dates/kz-date'
import { db } from '@/lib/db'
import { quoteBooking } from '@/lib/money/quote-booking'
import { createDriver, createTrip, ensureReferenceData } from '@/lib/testing/factories'
import { getReferenceData } from '@/lib/trips/get-reference-data'
import { encodeCursor, searchTrips, searchTripsSchema } from '@/lib/trips/search-trips'

// Pages' redirect helper (imported through lib/auth/session); a route handler never redirects.
vi.mock('@/lib/i18n/navigation', () => ({ redirect: () => { throw new Error('redirect in a route handler') } }))
const { GET } = await import('@/app/api/trips/route')

const letters = () => randomUUID().replace(/[^a-f]/g, '').slice(0, 8).padEnd(8, 'a')
const ODD = 'He said "hi" \\ back\nslash </script> Ёлка ✓'

async function apiSearch(query: Record<string, string>) {
  const url = new URL('http://localhost/api/trips')
  for (const [k, v] of Object.entries(query)) url.searchParams.set(k, v)
  const headers = { 'accept-language': 'en', 'x-poputka-client-ip': `search-json-${randomUUID()}` }
  return GET(new NextRequest(url, { headers }), { params: Promise.resolve({}) })
}

describe('a run in the search, key by key', () => {
  const on = addDaysIso(todayInKz(), 45)
  const origin = `from-${letters()}`
  const destination = `to-${letters()}`
  const checkpoint = `cp-${letters()}`
  let pointId = ''
  let perSeat: Awaited<ReturnType<typeof createTrip>>
  let shared: Awaited<ReturnType<typeof createTrip>>
  let full: Awaited<ReturnType<typeof createTrip>>
  let perSeatDriver = ''
  let sharedDriver = ''

  beforeAll(async () => {
    await ensureReferenceData()
    // Cache the reference data first: the places below are then new to it, as a place an admin
    // added a moment ago would be.
    await getReferenceData()
    await db.city.create({ data: { id: origin, nameRu: `Город ${ODD}`, nameEn: `Town ${ODD}`, countryCode: 'KZ', lat: 43.1, lng: 76.2, isOrigin: true } })
    await db.city.create({ data: { id: destination, nameRu: 'Куда-то', nameEn: 'Somewhere', countryCode: 'KG', lat: 42.87, lng: 74.59 } })
    await db.checkpoint.create({
      data: { id: checkpoint, nameRu: `Пост ${ODD}`, nameEn: `Post ${ODD}`, otherSideRu: 'Там', otherSideEn: 'There', countryCode: 'KG', destinationCityId: destination, lat: 43.171234, lng: -74.5, coordinatePrecision: 'ESTIMATE' },
    })
    pointId = (await db.pickupPoint.create({ data: { cityId: origin, nameRu: `Точка ${ODD}`, nameEn: `Point ${ODD}`, lat: 43.2, lng: 76.9 }, select: { id: true } })).id

    const a = await createDriver({ seats: 4 })
    perSeatDriver = a.driver.id
    await db.user.update({ where: { id: a.driver.id }, data: { name: `Ана-"Q"\\ ${ODD}`, ratingCount: 3, ratingSum: 13, ratingKey: 433 } })
    await db.car.update({ where: { id: a.car.id }, data: { make: 'Lada "Niva"', model: 'Legend\\4x4' } })
    const b = await createDriver({ seats: 6 })
    sharedDriver = b.driver.id
    await db.user.update({ where: { id: b.driver.id }, data: { name: 'Bolat', ratingCount: 0, ratingSum: 0, ratingKey: 0 } })

    const common = { originCityId: origin, destinationCityId: destination, checkpointId: checkpoint, departureOn: dbDateFromIso(on) }
    perSeat = await createTrip({
      ...common, driverId: a.driver.id, carId: a.car.id, departureAt: kzInstant(on, '06:30'), roundTrip: true, returnAt: kzInstant(on, '20:15'), returnOn: dbDateFromIso(on),
      pickupPointId: pointId, pickupLabel: `Gate ${ODD}`, pickupLat: 43.200001, pickupLng: 76.900002, seatsTotal: 4, seatsTaken: 1, pricingMode: 'PER_SEAT', pricePerSeatTenge: 4500, seatPriceTenge: 4500, approvalMode: 'INSTANT',
    })
    shared = await createTrip({
      ...common, driverId: b.driver.id, carId: b.car.id, departureAt: kzInstant(on, '08:00'), roundTrip: false, returnAt: null, returnOn: null,
      pickupPointId: null, pickupLabel: 'Near the bazaar', pickupLat: 43.25, pickupLng: 76.95, seatsTotal: 6, seatsTaken: 3,
      pricingMode: 'SHARED_COST', pricePerSeatTenge: null, totalCostTenge: 25_000, minRiders: 2, driverShares: true, seatPriceTenge: 5000, approvalMode: 'MANUAL', requestTtlHours: 12,
    })
    full = await createTrip({ ...common, driverId: b.driver.id, carId: b.car.id, departureAt: kzInstant(on, '09:00'), roundTrip: false, returnAt: null, returnOn: null, seatsTotal: 4, seatsTaken: 4, pricePerSeatTenge: 3000, seatPriceTenge: 3000 })
  })

  test('every key and value of a run, for a party of two', async () => {
    const result = await searchTrips(searchTripsSchema.parse({ date: on, from: origin, seats: '2' }))
    expect(result.dateFrom).toBe(on)
    expect(result.dateTo).toBe(on)
    expect(result.nextCursor).toBeNull()
    const sharedQuote = quoteBooking({ pricingMode: 'SHARED_COST', pricePerSeatTenge: null, totalCostTenge: 25_000, minRiders: 2, driverShares: true, seatsAlreadyTaken: 3, seatsRequested: 2 })
    const originJson = { id: origin, nameRu: `Город ${ODD}`, nameEn: `Town ${ODD}` }
    const destinationJson = { id: destination, nameRu: 'Куда-то', nameEn: 'Somewhere' }
    const checkpointJson = { id: checkpoint, nameRu: `Пост ${ODD}`, nameEn: `Post ${ODD}`, lat: 43.171234, lng: -74.5 }
    expect(result.trips).toEqual([
      {
        id: perSeat.id,
        departureAt: kzInstant(on, '06:30').toISOString(),
        returnAt: kzInstant(on, '20:15').toISOString(),
        roundTrip: true,
        seatsTotal: 4,
        seatsLeft: 3,
        pricingMode: 'PER_SEAT',
        pricePerSeatTenge: 4500,
        totalCostTenge: null,
        quote: { seats: 2, nowTenge: 9000, capTenge: 9000 },
        approvalMode: 'INSTANT',
        origin: originJson,
        destination: destinationJson,
        checkpoint: checkpointJson,
        pickup: { label: `Gate ${ODD}`, nameRu: `Точка ${ODD}`, nameEn: `Point ${ODD}`, lat: 43.200001, lng: 76.900002 },
        driver: { id: perSeatDriver, firstName: 'Ана-"Q"\\', car: 'Lada "Niva" Legend\\4x4', rating: { count: 3, average: 4.33 } },
      },
      {
        id: shared.id,
        departureAt: kzInstant(on, '08:00').toISOString(),
        returnAt: null,
        roundTrip: false,
        seatsTotal: 6,
        seatsLeft: 3,
        pricingMode: 'SHARED_COST',
        pricePerSeatTenge: null,
        totalCostTenge: 25_000,
        quote: { seats: 2, nowTenge: sharedQuote.nowTenge, capTenge: sharedQuote.capTenge },
        approvalMode: 'MANUAL',
        origin: originJson,
        destination: destinationJson,
        checkpoint: checkpointJson,
        pickup: { label: 'Near the bazaar', nameRu: null, nameEn: null, lat: 43.25, lng: 76.95 },
        driver: { id: sharedDriver, firstName: 'Bolat', car: 'Toyota Camry', rating: { count: 0, average: null } },
      },
    ])
  })

  test('the API sends the same JSON the page renders, and the full run only when asked', async () => {
    const query = { date: on, from: origin, seats: '2', includeFull: '1' }
    const response = await apiSearch(query)
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toMatch(/^application\/json/)
    const body = JSON.parse(await response.text()) as unknown
    const direct = await searchTrips(searchTripsSchema.parse(query))
    expect(body).toEqual(direct)
    expect(direct.trips.map((t) => t.id)).toEqual([perSeat.id, shared.id, full.id])
    // A party larger than the car is quoted for the whole car.
    const wide = await searchTrips(searchTripsSchema.parse({ ...query, seats: '8' }))
    expect(wide.trips.map((t) => [t.id, t.quote])).toEqual([
      [perSeat.id, { seats: 4, nowTenge: 18_000, capTenge: 18_000 }],
      [shared.id, (({ nowTenge, capTenge }) => ({ seats: 6, nowTenge, capTenge }))(quoteBooking({ pricingMode: 'SHARED_COST', pricePerSeatTenge: null, totalCostTenge: 25_000, minRiders: 2, driverShares: true, seatsAlreadyTaken: 0, seatsRequested: 6 }))],
      [full.id, { seats: 4, nowTenge: 12_000, capTenge: 12_000 }],
    ])
  })

  test.each([
    { sort: 'time', cursorOf: (t: { departureAt: string; id: string }) => encodeCursor([t.departureAt, t.id]) },
    { sort: 'price', cursorOf: (t: { departureAt: string; id: string }) => encodeCursor([4500, t.departureAt, t.id]) },
    { sort: 'rating', cursorOf: (t: { departureAt: string; id: string }) => encodeCursor([433, 3, perSeatDriver, t.departureAt, t.id]) },
  ])('sorted by $sort: the cursor after the first run leads to the second', async ({ sort, cursorOf }) => {
    const first = await searchTrips(searchTripsSchema.parse({ date: on, from: origin, sort, limit: '1' }))
    expect(first.trips.map((t) => t.id)).toEqual([perSeat.id])
    expect(first.nextCursor).toBe(cursorOf(first.trips[0]!))
    const second = await searchTrips(searchTripsSchema.parse({ date: on, from: origin, sort, limit: '1', cursor: first.nextCursor! }))
    expect(second.trips.map((t) => t.id)).toEqual([shared.id])
    expect(second.nextCursor).toBeNull()
  })

  test('bad parameters are a 400 with the fields named, in the error shape', async () => {
    const response = await apiSearch({ date: 'tomorrow', seats: '12', sort: 'random' })
    expect(response.status).toBe(400)
    const body = (await response.json()) as { error: { code: string; message: string; fields: Record<string, string[]> } }
    expect(body.error.code).toBe('VALIDATION')
    expect(Object.keys(body.error.fields).sort()).toEqual(['date', 'seats', 'sort'])
  })
})
