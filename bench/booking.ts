// Booking under contention: 500 signed-in riders at once ask for the last seats of 20 runs through
// POST /api/trips/:id/bookings. Every seat must be sold exactly once (the bench fails otherwise),
// and the throughput is set beside the same seat-taking done in raw SQL through plain `pg` (a
// conditional UPDATE, then the booking, its traveller and the two notifications in one
// transaction, on a pool as large as the app's).
import pg from 'pg'
import { addDaysIso, todayInKz } from '@/lib/dates/kz-date'
import { RULE_VERSION } from '@/lib/stay-rules'
import { processCpuMs } from './lib/load'
import { queriesSince, resetQueryCounts, slowestStatements, type StatementTime } from './lib/query-counts'
import { mintSessionCookie } from './lib/session'

export const RUNS = 20
export const REQUESTS = 500

export type RunSet = { tripIds: string[]; seatsAvailable: number }
export type Rider = { userId: string; travellerId: string; name: string; email: string }

/** 20 runs of 4 seats leaving at 08:00 Kazakhstan time (03:00 UTC), 1–3 of them still free (the rest sold to earlier riders, with their bookings). */
export async function createRuns(client: pg.Client, options: { on: string; firstDriver: number; firstEarlyRider: number; seats?: number; free?: (i: number) => number; runs?: number }): Promise<RunSet> {
  const runs = options.runs ?? RUNS
  const seats = options.seats ?? 4
  const free = options.free ?? ((i: number) => 1 + (i % 3))
  const tripIds: string[] = []
  let seatsAvailable = 0
  for (let i = 0; i < runs; i++) {
    const left = free(i)
    const taken = seats - left
    const { rows } = await client.query<{ id: string }>(
      `INSERT INTO trips (driver_id, car_id, origin_city_id, pickup_label, pickup_lat, pickup_lng, checkpoint_id, destination_city_id,
         departure_at, departure_on, round_trip, return_at, return_on, seats_total, seats_taken, pricing_mode, price_per_seat_tenge,
         seat_price_tenge, approval_mode, updated_at)
       SELECT d.user_id, d.car_id, 'almaty', 'Автовокзал «Сайран»', 43.2406, 76.8625, 'korday', 'bishkek',
         ($1::date + time '03:00') AT TIME ZONE 'UTC', $1::date, true, ($1::date + time '14:00') AT TIME ZONE 'UTC', $1::date,
         $2, $3, 'PER_SEAT', 4000, 4000, 'INSTANT', now()
       FROM bench.drivers d WHERE d.n = $4
       RETURNING id`,
      [options.on, seats, taken, options.firstDriver + i],
    )
    const tripId = rows[0]!.id
    if (taken > 0) {
      await client.query(
        `INSERT INTO bookings (trip_id, rider_id, status, seats, quoted_tenge, cap_tenge, verdict, rule_version, decided_at, updated_at)
         SELECT $1, r.user_id, 'CONFIRMED', 1, 4000, 4000, 'OK', $2, now(), now() FROM bench.riders r
         WHERE r.n BETWEEN $3 AND $3 + $4 - 1`,
        [tripId, RULE_VERSION, options.firstEarlyRider + i * 8, taken],
      )
    }
    tripIds.push(tripId)
    seatsAvailable += left
  }
  return { tripIds, seatsAvailable }
}

/** Riders n … n+count-1 get their own "self" traveller: a citizen of Russia in Kazakhstan for the
 * last 20 days (an open stay — an empty log is not zero days, so without one the check asks for the
 * entry date), allowed on any run of the bench. */
export async function createRiders(client: pg.Client, first: number, count: number): Promise<Rider[]> {
  const { rows } = await client.query<{ user_id: string; traveller_id: string; name: string; email: string }>(
    `WITH t AS (
       INSERT INTO travellers (account_id, is_self, name, citizenship, updated_at)
       SELECT r.user_id, true, u.name, 'RU', now() FROM bench.riders r JOIN users u ON u.id = r.user_id WHERE r.n BETWEEN $1 AND $1 + $2 - 1
       RETURNING id, account_id, name
     ), s AS (
       INSERT INTO stays (traveller_id, entry_on, exit_on, source, updated_at) SELECT t.id, $3::date, NULL, 'MANUAL', now() FROM t
     )
     SELECT t.account_id AS user_id, t.id AS traveller_id, t.name, u.email FROM t JOIN users u ON u.id = t.account_id ORDER BY u.email`,
    [first, count, addDaysIso(todayInKz(), -20)],
  )
  return rows.map((r) => ({ userId: r.user_id, travellerId: r.traveller_id, name: r.name, email: r.email }))
}

