// The simulated riders: `concurrency` loops that search (GET /api/trips with varied filters) and
// book (POST /api/trips/:id/bookings, a fresh Idempotency-Key per booking) until the time is up;
// some cancel a booking they just got (DELETE /api/bookings/:id), so seats free up, waitlisted
// parties are promoted and seats keep changing hands for the whole run instead of selling out once.
// A booking or cancellation that fails with a 5xx, a network error or a time-out is retried (a
// booking with THE SAME key), as a real client would; the ledger remembers what each was finally told.
// Plain node:http with one keep-alive agent (`concurrency` sockets): no dependency, and each loop
// has at most one request in flight.
import { randomUUID } from 'node:crypto'
import http from 'node:http'
import type { LoadRider, LoadRun } from './seed'

export type Kind = 'search' | 'book' | 'cancel'

export type Sample = {
  kind: Kind
  /** HTTP status, or 'ERR:<code>' for a network error, 'TIMEOUT' for no answer within the client time-out. */
  status: number | string
  /** The error code of a JSON error body (TRIP_FULL, SERVICE_UNAVAILABLE, …). */
  code?: string
  retryAfter?: string
  start: number
  end: number
  ms: number
}

/** What the client was finally told about one Idempotency-Key. */
export type LedgerEntry = {
  key: string
  riderId: string
  tripId: string
  seats: number
  attempts: number
  outcome: 'booked' | 'refused' | 'gave-up'
  status: number | string
  code?: string
  /** Every booking id the client was handed for this key (more than one would be a duplicate). */
  bookingIds: string[]
  bookingStatus?: string
  /** When the client asked to cancel the booking it got: what it was finally told. */
  cancel?: { outcome: 'cancelled' | 'refused' | 'gave-up'; status: number | string; code?: string; attempts: number }
}

export type ScenarioResult = { samples: Sample[]; ledger: LedgerEntry[]; startedAt: number; endedAt: number; loadEndedAt: number }

type Response = { status: number | string; body: string; headers: http.IncomingHttpHeaders; start: number; end: number }

export const CLIENT_TIMEOUT_MS = 20_000

