import { describe, expect, test } from 'vitest'
import { db } from '@/lib/db'
import { resolveReport } from '@/lib/moderation/resolve-report'
import { createReport } from '@/lib/moderation/create-report'
import { getPublicProfile } from '@/lib/profiles/get-public-profile'
import { loadBookingTrust } from '@/lib/reviews/booking-trust'
import { publishReviews } from '@/lib/reviews/publish-reviews'
import { replyToReview } from '@/lib/reviews/reply-to-review'
import { REVIEW_WINDOW_DAYS } from '@/lib/reviews/review-window'
import { submitReview } from '@/lib/reviews/submit-review'
import { createTrip, createUser } from '@/lib/testing/factories'
import { createCompletedRide } from '@/lib/testing/trust-factories'
import { getTripDetails } from '@/lib/trips/get-trip-details'
import { searchTrips, searchTripsSchema } from '@/lib/trips/search-trips'
import { isoFromDbDate } from '@/lib/dates/kz-date'

/** The driver's rating as the search shows it, on the day of `tripId`. */
async function searchedRating(tripId: string) {
  const trip = await db.trip.findUniqueOrThrow({ where: { id: tripId }, select: { departureOn: true } })
  const found = await searchTrips(searchTripsSchema.parse({ date: isoFromDbDate(trip.departureOn), from: 'almaty', limit: '50' }))
  return found.trips.find((t) => t.id === tripId)!.driver.rating
}

const DAY = 86_400_000

