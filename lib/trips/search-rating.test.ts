// Issue 13: each run in the search carries its driver's profile id and rating, and the search can
// sort by rating (best first, then more reviews, then earlier), page by page.
import { describe, expect, test } from 'vitest'
import { addDaysIso, dbDateFromIso, kzInstant, todayInKz } from '@/lib/dates/kz-date'
import { submitReview } from '@/lib/reviews/submit-review'
import { createDriver, createTrip } from '@/lib/testing/factories'
import { createCompletedRide } from '@/lib/testing/trust-factories'
import { searchTrips, searchTripsSchema } from '@/lib/trips/search-trips'

async function reviewedDriver(ratings: number[]) {
  const d = await createDriver()
  for (const rating of ratings) {
    const ride = await createCompletedRide({ driver: d })
    await submitReview(ride.rider, ride.booking.id, { rating })
    await submitReview(d.driver, ride.booking.id, { rating: 5 })
  }
  return d
}

describe('search by rating', () => {
  test('best rated first, then more reviews, then a driver’s runs together and earliest first; unrated last; the cursor walks the same order', async () => {
    const on = addDaysIso(todayInKz(), 53)
    const five = await reviewedDriver([5])
    const fourMany = await reviewedDriver([4, 4])
    const fourOne = await reviewedDriver([4])
    const none = await createDriver()
    const run = (d: Awaited<ReturnType<typeof createDriver>>, time: string) =>
      createTrip({ driverId: d.driver.id, carId: d.car.id, originCityId: 'shymkent', checkpointId: 'kaplanbek', destinationCityId: 'tashkent', departureAt: kzInstant(on, time), departureOn: dbDateFromIso(on), roundTrip: false, returnAt: null, returnOn: null })
    // Leaving times deliberately opposite to the rating order.
    const runNone = await run(none, '06:00')
    const runFourOne = await run(fourOne, '06:30')
    const runFourMany = await run(fourMany, '07:00')
    const runFive = await run(five, '08:00')
    const expected = [runFive.id, runFourMany.id, runFourOne.id, runNone.id]

    const all = await searchTrips(searchTripsSchema.parse({ date: on, from: 'shymkent', sort: 'rating' }))
    expect(all.trips.map((t) => t.id)).toEqual(expected)
    expect(all.trips.map((t) => t.driver.rating)).toEqual([{ average: 5, count: 1 }, { average: 4, count: 2 }, { average: 4, count: 1 }, { average: null, count: 0 }])
    expect(all.trips[0]!.driver.id).toBe(five.driver.id)

    const walked: string[] = []
    let cursor: string | undefined
    for (let page = 0; page < 5; page++) {
      const result = await searchTrips(searchTripsSchema.parse({ date: on, from: 'shymkent', sort: 'rating', limit: '1', ...(cursor ? { cursor } : {}) }))
      walked.push(...result.trips.map((t) => t.id))
      if (!result.nextCursor) break
      cursor = result.nextCursor
    }
    expect(walked).toEqual(expected)
  })

  test("pages smaller than a driver's runs: the cursor continues inside one driver's runs, then moves on", async () => {
    const on = addDaysIso(todayInKz(), 54)
    const best = await reviewedDriver([5, 5])
    const other = await reviewedDriver([3])
    const leave = (d: Awaited<ReturnType<typeof createDriver>>, time: string) =>
      createTrip({ driverId: d.driver.id, carId: d.car.id, originCityId: 'taraz', checkpointId: 'aisha-bibi', destinationCityId: 'talas', departureAt: kzInstant(on, time), departureOn: dbDateFromIso(on), roundTrip: false, returnAt: null, returnOn: null })
    const bestRuns = [await leave(best, '09:00'), await leave(best, '06:00'), await leave(best, '12:00'), await leave(best, '07:30'), await leave(best, '15:00')]
    const otherRun = await leave(other, '05:00')
    const byTime = [...bestRuns].sort((a, b) => a.departureAt.getTime() - b.departureAt.getTime()).map((t) => t.id)
    const walked: string[] = []
    let cursor: string | undefined
    for (let page = 0; page < 6; page++) {
      const result = await searchTrips(searchTripsSchema.parse({ date: on, from: 'taraz', sort: 'rating', limit: '2', ...(cursor ? { cursor } : {}) }))
      walked.push(...result.trips.map((t) => t.id))
      if (!result.nextCursor) break
      cursor = result.nextCursor
    }
    expect(walked).toEqual([...byTime, otherRun.id])
  })

  test('a cursor of another sort, or with numbers out of range, is a validation error', async () => {
    const timeCursor = Buffer.from(JSON.stringify(['2030-01-01T00:00:00.000Z', '00000000-0000-4000-8000-000000000000'])).toString('base64url')
    const huge = Buffer.from(JSON.stringify([-1, 2 ** 60, '00000000-0000-4000-8000-000000000000', '2030-01-01T00:00:00.000Z', '00000000-0000-4000-8000-000000000000'])).toString('base64url')
    for (const cursor of [timeCursor, huge]) {
      await expect(searchTrips(searchTripsSchema.parse({ sort: 'rating', cursor }))).rejects.toMatchObject({ code: 'VALIDATION' })
    }
  })
})
