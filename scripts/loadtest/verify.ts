// After a scenario: the database against itself and against what the clients were told.
import pg from 'pg'
import type { LedgerEntry } from './load'

export type Invariants = {
  runs: number
  bookings: number
  /** Runs with more seats taken than they have. */
  oversold: number
  /** Runs whose seats_taken differs from the seats of their PENDING + CONFIRMED bookings. */
  counterMismatches: number
  /** Bookings whose traveller rows do not number its seats (a half-written booking). */
  partialBookings: number
  /** Keys the client was told "booked" (201/200) with no such booking in the database. */
  lost: number
  /** Keys with more than one booking row, or for which the client was handed two different ids. */
  duplicated: number
  /** Keys the client was finally told "no" (4xx) that are booked all the same. */
  refusedButBooked: number
  /** Booked in the database, but the client never heard so (it gave up retrying). */
  bookedButUnconfirmed: number
  /** Cancellations the client was told succeeded (200), or that a retry found already done (409
   * BOOKING_NOT_ACTIVE), whose booking is not CANCELLED. */
  cancelLost: number
  cancelsConfirmed: number
  /** Booking rows no simulated client asked for (there should be none). */
  unknownBookings: number
  /** Keys still unresolved when the client gave up. */
  gaveUp: number
  toldBooked: number
  seatsSold: number
  seatsTotal: number
}

export async function verifyInvariants(url: string, ledger: LedgerEntry[]): Promise<Invariants> {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    const q = async <T extends pg.QueryResultRow>(sql: string, params: unknown[] = []) => (await client.query<T>(sql, params)).rows
    const [totals] = await q<{ runs: string; seats_total: string; seats_taken: string; bookings: string }>(
      `SELECT (SELECT count(*) FROM trips) AS runs, (SELECT sum(seats_total) FROM trips) AS seats_total,
              (SELECT sum(seats_taken) FROM trips) AS seats_taken, (SELECT count(*) FROM bookings) AS bookings`,
    )
    const [oversold] = await q<{ n: string }>('SELECT count(*) AS n FROM trips WHERE seats_taken > seats_total')
    const [mismatch] = await q<{ n: string }>(
      `SELECT count(*) AS n FROM (
         SELECT t.id FROM trips t LEFT JOIN bookings b ON b.trip_id = t.id AND b.status IN ('PENDING', 'CONFIRMED')
         GROUP BY t.id, t.seats_taken HAVING t.seats_taken <> coalesce(sum(b.seats), 0)) m`,
    )
    const [partial] = await q<{ n: string }>(
      `SELECT count(*) AS n FROM (
         SELECT b.id FROM bookings b LEFT JOIN booking_travellers bt ON bt.booking_id = b.id
         GROUP BY b.id, b.seats HAVING count(bt.booking_id) <> b.seats) p`,
    )
    const [dupRows] = await q<{ n: string }>(
      `SELECT count(*) AS n FROM (SELECT rider_id, idempotency_key FROM bookings WHERE idempotency_key IS NOT NULL
         GROUP BY 1, 2 HAVING count(*) > 1) d`,
    )
    const rows = await q<{ id: string; rider_id: string; idempotency_key: string; trip_id: string; seats: number; status: string }>(
      'SELECT id, rider_id, idempotency_key, trip_id, seats, status FROM bookings WHERE idempotency_key IS NOT NULL',
    )
    const byKey = new Map<string, typeof rows>()
    for (const r of rows) byKey.set(`${r.rider_id}|${r.idempotency_key}`, [...(byKey.get(`${r.rider_id}|${r.idempotency_key}`) ?? []), r])

    let lost = 0
    let handedTwoIds = 0
    let refusedButBooked = 0
    let bookedButUnconfirmed = 0
    let cancelLost = 0
    let cancelsConfirmed = 0
    for (const e of ledger) {
      const found = byKey.get(`${e.riderId}|${e.key}`) ?? []
      if (e.outcome === 'booked') {
        const ids = new Set(e.bookingIds)
        if (ids.size > 1) handedTwoIds++
        const match = found.find((r) => ids.has(r.id) && r.trip_id === e.tripId && r.seats === e.seats)
        if (!match) lost++
        const c = e.cancel
        if (c && (c.outcome === 'cancelled' || (c.attempts > 1 && c.code === 'BOOKING_NOT_ACTIVE'))) {
          cancelsConfirmed++
          if (match?.status !== 'CANCELLED') cancelLost++
        }
      } else if (e.outcome === 'refused') {
        if (found.length > 0) refusedButBooked++
      } else if (found.length > 0) {
        bookedButUnconfirmed++
      }
    }
    const known = new Set(ledger.map((e) => `${e.riderId}|${e.key}`))
    const [allRows] = await q<{ n: string }>('SELECT count(*) AS n FROM bookings')
    const unknownBookings = Number(allRows!.n) - rows.filter((r) => known.has(`${r.rider_id}|${r.idempotency_key}`)).length
    const toldBooked = ledger.filter((e) => e.outcome === 'booked')
    return {
      runs: Number(totals!.runs),
      bookings: Number(totals!.bookings),
      oversold: Number(oversold!.n),
      counterMismatches: Number(mismatch!.n),
      partialBookings: Number(partial!.n),
      lost,
      duplicated: Number(dupRows!.n) + handedTwoIds,
      refusedButBooked,
      bookedButUnconfirmed,
      cancelLost,
      cancelsConfirmed,
      unknownBookings,
      gaveUp: ledger.filter((e) => e.outcome === 'gave-up').length,
      toldBooked: toldBooked.length,
      seatsSold: Number(totals!.seats_taken),
      seatsTotal: Number(totals!.seats_total),
    }
  } finally {
    await client.end()
  }
}
