// Queries per request, counted where they leave the process: every statement the `pg` driver sends
// (Prisma's adapter included). The search and the run page must cost the same few statements
// whether they show 1 row or 20, 0 bookings or 6 — an N+1 (a query per row) fails these tests.
import { beforeAll, describe, expect, test } from 'vitest'
import { addDaysIso, kzInstant, todayInKz, dbDateFromIso } from '@/lib/dates/kz-date'
import { db } from '@/lib/db'
import { createDriver, createRider, createTrip, ensureReferenceData } from '@/lib/testing/factories'
import { statementCounter } from '@/lib/testing/statement-count'
import { getTripDetails } from '@/lib/trips/get-trip-details'
import { searchTrips, searchTripsSchema } from '@/lib/trips/search-trips'

const countQueries = statementCounter()

/** 24 runs from Taraz on a day of their own, each with its own driver, car and pickup point. */
async function createRunsFromTaraz(on: string) {
  await ensureReferenceData()
  const point = await db.pickupPoint.findFirstOrThrow({ where: { cityId: 'taraz' }, select: { id: true, lat: true, lng: true, nameRu: true } })
  for (let i = 0; i < 24; i++) {
    const { driver, car } = await createDriver()
    const time = `${String(6 + Math.floor(i / 2)).padStart(2, '0')}:${i % 2 ? '30' : '00'}`
    await createTrip({
      driverId: driver.id,
      carId: car.id,
      originCityId: 'taraz',
      pickupPointId: point.id,
      pickupLabel: point.nameRu,
      pickupLat: point.lat,
      pickupLng: point.lng,
      checkpointId: 'aisha-bibi',
      destinationCityId: 'talas',
      departureAt: kzInstant(on, time),
      departureOn: dbDateFromIso(on),
      returnAt: kzInstant(on, '22:00'),
      returnOn: dbDateFromIso(on),
      pricePerSeatTenge: 3000 + i * 100,
      seatPriceTenge: 3000 + i * 100,
    })
  }
}

describe('queries per request', () => {
  const on = addDaysIso(todayInKz(), 40)

  beforeAll(async () => {
    await createRunsFromTaraz(on)
    // The reference data (city, checkpoint and pickup-point names) is cached in memory for a
    // minute; the first search loads it.
    await searchTrips(searchTripsSchema.parse({ date: on, from: 'taraz' }))
  })

  test.each([
    { label: 'a page of 1', query: { limit: '1' } },
    { label: 'a page of 20', query: { limit: '20' } },
    { label: 'a page of 20 by price', query: { limit: '20', sort: 'price' } },
    { label: 'a page of 20 by the driver’s rating', query: { limit: '20', sort: 'rating' } },
  ])('search, $label: one statement', async ({ query }) => {
    let found = 0
    const count = await countQueries(async () => {
      found = (await searchTrips(searchTripsSchema.parse({ date: on, from: 'taraz', ...query }))).trips.length
    })
    expect(found).toBe(Number(query.limit))
    expect(count).toBe(1)
  })

  test('search as a signed-in member (blocks left out): one statement', async () => {
    const { rider } = await createRider()
    let found = 0
    const count = await countQueries(async () => {
      found = (await searchTrips(searchTripsSchema.parse({ date: on, from: 'taraz', limit: '20' }), new Date(), rider)).trips.length
    })
    expect(found).toBe(20)
    expect(count).toBe(1)
  })

  test('search, the page after a cursor: one statement', async () => {
    const first = await searchTrips(searchTripsSchema.parse({ date: on, from: 'taraz', limit: '10' }))
    expect(first.nextCursor).not.toBeNull()
    const count = await countQueries(() => searchTrips(searchTripsSchema.parse({ date: on, from: 'taraz', limit: '10', cursor: first.nextCursor! })))
    expect(count).toBe(1)
  })

  test('run page: as many statements with 6 bookings as with none, for a visitor and for a rider', async () => {
    const empty = await createTrip({ daysAhead: 41, seatsTotal: 8 })
    const busy = await createTrip({ daysAhead: 41, seatsTotal: 8, seatsTaken: 6 })
    for (let i = 0; i < 6; i++) {
      const { rider } = await createRider()
      await db.booking.create({
        data: { tripId: busy.id, riderId: rider.id, status: 'CONFIRMED', seats: 1, quotedTenge: 4000, capTenge: 4000, verdict: 'OK', ruleVersion: 'test' },
      })
    }
    const { rider: viewer } = await createRider()
    await getTripDetails(empty.id, null) // warm: nothing lazily loaded is counted below

    const visitorEmpty = await countQueries(() => getTripDetails(empty.id, null))
    const visitorBusy = await countQueries(() => getTripDetails(busy.id, null))
    const riderEmpty = await countQueries(() => getTripDetails(empty.id, viewer))
    const riderBusy = await countQueries(() => getTripDetails(busy.id, viewer))
    expect(visitorBusy).toBe(visitorEmpty)
    expect(riderBusy).toBe(riderEmpty)
    // A fixed handful, whatever the run: lapsed requests, the run, then one query per relation it
    // selects (Prisma 7 loads each relation with its own query: pickup point, two cities,
    // checkpoint and its statuses, driver, car), and for a rider their booking and its travellers.
    expect(visitorEmpty).toBeLessThanOrEqual(9)
    expect(riderEmpty).toBeLessThanOrEqual(11)
  })
})
