// The day board on a busy morning: one group, one date, 200 runs and 1,000 booked travellers.
// Times GET /api/dispatch/:groupId/:date (the full board; the page's own poll, ?parties=auto,
// which leaves a busy day's confirmed parties out; and the poll answered 304 "not modified"), one
// opened run (GET …/runs/:tripId), and the page until it is interactive in headless Chromium.
import pg from 'pg'
import { addDaysIso, todayInKz } from '@/lib/dates/kz-date'
import { RULE_VERSION } from '@/lib/stay-rules'
import { openBrowser, type Browser } from './lib/browser'
import { processCpuMs } from './lib/load'
import { queriesSince, resetQueryCounts } from './lib/query-counts'
import { mintSessionCookie } from './lib/session'
import { summarise, median, type Latency } from './lib/stats'

export const BOARD_RUNS = 200
/** Parties per run (seats): 2 + 1 + 1 + 1 = 5 travellers a run, 1,000 in all. */
const PARTIES = [2, 1, 1, 1]

export type BoardSetup = { groupId: string; date: string; cookie: string; coordinatorId: string }

export async function createBoardDay(databaseUrl: string, secret: string): Promise<BoardSetup> {
  const client = new pg.Client({ connectionString: databaseUrl })
  await client.connect()
  try {
    const date = addDaysIso(todayInKz(), 2)
    const { rows: [coordinator] } = await client.query<{ id: string; name: string; email: string }>(
      `INSERT INTO users (email, name, password_hash, roles, locale, updated_at)
       VALUES ('coordinator@bench.poputka.kz', 'Дина Ахметова', 'x', ARRAY['PASSENGER', 'COORDINATOR']::"Role"[], 'ru', now())
       RETURNING id, name, email`,
    )
    const { rows: [group] } = await client.query<{ id: string }>(`INSERT INTO groups (name, created_by_id) VALUES ('Алматы — утренние рейсы', $1) RETURNING id`, [coordinator!.id])
    const groupId = group!.id
    await client.query(`INSERT INTO group_members (group_id, user_id, role) VALUES ($1, $2, 'COORDINATOR')`, [groupId, coordinator!.id])
    await client.query(`INSERT INTO group_members (group_id, user_id, role) SELECT $1, user_id, 'DRIVER' FROM bench.drivers WHERE n <= 100`, [groupId])
    // 200 runs of 7 seats between 05:00 and 19:59, to Kyrgyzstan and Uzbekistan, 5 seats sold each.
    await client.query(
      `INSERT INTO trips (driver_id, car_id, origin_city_id, pickup_label, pickup_lat, pickup_lng, checkpoint_id, destination_city_id,
         departure_at, departure_on, round_trip, return_at, return_on, seats_total, seats_taken, pricing_mode, price_per_seat_tenge,
         seat_price_tenge, approval_mode, group_id, updated_at)
       SELECT d.user_id, d.car_id, CASE WHEN i % 3 = 2 THEN 'shymkent' ELSE 'almaty' END, 'Автовокзал «Сайран»', 43.2406, 76.8625,
         CASE WHEN i % 3 = 2 THEN 'kaplanbek' WHEN i % 3 = 1 THEN 'karasu' ELSE 'korday' END,
         CASE WHEN i % 3 = 2 THEN 'tashkent' ELSE 'bishkek' END,
         ($1::date + make_interval(mins => (i * 287) % 900)) AT TIME ZONE 'UTC', $1::date, true,
         ($1::date + make_interval(mins => (i * 287) % 900 + 240)) AT TIME ZONE 'UTC', $1::date,
         7, 5, 'PER_SEAT', 4500, 4500, 'INSTANT', $2, now()
       FROM generate_series(0, ${BOARD_RUNS - 1}) i JOIN bench.drivers d ON d.n = 1 + i % 100`,
      [date, groupId],
    )
    // departure_at above is 00:00–14:59 UTC = 05:00–19:59 in Kazakhstan (back by 23:59).
    await client.query(
      `WITH runs AS (SELECT id, row_number() OVER (ORDER BY departure_at, id) - 1 AS i FROM trips WHERE group_id = $1 AND departure_on = $2::date),
       parties AS (SELECT r.id AS trip_id, r.i, k, (ARRAY[${PARTIES.join(',')}])[k] AS seats FROM runs r, generate_series(1, ${PARTIES.length}) k),
       b AS (
         INSERT INTO bookings (id, trip_id, rider_id, status, seats, quoted_tenge, cap_tenge, verdict, rule_version, warning_acknowledged,
           payment_state, decided_at, created_at, updated_at)
         SELECT gen_random_uuid(), p.trip_id, rr.user_id, 'CONFIRMED', p.seats, 4500 * p.seats, 4500 * p.seats,
           CASE WHEN (p.i + p.k) % 17 = 0 THEN 'WARN' ELSE 'OK' END::"Verdict", $3, (p.i + p.k) % 17 = 0,
           CASE WHEN (p.i + p.k) % 5 = 0 THEN 'PAID' ELSE 'OWED' END::"PaymentState", now() - interval '1 day',
           now() - make_interval(mins => (2000 - p.i * 4 - p.k)::int), now() - interval '1 day'
         FROM parties p JOIN bench.riders rr ON rr.n = 30001 + p.i * ${PARTIES.length} + p.k
         RETURNING id, rider_id, seats, verdict)
       INSERT INTO booking_travellers (booking_id, position, name, verdict, reasons, check_inputs)
       SELECT b.id, pos, u.name || CASE WHEN pos > 0 THEN ' (спутник)' ELSE '' END, b.verdict, '[]', '{}'
       FROM b JOIN users u ON u.id = b.rider_id, generate_series(0, b.seats - 1) pos`,
      [groupId, date, RULE_VERSION],
    )
    // A few parties waiting for a seat (unassigned demand on the board).
    await client.query(
      `INSERT INTO bookings (trip_id, rider_id, status, seats, quoted_tenge, cap_tenge, verdict, rule_version, created_at, updated_at)
       SELECT t.id, rr.user_id, 'WAITLISTED', 1, 4500, 4500, 'OK', $3, now() - interval '2 hours', now()
       FROM (SELECT id, row_number() OVER (ORDER BY departure_at, id) AS i FROM trips WHERE group_id = $1 AND departure_on = $2::date) t
       JOIN bench.riders rr ON rr.n = 35001 + t.i
       WHERE t.i % 10 = 0`,
      [groupId, date, RULE_VERSION],
    )
    await client.query('ANALYZE trips, bookings, booking_travellers, group_members')
    const cookie = await mintSessionCookie(secret, coordinator!)
    return { groupId, date, cookie, coordinatorId: coordinator!.id }
  } finally {
    await client.end()
  }
}