type Outcome = { status: number; code?: string }

async function bookOverHttp(url: string, cookies: string[], riders: Rider[], tripIds: string[]): Promise<{ outcomes: Outcome[]; seconds: number }> {
  const started = performance.now()
  const outcomes = await Promise.all(
    riders.map(async (rider, i) => {
      const response = await fetch(`${url}/api/trips/${tripIds[i % tripIds.length]}/bookings`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie: cookies[i]! },
        body: JSON.stringify({ travellerIds: [rider.travellerId] }),
      })
      const body = (await response.json().catch(() => null)) as { error?: { code?: string } } | null
      return { status: response.status, code: body?.error?.code }
    }),
  )
  return { outcomes, seconds: (performance.now() - started) / 1000 }
}

async function bookInSql(databaseUrl: string, poolSize: number, riders: Rider[], tripIds: string[]): Promise<{ sold: number; seconds: number }> {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: poolSize })
  await Promise.all(Array.from({ length: poolSize }, async () => (await pool.connect()).release()))
  let sold = 0
  const started = performance.now()
  await Promise.all(
    riders.map(async (rider, i) => {
      const tripId = tripIds[i % tripIds.length]!
      const client = await pool.connect()
      try {
        await client.query('BEGIN')
        const taken = await client.query<{ seat_price_tenge: number; driver_id: string }>(
          `UPDATE trips SET seats_taken = seats_taken + 1, updated_at = now()
           WHERE id = $1 AND status = 'SCHEDULED' AND departure_at > now() AND seats_taken + 1 <= seats_total
           RETURNING seat_price_tenge, driver_id`,
          [tripId],
        )
        const got = taken.rows[0]
        if (!got) {
          await client.query('ROLLBACK')
          return
        }
        const booking = await client.query<{ id: string }>(
          `INSERT INTO bookings (trip_id, rider_id, status, seats, quoted_tenge, cap_tenge, verdict, rule_version, decided_at, updated_at)
           VALUES ($1, $2, 'CONFIRMED', 1, $3, $3, 'OK', $4, now(), now()) RETURNING id`,
          [tripId, rider.userId, got.seat_price_tenge, RULE_VERSION],
        )
        await client.query(
          `INSERT INTO booking_travellers (booking_id, traveller_id, position, name, verdict, reasons, check_inputs) VALUES ($1, $2, 0, $3, 'OK', '[]', '{}')`,
          [booking.rows[0]!.id, rider.travellerId, rider.name],
        )
        const params = JSON.stringify({ tripId, bookingId: booking.rows[0]!.id, seats: 1 })
        await client.query(`INSERT INTO notifications (user_id, kind, params) VALUES ($1, 'BOOKING_CONFIRMED', $3), ($2, 'BOOKING_RECEIVED', $3)`, [rider.userId, got.driver_id, params])
        await client.query('COMMIT')
        sold++
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined)
        throw error
      } finally {
        client.release()
      }
    }),
  )
  const seconds = (performance.now() - started) / 1000
  await pool.end()
  return { sold, seconds }
}

type RunCheck = { id: string; seats_total: number; seats_taken: number; live_seats: number }

async function checkRuns(client: pg.Client, tripIds: string[]): Promise<RunCheck[]> {
  const { rows } = await client.query<RunCheck>(
    `SELECT t.id, t.seats_total, t.seats_taken,
       coalesce(sum(b.seats) FILTER (WHERE b.status IN ('PENDING', 'CONFIRMED')), 0)::int AS live_seats
     FROM trips t LEFT JOIN bookings b ON b.trip_id = t.id WHERE t.id = ANY($1::uuid[]) GROUP BY t.id`,
    [tripIds],
  )
  return rows
}

export type BookingFigures = {
  requests: number
  runs: number
  seatsAvailable: number
  seatsSold: number
  oversoldRuns: number
  statuses: Record<string, number>
  httpSeconds: number
  rps: number
  sqlRps: number
  sqlSold: number
  ofLimit: number
  /** Statements the database ran per booking request (pg_stat_statements), BEGIN/COMMIT included. */
  queriesPerRequest: number | null
  /** CPU the app spent per booking request (all its threads). */
  appCpuMs: number | null
  /** Where the database's time went during the app's round (lock waits count here). */
  slowest: StatementTime[]
  ok: boolean
  problems: string[]
}

