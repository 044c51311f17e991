// A waitlisted party that cancels while someone else's cancellation is promoting the waitlist must
// stay cancelled. Found by `npm run loadtest`: the rider was told "cancelled" (200) and yet ended up
// CONFIRMED on the run, holding seats, because the promotion overwrote the committed cancellation.
import pg from 'pg'
import { expect, inject, test } from 'vitest'
import { db } from '@/lib/db'
import { createRider, createTrip } from '@/lib/testing/factories'
import { bookSeats } from './book-seats'
import { cancelBooking } from './cancel-booking'

test('a waitlisted party cancelling during a promotion stays cancelled; seats match live bookings', async () => {
  const trip = await createTrip({ seatsTotal: 4 })
  const first = await createRider({ companions: 3 })
  const waiting = await createRider()
  const booked = await bookSeats(first.rider, { tripId: trip.id, travellerIds: first.travellerIds, acknowledgeWarning: false, joinWaitlist: false })
  const queued = await bookSeats(waiting.rider, { tripId: trip.id, travellerIds: [waiting.travellerId], acknowledgeWarning: false, joinWaitlist: true })
  expect(queued.status).toBe('WAITLISTED')

  // The waitlisted rider's cancellation, caught half-way: its row is changed and locked, not committed.
  const other = new pg.Client({ connectionString: inject('databaseUrl') })
  await other.connect()
  try {
    await other.query('BEGIN')
    await other.query(`UPDATE bookings SET status = 'CANCELLED', cancelled_at = now(), cancel_reason = 'RIDER' WHERE id = $1`, [queued.id])
    // Meanwhile the first rider cancels, which frees seats and promotes the waitlist.
    const promoting = cancelBooking(first.rider, { bookingId: booked.id })
    await new Promise((r) => setTimeout(r, 300)) // let it reach the waitlisted row and wait on its lock
    await other.query('COMMIT')
    await promoting
  } finally {
    await other.end()
  }

  const after = await db.booking.findUniqueOrThrow({ where: { id: queued.id }, select: { status: true } })
  expect(after.status).toBe('CANCELLED')
  const run = await db.trip.findUniqueOrThrow({ where: { id: trip.id }, select: { seatsTaken: true } })
  const live = await db.booking.aggregate({ where: { tripId: trip.id, status: { in: ['PENDING', 'CONFIRMED'] } }, _sum: { seats: true } })
  expect(run.seatsTaken).toBe(live._sum.seats ?? 0)
  expect(run.seatsTaken).toBe(0)
})