export type BoardDataFigures = {
  full: Latency
  notModified: Latency
  bytes: number
  /** The page's poll (?parties=auto) when the board changed, and its size. */
  auto: Latency
  autoBytes: number
  /** One opened run with its parties. */
  run: Latency
  runBytes: number
  runs: number
  travellers: number
  queriesPerRequest: number | null
  /** CPU the app spent per full board request (all its threads). */
  appCpuMs: number | null
  /** Statements the database ran with no request in flight, over as long as the counted requests
   * took: background work (a job of the app) that the two figures above would include. 0 expected. */
  backgroundStatements: number | null
  /** The app's background jobs that ran while the statements were counted (job_runs): theirs are in
   * `queriesPerRequest`. Empty expected (the bench runs the app with few jobs: POPUTKA_JOBS). */
  jobsDuring: string[]
}

/** Requests whose statements are counted (their mean is `queriesPerRequest`). */
const COUNTED = 10

/** Jobs that ran (or were still running) at any time since `since`, by the database's clock. */
async function jobsSince(client: pg.Client, since: Date): Promise<string[]> {
  const { rows } = await client.query<{ job: string }>(
    `SELECT DISTINCT job FROM job_runs WHERE finished_at IS NULL OR finished_at >= $1 OR started_at >= $1 ORDER BY job`,
    [since],
  )
  return rows.map((r) => r.job)
}