export async function benchBooking(url: string, databaseUrl: string, secret: string, poolSize: number, pid?: number): Promise<BookingFigures> {
  const client = new pg.Client({ connectionString: databaseUrl })
  await client.connect()
  try {
    const today = todayInKz()
    // Three separate days, runs, drivers and riders: warm-up, the app, the SQL limit.
    const warmRuns = await createRuns(client, { on: addDaysIso(today, 10), firstDriver: 1800, firstEarlyRider: 45_000, runs: 4, seats: 8, free: () => 6 })
    const appRuns = await createRuns(client, { on: addDaysIso(today, 11), firstDriver: 1830, firstEarlyRider: 45_100 })
    const sqlRuns = await createRuns(client, { on: addDaysIso(today, 12), firstDriver: 1860, firstEarlyRider: 45_300 })
    const warmRiders = await createRiders(client, 41_001, 40)
    const appRiders = await createRiders(client, 42_001, REQUESTS)
    const sqlRiders = await createRiders(client, 43_001, REQUESTS)
    await client.query('ANALYZE travellers')
    const cookiesOf = (riders: Rider[]) => Promise.all(riders.map((r) => mintSessionCookie(secret, { id: r.userId, name: r.name, email: r.email })))
    const warmCookies = await cookiesOf(warmRiders)
    const appCookies = await cookiesOf(appRiders)

    // Warm-up: both outcomes (booked, full) compiled and JIT-warm before the measured round.
    await bookOverHttp(url, warmCookies.slice(0, 10), warmRiders.slice(0, 10), warmRuns.tripIds)
    await bookOverHttp(url, warmCookies.slice(10), warmRiders.slice(10), warmRuns.tripIds)

    await resetQueryCounts(client)
    const cpuBefore = processCpuMs(pid)
    const http = await bookOverHttp(url, appCookies, appRiders, appRuns.tripIds)
    const cpuAfter = processCpuMs(pid)
    const statementsRun = await queriesSince(client)
    const slowest = await slowestStatements(client)
    const sql = await bookInSql(databaseUrl, poolSize, sqlRiders, sqlRuns.tripIds)

    const statuses: Record<string, number> = {}
    for (const o of http.outcomes) {
      const key = o.code ? `${o.status} ${o.code}` : String(o.status)
      statuses[key] = (statuses[key] ?? 0) + 1
    }
    const seatsSold = http.outcomes.filter((o) => o.status === 201).length
    const checks = await checkRuns(client, appRuns.tripIds)
    const oversold = checks.filter((r) => r.live_seats > r.seats_total || r.seats_taken > r.seats_total)
    const problems: string[] = []
    for (const r of oversold) problems.push(`run ${r.id} OVERSOLD: ${r.live_seats} live seats of ${r.seats_total}`)
    if (seatsSold > appRuns.seatsAvailable) problems.push(`OVERSOLD: ${seatsSold} bookings accepted for ${appRuns.seatsAvailable} free seats`)
    for (const r of checks.filter((c) => c.live_seats !== c.seats_taken)) problems.push(`run ${r.id}: seats_taken ${r.seats_taken} but live bookings hold ${r.live_seats}`)
    if (seatsSold < appRuns.seatsAvailable) problems.push(`undersold: ${seatsSold} of ${appRuns.seatsAvailable} free seats sold`)
    const failed = http.outcomes.filter((o) => o.status >= 500).length
    if (failed) problems.push(`${failed} requests failed with 5xx`)
    if (sql.sold !== sqlRuns.seatsAvailable) problems.push(`the SQL limit sold ${sql.sold} of ${sqlRuns.seatsAvailable}`)
    const rps = REQUESTS / http.seconds
    const sqlRps = REQUESTS / sql.seconds
    return {
      requests: REQUESTS,
      runs: RUNS,
      seatsAvailable: appRuns.seatsAvailable,
      seatsSold,
      oversoldRuns: oversold.length,
      statuses,
      httpSeconds: http.seconds,
      rps,
      sqlRps,
      sqlSold: sql.sold,
      ofLimit: rps / sqlRps,
      queriesPerRequest: statementsRun === null ? null : statementsRun / REQUESTS,
      appCpuMs: cpuBefore === null || cpuAfter === null ? null : (cpuAfter - cpuBefore) / REQUESTS,
      slowest,
      ok: problems.length === 0,
      problems,
    }
  } finally {
    await client.end()
  }
}
