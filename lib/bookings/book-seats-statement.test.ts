// The booking as one read and one statement (lib/bookings/book-seats.ts): what the statement writes is
// exactly what the rider is answered, the run's row decides the price and the seats at the moment it
// is locked, the rate limit is counted in its read, and a plain booking costs two statements.
import { randomUUID } from 'node:crypto'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest'
import { bookingViewSelect } from '@/lib/bookings/booking-view'
import { db } from '@/lib/db'
import { AppError } from '@/lib/errors'
import { quoteBooking } from '@/lib/money/quote-booking'
import { rateLimits } from '@/lib/rate-limit'
import { statementCounter } from '@/lib/testing/statement-count'
import { createRider, createTrip } from '@/lib/testing/factories'
import { bookSeats } from './book-seats'
import { cancelBooking } from './cancel-booking'

const countStatements = statementCounter()

let other: pg.Client
beforeAll(async () => {
  other = new pg.Client({ connectionString: inject('databaseUrl') })
  await other.connect()
})
afterAll(async () => {
  await other.end()
})

const input = (tripId: string, travellerIds: string[], extra: { joinWaitlist?: boolean; idempotencyKey?: string } = {}) => ({
  tripId,
  travellerIds,
  acknowledgeWarning: false,
  joinWaitlist: extra.joinWaitlist ?? false,
  idempotencyKey: extra.idempotencyKey,
})

/** Until a statement waits for the row lock `other` holds (the booking's write, having read the run). */
async function waitUntilBlockedByOther() {
  const deadline = Date.now() + 15_000
  for (;;) {
    const { rows } = await other.query('SELECT 1 FROM pg_stat_activity WHERE pg_backend_pid() = ANY(pg_blocking_pids(pid))')
    if (rows.length > 0) return
    if (Date.now() > deadline) throw new Error('timed out waiting for the booking to wait for the run')
    await new Promise((r) => setTimeout(r, 20))
  }
}

/** Books while another transaction has changed the run and holds its row: the booking reads the run
 * as it was (the change is not committed), waits for the row inside its write, and goes on once the
 * change commits. The booking's result, or what it threw. */
async function bookWhileRunChanges(tripId: string, change: string, book: () => Promise<unknown>): Promise<unknown> {
  await other.query('BEGIN')
  await other.query(change, [tripId])
  const booking = book().catch((e: unknown) => e)
  await waitUntilBlockedByOther()
  await other.query('COMMIT')
  return booking
}