export async function benchBoardData(url: string, databaseUrl: string, board: BoardSetup, pid?: number, requests = 200): Promise<BoardDataFigures> {
  const path = `${url}/api/dispatch/${board.groupId}/${board.date}`
  const headers = { cookie: board.cookie, accept: 'application/json' }
  const get = async (extra: Record<string, string> = {}) => {
    const t = performance.now()
    const response = await fetch(path, { headers: { ...headers, ...extra } })
    const body = await response.text()
    return { ms: performance.now() - t, status: response.status, body, etag: response.headers.get('etag') }
  }
  const first = await get()
  if (first.status !== 200) throw new Error(`GET ${path}: HTTP ${first.status} ${first.body.slice(0, 300)}`)
  const parsed = JSON.parse(first.body) as { directions?: { runs: { id: string; parties: { travellers: unknown[] }[] }[] }[] }
  const runs = parsed.directions?.flatMap((d) => d.runs) ?? []
  const travellers = runs.reduce((n, r) => n + r.parties.reduce((m, p) => m + p.travellers.length, 0), 0)
  for (let i = 0; i < 20; i++) await get() // warm-up

  // Statements: pg_stat_statements counts the whole database, so a background job of the app that
  // runs meanwhile (the daily re-check of live bookings, ~10 statements a booking) is counted as if
  // the board ran it. The same span with no request says whether anything else ran.
  const client = new pg.Client({ connectionString: databaseUrl })
  await client.connect()
  const measuringSince = (await client.query<{ now: Date }>('SELECT now()')).rows[0]!.now
  await resetQueryCounts(client)
  const counting = performance.now()
  for (let i = 0; i < COUNTED; i++) await get()
  const counted = performance.now() - counting
  const statements = await queriesSince(client)
  await resetQueryCounts(client)
  await new Promise((resolve) => setTimeout(resolve, counted))
  const backgroundStatements = await queriesSince(client)
  const jobsDuring = await jobsSince(client, measuringSince).catch(() => [])
  await client.end()

  const full: number[] = []
  const cpuBefore = processCpuMs(pid)
  // The version the polls send: the latest seen (the app's first daily re-check of live bookings
  // may change the board just after it starts).
  let etag = first.etag
  for (let i = 0; i < requests; i++) {
    const r = await get()
    if (r.status !== 200) throw new Error(`board: HTTP ${r.status}`)
    full.push(r.ms)
    etag = r.etag ?? etag
  }
  const cpuAfter = processCpuMs(pid)
  const notModified: number[] = []
  if (etag) {
    for (let i = 0; i < requests; i++) {
      const r = await get({ 'if-none-match': etag })
      if (r.status !== 304) throw new Error(`board poll: HTTP ${r.status}, not 304`)
      notModified.push(r.ms)
    }
  }
  const timed = async (url: string, n: number) => {
    const samples: number[] = []
    let bytes = 0
    for (let i = 0; i < n + 10; i++) {
      const t = performance.now()
      const response = await fetch(url, { headers })
      const body = await response.text()
      if (response.status !== 200) throw new Error(`${url}: HTTP ${response.status} ${body.slice(0, 200)}`)
      if (i >= 10) samples.push(performance.now() - t) // the first 10 warm up
      bytes = Buffer.byteLength(body)
    }
    return { latency: summarise(samples), bytes }
  }
  const auto = await timed(`${path}?parties=auto`, requests)
  const someRun = runs[Math.floor(runs.length / 2)] as unknown as { id: string } | undefined
  const run = someRun ? await timed(`${path}/runs/${someRun.id}`, requests) : { latency: summarise([]), bytes: 0 }
  return {
    full: summarise(full),
    notModified: summarise(notModified),
    bytes: Buffer.byteLength(first.body),
    auto: auto.latency,
    autoBytes: auto.bytes,
    run: run.latency,
    runBytes: run.bytes,
    runs: runs.length,
    travellers,
    queriesPerRequest: statements === null ? null : statements / COUNTED,
    appCpuMs: cpuBefore === null || cpuAfter === null ? null : (cpuAfter - cpuBefore) / requests,
    backgroundStatements,
    jobsDuring,
  }
}