describe('double-blind reviews', () => {
  test('neither review shows before the second; both show after it — on the profiles, the rating and the run page', async () => {
    const ride = await createCompletedRide()
    // The driver's next run, to read the rating where riders see it.
    const next = await createTrip({ driverId: ride.driver.id, carId: ride.car.id, daysAhead: 3 })

    const first = await submitReview(ride.rider, ride.booking.id, { rating: 5, comment: 'Вовремя и аккуратно.' })
    expect(first.published).toBe(false)
    expect((await getPublicProfile(ride.driver.id, null)).reviews).toEqual([])
    expect((await getPublicProfile(ride.driver.id, null)).rating).toEqual({ average: null, count: 0 })
    expect((await getTripDetails(next.id, null)).driver.rating.count).toBe(0)
    expect(await searchedRating(next.id)).toEqual({ average: null, count: 0 })
    // The driver sees neither what the rider wrote nor that it is published.
    const driverView = (await loadBookingTrust(ride.driver.id, [ride.booking.id])).get(ride.booking.id)!
    expect(driverView.theirs).toBeNull()
    expect(driverView.canReview).toBe(true)

    const second = await submitReview(ride.driver, ride.booking.id, { rating: 4, comment: 'Пришла заранее.' })
    expect(second.published).toBe(true)
    const driverProfile = await getPublicProfile(ride.driver.id, null)
    expect(driverProfile.reviews).toEqual([expect.objectContaining({ rating: 5, comment: 'Вовремя и аккуратно.', as: 'DRIVER', author: { id: ride.rider.id, name: expect.any(String) } })])
    expect(driverProfile.rating).toEqual({ average: 5, count: 1 })
    expect((await getPublicProfile(ride.rider.id, null)).reviews).toEqual([expect.objectContaining({ rating: 4, comment: 'Пришла заранее.', as: 'RIDER' })])
    expect((await getTripDetails(next.id, null)).driver.rating).toEqual({ average: 5, count: 1 })
    expect(await searchedRating(next.id)).toEqual({ average: 5, count: 1 })
    const riderView = (await loadBookingTrust(ride.rider.id, [ride.booking.id])).get(ride.booking.id)!
    expect(riderView.theirs).toMatchObject({ rating: 4 })
    expect(riderView.mine).toMatchObject({ rating: 5, visible: true })
  })

  test('a lone review shows once the 14 days are over (the clock decides), and no review can be written after', async () => {
    const ride = await createCompletedRide()
    await submitReview(ride.rider, ride.booking.id, { rating: 3 })
    const justBefore = new Date(Date.now() + REVIEW_WINDOW_DAYS * DAY - 60_000)
    const after = new Date(Date.now() + REVIEW_WINDOW_DAYS * DAY + 60_000)
    expect((await getPublicProfile(ride.driver.id, null, justBefore)).reviews).toHaveLength(0)
    expect((await getPublicProfile(ride.driver.id, null, after)).reviews).toEqual([expect.objectContaining({ rating: 3, comment: '' })])
    expect((await getPublicProfile(ride.driver.id, null, after)).rating).toEqual({ average: 3, count: 1 })
    await expect(submitReview(ride.driver, ride.booking.id, { rating: 5 }, after)).rejects.toMatchObject({ code: 'REVIEW_WINDOW_CLOSED', status: 409 })
    // The search's counters take it in when the publishing job runs past the 14 days — once.
    const counters = () => db.user.findUniqueOrThrow({ where: { id: ride.driver.id }, select: { ratingCount: true, ratingSum: true } })
    await publishReviews(db, justBefore)
    expect(await counters()).toEqual({ ratingCount: 0, ratingSum: 0 })
    await publishReviews(db, after)
    await publishReviews(db, after)
    expect(await counters()).toEqual({ ratingCount: 1, ratingSum: 3 })
  })

  test('one review per side per booking: a second is 409', async () => {
    const ride = await createCompletedRide()
    await submitReview(ride.rider, ride.booking.id, { rating: 4 })
    await expect(submitReview(ride.rider, ride.booking.id, { rating: 1 })).rejects.toMatchObject({ code: 'ALREADY_REVIEWED', status: 409 })
    expect(await db.review.count({ where: { bookingId: ride.booking.id } })).toBe(1)
  })

  test('two reviews of one booking written at the same moment: both are kept and both show', async () => {
    const ride = await createCompletedRide()
    const results = await Promise.all([submitReview(ride.rider, ride.booking.id, { rating: 5 }), submitReview(ride.driver, ride.booking.id, { rating: 5 })])
    expect(results.filter((r) => r.published)).toHaveLength(1)
    const reviews = await db.review.findMany({ where: { bookingId: ride.booking.id }, select: { visibleAt: true } })
    expect(reviews).toHaveLength(2)
    for (const r of reviews) expect(r.visibleAt.getTime()).toBeLessThanOrEqual(Date.now())
  })

  test.each([
    { label: 'a run not completed yet', status: 'DEPARTED' as const, bookingStatus: 'CONFIRMED' as const, code: 'REVIEW_NOT_YET' },
    { label: 'a booking that was not confirmed', status: 'COMPLETED' as const, bookingStatus: 'CANCELLED' as const, code: 'REVIEW_NOT_ALLOWED' },
  ])('refused on $label', async ({ status, bookingStatus, code }) => {
    const ride = await createCompletedRide()
    await db.trip.update({ where: { id: ride.trip.id }, data: { status } })
    await db.booking.update({ where: { id: ride.booking.id }, data: { status: bookingStatus } })
    await expect(submitReview(ride.rider, ride.booking.id, { rating: 5 })).rejects.toMatchObject({ code, status: 409 })
  })

  test('only the two sides of the booking: anyone else (an admin too) finds nothing', async () => {
    const ride = await createCompletedRide()
    for (const stranger of [await createUser(), await createUser({ roles: ['PASSENGER', 'ADMIN'] })]) {
      await expect(submitReview(stranger, ride.booking.id, { rating: 1 })).rejects.toMatchObject({ code: 'NOT_FOUND' })
    }
  })

  test.each([
    { label: 'a rating of 0', input: { rating: 0 } },
    { label: 'a rating of 6', input: { rating: 6 } },
    { label: 'a fractional rating', input: { rating: 4.5 } },
    { label: 'a comment of 1,001 characters', input: { rating: 4, comment: 'a'.repeat(1001) } },
  ])('validation: $label', async ({ input }) => {
    const ride = await createCompletedRide()
    await expect(submitReview(ride.rider, ride.booking.id, input)).rejects.toMatchObject({ name: 'ZodError' })
  })

  test('the reviewed member replies once, to a visible review only', async () => {
    const ride = await createCompletedRide()
    const review = await submitReview(ride.rider, ride.booking.id, { rating: 2, comment: 'Опоздал.' })
    // Not visible yet: it does not exist for the driver.
    await expect(replyToReview(ride.driver, review.id, { text: 'Пробки.' })).rejects.toMatchObject({ code: 'NOT_FOUND' })
    await submitReview(ride.driver, ride.booking.id, { rating: 5 })
    await expect(replyToReview(ride.rider, review.id, { text: 'Не мне отвечать.' })).rejects.toMatchObject({ code: 'NOT_FOUND' })
    await replyToReview(ride.driver, review.id, { text: 'Извините, были пробки на Райымбека.' })
    await expect(replyToReview(ride.driver, review.id, { text: 'Ещё раз.' })).rejects.toMatchObject({ code: 'ALREADY_REPLIED', status: 409 })
    expect((await getPublicProfile(ride.driver.id, null)).reviews[0]).toMatchObject({ reply: 'Извините, были пробки на Райымбека.' })
  })

  test('a hidden review leaves the profile, the rating and the run page at once', async () => {
    const ride = await createCompletedRide()
    const next = await createTrip({ driverId: ride.driver.id, carId: ride.car.id, daysAhead: 3 })
    const review = await submitReview(ride.rider, ride.booking.id, { rating: 1, comment: 'Оскорбление' })
    await submitReview(ride.driver, ride.booking.id, { rating: 5 })
    const reporter = await createUser()
    const report = await createReport(reporter, { target: 'REVIEW', reviewId: review.id, reason: 'OFFENSIVE' })
    const admin = await createUser({ roles: ['PASSENGER', 'ADMIN'] })
    await resolveReport(admin, { reportId: report.id, decision: 'HIDE_REVIEW', note: 'Оскорбление' })
    const profile = await getPublicProfile(ride.driver.id, null)
    expect(profile.reviews).toEqual([])
    expect(profile.rating.count).toBe(0)
    expect((await getTripDetails(next.id, null)).driver.rating.count).toBe(0)
    expect(await searchedRating(next.id)).toEqual({ average: null, count: 0 })
    expect((await loadBookingTrust(ride.driver.id, [ride.booking.id])).get(ride.booking.id)!.theirs).toBeNull()
    expect((await loadBookingTrust(ride.rider.id, [ride.booking.id])).get(ride.booking.id)!.mine).toMatchObject({ hidden: true, visible: false })
    expect(await db.notification.count({ where: { userId: ride.rider.id, kind: 'REVIEW_HIDDEN' } })).toBe(1)
  })
})