export function createClient(port: number, sockets: number) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: sockets, maxFreeSockets: sockets })
  function send(method: string, path: string, headers: Record<string, string>, body?: string): Promise<Response> {
    return new Promise((resolve) => {
      const start = performance.now()
      let done = false
      const finish = (r: Omit<Response, 'start' | 'end'>) => {
        if (done) return
        done = true
        clearTimeout(timer)
        resolve({ ...r, start, end: performance.now() })
      }
      const req = http.request({ host: '127.0.0.1', port, method, path, agent, headers: body ? { ...headers, 'content-length': Buffer.byteLength(body) } : headers })
      const timer = setTimeout(() => {
        finish({ status: 'TIMEOUT', body: '', headers: {} })
        req.destroy()
      }, CLIENT_TIMEOUT_MS)
      req.on('response', (res) => {
        const chunks: Buffer[] = []
        res.on('data', (c: Buffer) => chunks.push(c))
        res.on('end', () => finish({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8'), headers: res.headers }))
        res.on('error', (e: NodeJS.ErrnoException) => finish({ status: `ERR:${e.code ?? e.message}`, body: '', headers: {} }))
      })
      req.on('error', (e: NodeJS.ErrnoException) => finish({ status: `ERR:${e.code ?? e.message}`, body: '', headers: {} }))
      req.end(body)
    })
  }
  return { send, close: () => agent.destroy() }
}

function errorCode(body: string): string | undefined {
  try {
    return (JSON.parse(body) as { error?: { code?: string } }).error?.code
  } catch {
    return undefined
  }
}

const pick = <T>(items: readonly T[]): T => items[Math.floor(Math.random() * items.length)]!
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

function searchPath(dates: string[]): string {
  const d = pick(dates)
  const first = dates[0]!
  const last = dates.at(-1)!
  const variants = [
    `date=${d}`,
    `date=${d}&from=almaty`,
    `date=${d}&from=shymkent&to=tashkent`,
    `dateFrom=${first}&dateTo=${last}&checkpoint=korday&sort=price`,
    `dateFrom=${first}&dateTo=${last}&from=taraz&limit=5`,
    `dateFrom=${first}&dateTo=${last}&seats=2`,
    `date=${d}&includeFull=1&limit=50`,
    `from=almaty&to=bishkek&seats=3&sort=price`,
  ]
  return `/api/trips?${pick(variants)}`
}

export type ScenarioOptions = {
  port: number
  concurrency: number
  durationMs: number
  /** Share of operations that are searches (the rest are bookings). */
  searchShare: number
  /** Share of successful bookings the rider cancels straight away. */
  cancelShare: number
  riders: LoadRider[]
  runs: LoadRun[]
  dates: string[]
  cookies: Map<string, string>
  /** After the load stops, retries of unresolved bookings may go on this long. */
  drainMs: number
  /** Cap on waiting for Retry-After between retries of one booking. */
  maxRetryWaitMs: number
}

export async function runScenario(options: ScenarioOptions): Promise<ScenarioResult> {
  const client = createClient(options.port, options.concurrency)
  const samples: Sample[] = []
  const ledger: LedgerEntry[] = []
  const startedAt = performance.now()
  const loadEndsAt = startedAt + options.durationMs
  const drainEndsAt = loadEndsAt + options.drainMs

  const record = (kind: Kind, r: Response): Sample => {
    const sample: Sample = { kind, status: r.status, start: r.start, end: r.end, ms: r.end - r.start }
    if (typeof r.status === 'number' && r.status >= 400) sample.code = errorCode(r.body)
    const retryAfter = r.headers['retry-after']
    if (typeof retryAfter === 'string') sample.retryAfter = retryAfter
    samples.push(sample)
    return sample
  }

  async function search() {
    let r = await client.send('GET', searchPath(options.dates), { accept: 'application/json' })
    record('search', r)
    // Now and then the next page, by the cursor the first page handed out.
    if (r.status === 200 && Math.random() < 0.2) {
      const cursor = (JSON.parse(r.body) as { nextCursor?: string | null }).nextCursor
      if (cursor && performance.now() < loadEndsAt) {
        r = await client.send('GET', `/api/trips?dateFrom=${options.dates[0]}&dateTo=${options.dates.at(-1)}&cursor=${cursor}`, { accept: 'application/json' })
        record('search', r)
      }
    }
  }

  async function book() {
    const rider = pick(options.riders)
    const party = rider.travellerIds.length > 1 && Math.random() < 0.6 ? rider.travellerIds : rider.travellerIds.slice(0, 1)
    const run = pick(options.runs)
    const entry: LedgerEntry = {
      key: `lt-${randomUUID()}`,
      riderId: rider.id,
      tripId: run.id,
      seats: party.length,
      attempts: 0,
      outcome: 'gave-up',
      status: '',
      bookingIds: [],
    }
    ledger.push(entry)
    const body = JSON.stringify({ travellerIds: party, joinWaitlist: Math.random() < 0.1 })
    const headers = { 'content-type': 'application/json', accept: 'application/json', cookie: options.cookies.get(rider.id)!, 'idempotency-key': entry.key }
    for (;;) {
      entry.attempts++
      const r = await client.send('POST', `/api/trips/${run.id}/bookings`, headers, body)
      const sample = record('book', r)
      entry.status = r.status
      entry.code = sample.code
      if (r.status === 201 || r.status === 200) {
        const booking = JSON.parse(r.body) as { id: string; status: string }
        entry.bookingIds.push(booking.id)
        entry.bookingStatus = booking.status
        entry.outcome = 'booked'
        if (Math.random() < options.cancelShare) await cancel(entry, booking.id, headers.cookie)
        return
      }
      const retryable = typeof r.status === 'string' || r.status >= 500
      if (!retryable) {
        entry.outcome = 'refused'
        return
      }
      if (performance.now() > drainEndsAt) return // gave up
      const retryAfterMs = Number(sample.retryAfter ?? 1) * 1000
      await sleep(Math.min(retryAfterMs, options.maxRetryWaitMs) * (0.75 + Math.random() * 0.5))
    }
  }

  async function cancel(entry: LedgerEntry, bookingId: string, cookie: string) {
    const outcome: NonNullable<LedgerEntry['cancel']> = { outcome: 'gave-up', status: '', attempts: 0 }
    entry.cancel = outcome
    for (;;) {
      outcome.attempts++
      const r = await client.send('DELETE', `/api/bookings/${bookingId}`, { accept: 'application/json', cookie })
      const sample = record('cancel', r)
      outcome.status = r.status
      outcome.code = sample.code
      if (r.status === 200) return void (outcome.outcome = 'cancelled')
      if (typeof r.status === 'number' && r.status < 500) return void (outcome.outcome = 'refused')
      if (performance.now() > drainEndsAt) return
      await sleep(Math.min(Number(sample.retryAfter ?? 1) * 1000, options.maxRetryWaitMs) * (0.75 + Math.random() * 0.5))
    }
  }

  async function rider() {
    while (performance.now() < loadEndsAt) {
      if (Math.random() < options.searchShare) await search()
      else await book()
    }
  }

  await Promise.all(Array.from({ length: options.concurrency }, () => rider()))
  const endedAt = performance.now()
  client.close()
  return { samples, ledger, startedAt, endedAt, loadEndedAt: Math.min(loadEndsAt, endedAt) }
}

/** Polls GET /api/health (outside the load's statistics) to time the recovery. */
export function startHealthProbe(port: number, everyMs: number) {
  const client = createClient(port, 1)
  const probes: { at: number; status: number | string; ms: number }[] = []
  let running = true
  const loop = (async () => {
    while (running) {
      const r = await client.send('GET', '/api/health', { accept: 'application/json' })
      probes.push({ at: r.end, status: r.status, ms: r.end - r.start })
      await sleep(everyMs)
    }
  })()
  return {
    probes,
    stop: async () => {
      running = false
      await loop
      client.close()
    },
  }
}