export type InteractiveFigures = {
  /** Median over the visits of: navigation start → every control on the board has its handlers
   * (Infinity: not within the time limit). */
  interactiveMs: number
  visits: number[]
  domContentLoadedMs: number
  /** The page's HTML as sent (compressed) and as parsed. */
  htmlEncodedBytes: number
  htmlDecodedBytes: number
  controls: number
}

/** A visit that takes longer is reported as "more than this" and the others are skipped. */
const VISIT_LIMIT_MS = 20_000

/** Time until the board's controls respond: React has attached handlers (hydrated) to every
 * button, link and field in [data-testid="board"]. A fresh browser context per visit (cold cache). */
export async function benchBoardPage(url: string, board: BoardSetup, visits = 3, browser?: Browser): Promise<InteractiveFigures> {
  const own = browser ? null : await openBrowser()
  const b = browser ?? own!
  try {
    const times: number[] = []
    const dcl: number[] = []
    let html = { encoded: 0, decoded: 0, controls: 0 }
    for (let i = 0; i < visits; i++) {
      const context = await b.newContext({ viewport: { width: 1280, height: 900 } })
      const [name, ...rest] = board.cookie.split('=')
      await context.addCookies([{ name: name!, value: rest.join('='), url }])
      const page = await context.newPage()
      try {
        const deadline = Date.now() + VISIT_LIMIT_MS
        await page.goto(`${url}/dispatch/${board.groupId}/${board.date}`, { waitUntil: 'domcontentloaded', timeout: VISIT_LIMIT_MS })
        // Interactive: every control on the board carries React's props, i.e. hydration reached it.
        // (Polled from outside the page: an in-page timer loop competes with hydration for the thread.)
        await page.waitForFunction(
          () => {
            const w = window as unknown as { __interactiveAt?: number; __controls?: number }
            const root = document.querySelector('[data-testid="board"]')
            if (!root || document.readyState === 'loading') return false
            const controls = root.querySelectorAll('button, a[href], select, input')
            const ready = controls.length > 0 && Array.from(controls).every((el) => Object.keys(el).some((k) => k.startsWith('__reactProps')))
            if (ready) {
              w.__interactiveAt = performance.now()
              w.__controls = controls.length
            }
            return ready
          },
          undefined,
          { timeout: Math.max(1, deadline - Date.now()), polling: 20 },
        )
        const figures = await page.evaluate(() => {
          const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming
          const w = window as unknown as { __interactiveAt: number; __controls: number }
          return { interactive: w.__interactiveAt, domContentLoaded: nav.domContentLoadedEventEnd, encoded: nav.encodedBodySize, decoded: nav.decodedBodySize, controls: w.__controls }
        })
        times.push(figures.interactive)
        dcl.push(figures.domContentLoaded)
        html = { encoded: figures.encoded, decoded: figures.decoded, controls: figures.controls }
      } catch {
        // Too slow to wait for: say so, and spare the other visits.
        times.push(Infinity)
        dcl.push(Infinity)
        const response = await fetch(`${url}/dispatch/${board.groupId}/${board.date}`, { headers: { cookie: board.cookie } })
        const body = await response.text()
        html = { encoded: NaN, decoded: Buffer.byteLength(body), controls: (body.match(/<(button|select|input)\b/g) ?? []).length }
        await context.close()
        break
      }
      await context.close()
    }
    return { interactiveMs: median(times), visits: times, domContentLoadedMs: median(dcl), htmlEncodedBytes: html.encoded, htmlDecodedBytes: html.decoded, controls: html.controls }
  } finally {
    await own?.close()
  }
}