describe('the booking statement', () => {
  test('a plain booking is one read and one write; the answer is the row as stored', async () => {
    const trip = await createTrip({ seatsTotal: 4 })
    const { rider, travellerIds } = await createRider({ companions: 1 })
    let booking: Awaited<ReturnType<typeof bookSeats>> | undefined
    const statements = await countStatements(async () => {
      booking = await bookSeats(rider, input(trip.id, travellerIds))
    })
    expect(statements).toBe(2)
    const { replayed, ...answered } = booking!
    expect(replayed).toBe(false)
    const stored = await db.booking.findUniqueOrThrow({ where: { id: answered.id }, select: bookingViewSelect })
    expect(JSON.parse(JSON.stringify(answered))).toEqual(JSON.parse(JSON.stringify(stored)))
    expect(stored).toMatchObject({ status: 'CONFIRMED', seats: 2, quotedTenge: 8000, capTenge: 8000 })
    expect(stored.travellers.map((t) => t.travellerId)).toEqual(travellerIds)
    expect((await db.trip.findUniqueOrThrow({ where: { id: trip.id } })).seatsTaken).toBe(2)
    // Both notices, each with the booking's id, in the same statement.
    const notices = await db.notification.findMany({ where: { params: { path: ['bookingId'], equals: answered.id } }, select: { userId: true, kind: true } })
    expect(notices.sort((a, b) => a.kind.localeCompare(b.kind))).toEqual([
      { userId: rider.id, kind: 'BOOKING_CONFIRMED' },
      { userId: trip.driverId, kind: 'BOOKING_RECEIVED' },
    ])
  })

  test('a shared-cost run quotes each party by the seats taken when its turn comes; a request to a manual run expires as the driver set', async () => {
    const trip = await createTrip({ seatsTotal: 4, pricingMode: 'SHARED_COST', pricePerSeatTenge: null, totalCostTenge: 20_000, seatPriceTenge: 5_000, minRiders: 2, driverShares: false, approvalMode: 'MANUAL', requestTtlHours: 5 })
    const terms = { pricingMode: 'SHARED_COST' as const, pricePerSeatTenge: null, totalCostTenge: 20_000, minRiders: 2, driverShares: false }
    const first = await createRider()
    const second = await createRider({ companions: 1 })
    const now = new Date()
    const a = await bookSeats(first.rider, input(trip.id, [first.travellerId]), now)
    const b = await bookSeats(second.rider, input(trip.id, second.travellerIds), now)
    const quoteA = quoteBooking({ ...terms, seatsAlreadyTaken: 0, seatsRequested: 1 })
    const quoteB = quoteBooking({ ...terms, seatsAlreadyTaken: 1, seatsRequested: 2 })
    expect(a).toMatchObject({ status: 'PENDING', quotedTenge: quoteA.nowTenge, capTenge: quoteA.capTenge })
    expect(b).toMatchObject({ status: 'PENDING', quotedTenge: quoteB.nowTenge, capTenge: quoteB.capTenge })
    expect(quoteB.nowTenge).not.toBe(quoteA.nowTenge * 2) // the second party's share depends on the first
    expect(a.expiresAt?.getTime()).toBe(Math.min(now.getTime() + 5 * 3_600_000, trip.departureAt.getTime()))
    const driverNotice = await db.notification.findFirstOrThrow({ where: { userId: trip.driverId, kind: 'BOOKING_RECEIVED', params: { path: ['bookingId'], equals: a.id } } })
    expect(driverNotice.params).toMatchObject({ pending: 1, seats: 1, tripId: trip.id })
  })

  test('a waitlisted party is quoted as if the run were full and takes no seat', async () => {
    const trip = await createTrip({ seatsTotal: 4 })
    const first = await createRider({ companions: 3 })
    await bookSeats(first.rider, input(trip.id, first.travellerIds))
    const late = await createRider()
    const waiting = await bookSeats(late.rider, input(trip.id, [late.travellerId], { joinWaitlist: true }))
    expect(waiting).toMatchObject({ status: 'WAITLISTED', quotedTenge: 4000 })
    expect((await db.trip.findUniqueOrThrow({ where: { id: trip.id } })).seatsTaken).toBe(4)
    expect(await db.notification.count({ where: { userId: trip.driverId, params: { path: ['bookingId'], equals: waiting.id } } })).toBe(0)
  })

  test('over the rate limit: refused with the wait, nothing written, no seat taken', async () => {
    const trip = await createTrip({ seatsTotal: 4 })
    const { rider, travellerId } = await createRider()
    const rule = rateLimits.bookingPerAccount
    await db.$executeRaw`INSERT INTO rate_limits (key, window_start, count) VALUES (${`${rule.name}:${rider.id}`}, now(), ${rule.limit})`
    const error = await bookSeats(rider, input(trip.id, [travellerId])).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(AppError)
    expect((error as AppError).code).toBe('RATE_LIMITED')
    expect((error as AppError).options.retryAfterSeconds).toBeGreaterThan(rule.windowSeconds - 60)
    expect(await db.booking.count({ where: { tripId: trip.id } })).toBe(0)
    expect((await db.trip.findUniqueOrThrow({ where: { id: trip.id } })).seatsTaken).toBe(0)
    expect(await db.notification.count({ where: { userId: rider.id } })).toBe(0)
  })

  test('the driver changes the price while the booking waits for the run: the booking is quoted at the new price', async () => {
    const trip = await createTrip({ seatsTotal: 4 })
    const { rider, travellerId } = await createRider()
    // The booking reads the run at 4,000 a seat; the price is 5,500 by the time it holds the row.
    const booking = await bookWhileRunChanges(trip.id, 'UPDATE trips SET price_per_seat_tenge = 5500, seat_price_tenge = 5500 WHERE id = $1', () =>
      bookSeats(rider, input(trip.id, [travellerId], { idempotencyKey: `price-${randomUUID()}` })),
    )
    expect(booking).toMatchObject({ status: 'CONFIRMED', quotedTenge: 5500, capTenge: 5500 })
    expect(await db.booking.count({ where: { tripId: trip.id } })).toBe(1)
    expect((await db.trip.findUniqueOrThrow({ where: { id: trip.id } })).seatsTaken).toBe(1)
  })

  test('the last seats are taken while the booking waits for the run: "full", nothing written', async () => {
    const trip = await createTrip({ seatsTotal: 4 })
    const { rider, travellerId } = await createRider()
    // Another booking's statement takes the last four seats and holds the row until it commits.
    const error = await bookWhileRunChanges(trip.id, 'UPDATE trips SET seats_taken = 4 WHERE id = $1', () => bookSeats(rider, input(trip.id, [travellerId])))
    expect(error).toBeInstanceOf(AppError)
    expect((error as AppError).code).toBe('TRIP_FULL')
    expect(await db.booking.count({ where: { tripId: trip.id } })).toBe(0)
    expect((await db.trip.findUniqueOrThrow({ where: { id: trip.id } })).seatsTaken).toBe(4)
  })

  test('the run is cancelled while the booking waits for it: refused, nothing written', async () => {
    const trip = await createTrip({ seatsTotal: 4 })
    const { rider, travellerId } = await createRider()
    const error = await bookWhileRunChanges(trip.id, "UPDATE trips SET status = 'CANCELLED' WHERE id = $1", () =>
      bookSeats(rider, input(trip.id, [travellerId], { joinWaitlist: true })),
    )
    expect(error).toBeInstanceOf(AppError)
    expect((error as AppError).code).toBe('TRIP_NOT_BOOKABLE')
    expect(await db.booking.count({ where: { tripId: trip.id } })).toBe(0)
  })

  test('parties of 1–3 booking, joining the waitlist and cancelling at once: every answer is a decision, and the counters equal the bookings', async () => {
    const trips = await Promise.all([createTrip({ seatsTotal: 4 }), createTrip({ seatsTotal: 4 })])
    const riders = await Promise.all(Array.from({ length: 60 }, (_, i) => createRider({ companions: i % 3 })))
    const failures: unknown[] = []
    await Promise.all(
      riders.map(async (r, i) => {
        const trip = trips[i % trips.length]!
        try {
          const booked = await bookSeats(r.rider, input(trip.id, r.travellerIds, { joinWaitlist: i % 4 === 0 }))
          // A third cancel at once: seats come free (and waitlisted parties move up) while others book.
          if (i % 3 === 0) await cancelBooking(r.rider, { bookingId: booked.id })
        } catch (error) {
          if (!(error instanceof AppError && ['TRIP_FULL', 'ALREADY_BOOKED'].includes(error.code))) failures.push(error)
        }
      }),
    )
    expect(failures).toEqual([])
    for (const trip of trips) {
      const [row] = await db.$queryRaw<{ seats_taken: number; live: number }[]>`
        SELECT t.seats_taken, coalesce((SELECT sum(b.seats) FROM bookings b WHERE b.trip_id = t.id AND b.status IN ('PENDING', 'CONFIRMED')), 0)::int AS live
        FROM trips t WHERE t.id = ${trip.id}::uuid`
      expect(row!.seats_taken).toBe(row!.live)
      expect(row!.seats_taken).toBeLessThanOrEqual(4)
    }
  })
})
