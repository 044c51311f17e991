// npm run loadtest — load and fault scenarios against a local production server, loopback only,
// bounded in time (about 3 minutes plus a build if the sources changed), stops by itself.
//
//   A. load: simulated riders search, book and cancel across 50 runs at concurrency 100 for 30 s —
//      once against the app on one process, once on one process per core (`npm start`'s default),
//      side by side.
//   B. database restart, on one process per core: the same load; at 10 s the PostgreSQL server is
//      stopped under the running app, kept down 5 s and started again on the same data. Clients
//      retry failed bookings with the same Idempotency-Key.
// After each, SQL checks: no run oversold, counters equal bookings, every booking a client was told
// succeeded exists exactly once. Prints a table, writes test-results/loadtest.json, exits non-zero
// when an invariant fails (oversold, lost, duplicated, a 500, a hang, no recovery within 30 s).
//
// The app delivers its notices meanwhile (POPUTKA_JOBS=deliver) to a local SMTP server and a fake
// Telegram Bot API started here; after each scenario the outbox is drained and its delivery latency
// (commit → sent) is reported (scripts/loadtest/delivery.ts). A notice not delivered is a failure.
//
// Its own throwaway embedded PostgreSQL (fsync on, like production) in a temp folder, and the app as
// a child process (scripts/loadtest/app-server.ts) with rate limits raised for the synthetic riders.
// LOADTEST_DURATION_MS (30000), LOADTEST_POOL_SIZE (10, the app's DATABASE_POOL_SIZE, per process)
// and LOADTEST_PROCESSES (the cores) change the run for experiments.
import { spawn, type ChildProcess } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { chmodSync, closeSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { availableParallelism, cpus, loadavg, tmpdir } from 'node:os'
import path from 'node:path'
import { encode } from 'next-auth/jwt'
import { ensureProductionBuild } from '../lib/build'
import { findFreePort, startEmbeddedPostgres, type EmbeddedDatabase } from '../lib/embedded-postgres'
import { prepareDatabase } from '../lib/prepare-database'
import { startActivitySampler, type ActivityPeak } from './db-sampler'
import { deliveryFigures, drainOutbox, linkTelegram, received, resetReceived, startOutside, type DeliveryFigures } from './delivery'
import { createClient, runScenario, startHealthProbe, type ScenarioResult } from './load'
import { formatCounts, formatLatency, HANG_MS, printTable, summarize, type Summary } from './report'
import { resetBookings, seedLoadData, type LoadRider } from './seed'
import { verifyInvariants, type Invariants } from './verify'

const CONCURRENCY = 100
const DURATION_MS = Number(process.env.LOADTEST_DURATION_MS ?? 30_000)
const POOL_SIZE = Number(process.env.LOADTEST_POOL_SIZE ?? 10) // the app's default DATABASE_POOL_SIZE
const PROCESSES = Number(process.env.LOADTEST_PROCESSES ?? availableParallelism()) // npm start's default
const OUTAGE_AT_MS = 10_000
const OUTAGE_FOR_MS = 5_000
const RECOVERY_LIMIT_MS = 30_000
/** How long the outbox may take to empty after a scenario (a delivery claimed when the database
 * stopped waits for its 2-minute lease at worst). */
const DRAIN_MS = 150_000
const RUNS = 50
const RIDERS = 2_000
const RESULTS_FILE = path.join(process.cwd(), 'test-results', 'loadtest.json')
const APP_LOG = path.join(process.cwd(), 'test-results', 'loadtest-app.log')
/** The log of the app while it runs on one process per core. */
const CLUSTER_LOG = path.join(process.cwd(), 'test-results', 'loadtest-app-cluster.log')

const t0 = performance.now()
const say = (m: string) => console.log(`[loadtest ${((performance.now() - t0) / 1000).toFixed(1).padStart(5)} s] ${m}`)
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))
const round1 = (n: number) => Math.round(n * 10) / 10

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}

/**
 * A load test killed with SIGKILL leaves its PostgreSQL running (it stops with its parent only on
 * SIGINT/SIGTERM) and its temp folder behind. Each run records its own pid in its folder; folders
 * whose runner is gone are cleaned up here: their postgres stopped, the folder removed.
 */
async function reapAbandonedRuns() {
  for (const name of readdirSync(tmpdir())) {
    if (!name.startsWith('poputka-loadtest-')) continue
    const dir = path.join(tmpdir(), name)
    const pidOf = (file: string) => Number.parseInt(tryRead(path.join(dir, file)).split('\n')[0] ?? '', 10)
    const runner = pidOf('runner.pid')
    if (Number.isInteger(runner) && isAlive(runner)) continue
    const postmaster = pidOf('pg/postmaster.pid')
    if (Number.isInteger(postmaster) && postmaster > 0 && isAlive(postmaster)) {
      say(`stopping PostgreSQL ${postmaster} left by an earlier, killed load test`)
      process.kill(postmaster, 'SIGINT')
      for (let i = 0; i < 50 && isAlive(postmaster); i++) await sleep(100)
    }
    rmSync(dir, { recursive: true, force: true })
  }
}

function tryRead(file: string): string {
  try {
    return readFileSync(file, 'utf8')
  } catch {
    return ''
  }
}

async function mintSessionCookies(riders: LoadRider[], secret: string): Promise<Map<string, string>> {
  const cookies = new Map<string, string>()
  for (const r of riders) {
    // The app reads token.uid (lib/auth/options.ts); `sub` is next-auth's own subject.
    const token = await encode({ token: { uid: r.id, sub: r.id, name: r.name, email: r.email }, secret, maxAge: 60 * 60 })
    cookies.set(r.id, `next-auth.session-token=${token}`)
  }
  return cookies
}

async function startApp(env: Record<string, string>, port: number, logFile: string = APP_LOG): Promise<ChildProcess> {
  mkdirSync(path.dirname(logFile), { recursive: true })
  const logFd = openSync(logFile, 'w')
  // `node --import tsx`: one process, or the primary of its workers, which leave when it does (even
  // after a SIGKILL: their IPC channel closes).
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/loadtest/app-server.ts'], {
    cwd: process.cwd(),
    env: { ...process.env, ...env, LOADTEST_APP_PORT: String(port) },
    stdio: ['ignore', logFd, logFd, 'ipc'],
  })
  closeSync(logFd)
  const client = createClient(port, 1)
  try {
    const deadline = Date.now() + 120_000
    for (;;) {
      if (child.exitCode !== null) throw new Error(`the app exited during start-up (code ${child.exitCode}):\n${tail(logFile)}`)
      const r = await client.send('GET', '/api/health', {})
      if (r.status === 200) return child
      if (Date.now() > deadline) throw new Error(`the app did not answer /api/health within 120 s:\n${tail(logFile)}`)
      await sleep(250)
    }
  } finally {
    client.close()
  }
}

function tail(file: string, lines = 20): string {
  return tryRead(file).trim().split('\n').slice(-lines).join('\n')
}

async function stopApp(child: ChildProcess | undefined): Promise<void> {
  if (!child || child.exitCode !== null || child.signalCode !== null) return
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  child.kill('SIGTERM')
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000)
  await exited
  clearTimeout(timer)
}

/** Loads the route modules (Next loads them on first use) without counting or booking anything. */
async function warmUp(port: number, tripId: string, cookie: string, dates: string[]) {
  const client = createClient(port, 20)
  await Promise.all(
    Array.from({ length: 20 }, async () => {
      for (let i = 0; i < 10; i++) await client.send('GET', `/api/trips?date=${dates[i % dates.length]}`, {})
      await client.send('POST', `/api/trips/${tripId}/bookings`, { 'content-type': 'application/json', cookie }, JSON.stringify({ travellerIds: [] }))
    }),
  )
  client.close()
}

type Outage = { stopAt: number; stoppedAt: number; restartAt: number; restartedAt: number }

function outageFigures(result: ScenarioResult, outage: Outage, probes: { at: number; status: number | string; ms: number }[]) {
  const rel = (t: number) => Math.round(t - result.startedAt)
  const during = result.samples.filter((s) => s.start >= outage.stopAt && s.start < outage.restartedAt)
  const firstOk = result.samples
    .filter((s) => typeof s.status === 'number' && s.status < 300 && s.end >= outage.restartedAt)
    .sort((a, b) => a.end - b.end)[0]
  const firstHealthy = probes.find((p) => p.at >= outage.restartedAt && p.status === 200)
  const firstUnhealthy = probes.find((p) => p.at >= outage.stopAt && p.status !== 200)
  const duringSummary = summarize(during, (outage.restartedAt - outage.stopAt) / 1000)
  const okCount = (kind: string, from: number, to: number) =>
    result.samples.filter((s) => s.kind === kind && (s.status === 201 || s.status === 200) && s.end >= from && s.end < to).length
  return {
    stopAtMs: rel(outage.stopAt),
    stoppedAtMs: rel(outage.stoppedAt),
    restartAtMs: rel(outage.restartAt),
    databaseBackAtMs: rel(outage.restartedAt),
    databaseDownMs: Math.round(outage.restartedAt - outage.stoppedAt),
    requestsDuringOutage: during.length,
    statusesDuringOutage: duringSummary.byStatus,
    codesDuringOutage: duringSummary.byCode,
    latencyDuringOutage: duringSummary.latency,
    /** Seats kept changing hands on both sides of the outage (bookings told 201, cancellations 200). */
    bookedBeforeStop: okCount('book', result.startedAt, outage.stopAt),
    bookedAfterRestart: okCount('book', outage.restartedAt, Infinity),
    cancelledBeforeStop: okCount('cancel', result.startedAt, outage.stopAt),
    cancelledAfterRestart: okCount('cancel', outage.restartedAt, Infinity),
    healthFirstNot200AfterStopMs: firstUnhealthy ? Math.round(firstUnhealthy.at - outage.stopAt) : null,
    firstSuccessAfterRestartMs: firstOk ? Math.round(firstOk.end - outage.restartedAt) : null,
    healthOkAfterRestartMs: firstHealthy ? Math.round(firstHealthy.at - outage.restartedAt) : null,
  }
}

type ScenarioReport = {
  name: string
  /** Processes serving the app (1, or one per core). */
  processes: number
  summary: Summary
  invariants: Invariants
  outage?: ReturnType<typeof outageFigures>
  ledger: Record<string, number>
  /** The machine's 1-minute load average before and after (other work on it skews the figures). */
  loadAverage: [number, number]
  /** Peak of the app's database connections by state during the scenario. */
  database: ActivityPeak
  delivery: DeliveryFigures
}

function failuresOf(r: ScenarioReport): string[] {
  const f: string[] = []
  const i = r.invariants
  if (i.oversold) f.push(`${i.oversold} run(s) oversold`)
  if (i.counterMismatches) f.push(`${i.counterMismatches} run(s) whose seat counter differs from their bookings`)
  if (i.partialBookings) f.push(`${i.partialBookings} half-written booking(s)`)
  if (i.lost) f.push(`${i.lost} booking(s) told "booked" but missing`)
  if (i.duplicated) f.push(`${i.duplicated} duplicated booking(s)`)
  if (i.refusedButBooked) f.push(`${i.refusedButBooked} booking(s) refused to the client but present`)
  if (i.cancelLost) f.push(`${i.cancelLost} cancellation(s) told done but the booking is still live`)
  if (i.unknownBookings) f.push(`${i.unknownBookings} booking(s) no client asked for`)
  if (r.summary.serverErrors) f.push(`${r.summary.serverErrors} 5xx answer(s) other than 503`)
  if (r.summary.networkErrors) f.push(`${r.summary.networkErrors} network error(s) (connection dropped or refused by the app)`)
  if (r.summary.hangs) {
    // A busy machine starves the app's one core; say so beside the figure, the rule stays.
    const busy = Math.max(...r.loadAverage) > cpus().length * 2 ? ` (machine load average up to ${Math.max(...r.loadAverage)} on ${cpus().length} cores: other work was starving the app)` : ''
    f.push(`${r.summary.hangs} request(s) slower than ${HANG_MS / 1000} s${busy}`)
  }
  const undelivered = Object.entries(r.delivery.byStatus).filter(([status]) => status !== 'SENT').reduce((sum, [, n]) => sum + n, 0)
  if (undelivered) f.push(`${undelivered} notice deliveries not sent after draining (${formatCounts(r.delivery.byStatus)})`)
  if (r.outage) {
    const { firstSuccessAfterRestartMs: ok, healthOkAfterRestartMs: health } = r.outage
    if (ok === null || ok > RECOVERY_LIMIT_MS || health === null || health > RECOVERY_LIMIT_MS) f.push(`no recovery within ${RECOVERY_LIMIT_MS / 1000} s of the database's return`)
  }
  return f
}

function printScenario(r: ScenarioReport) {
  const s = r.summary
  const i = r.invariants
  const rows: [string, string][] = [
    ['requests', `${s.requests} in ${s.seconds} s`],
    ['machine load average', `${r.loadAverage[0]} → ${r.loadAverage[1]} on ${cpus().length} cores`],
    ['database connections (peak)', `${r.database.connections} of pool ${POOL_SIZE} × ${r.processes}: ${r.database.active} running, ${r.database.idleInTransaction} idle in a transaction, ${r.database.waitingOnLock} waiting on a lock`],
    ['throughput', `${s.throughput} req/s`],
    ['latency p50 / p95 / p99', formatLatency(s.latency)],
    ['  search', `${s.byKind.search.requests} requests, ${formatLatency(s.byKind.search.latency)}`],
    ['  book', `${s.byKind.book.requests} requests, ${formatLatency(s.byKind.book.latency)}`],
    ['  cancel', `${s.byKind.cancel.requests} requests, ${formatLatency(s.byKind.cancel.latency)}`],
    ['statuses', formatCounts(s.byStatus)],
    ['error codes', formatCounts(s.byCode)],
    ['5xx except 503 / network errors / hangs', `${s.serverErrors} / ${s.networkErrors} / ${s.hangs}`],
    ['503 without Retry-After', String(s.unavailableWithoutRetryAfter)],
    ['booking attempts (keys)', formatCounts(r.ledger)],
    ['seats sold', `${i.seatsSold} of ${i.seatsTotal} on ${i.runs} runs; ${i.bookings} booking rows`],
    ['told booked → present', `${i.toldBooked - i.lost} of ${i.toldBooked} (lost ${i.lost})`],
    ['duplicated', String(i.duplicated)],
    ['oversold runs', String(i.oversold)],
    ['counters ≠ bookings', String(i.counterMismatches)],
    ['half-written bookings', String(i.partialBookings)],
    ['cancellations told done → cancelled', `${i.cancelsConfirmed - i.cancelLost} of ${i.cancelsConfirmed}`],
    ['refused but booked / unknown', `${i.refusedButBooked} / ${i.unknownBookings}`],
    ['booked, client gave up', `${i.bookedButUnconfirmed} (unresolved keys: ${i.gaveUp})`],
    ['notices → deliveries', `${r.delivery.notices} → ${formatCounts(r.delivery.deliveries)}; ${formatCounts(r.delivery.byStatus)}; outbox empty ${(r.delivery.drainedInMs / 1000).toFixed(1)} s after the load`],
    ['delivery latency, commit → sent', `email ${formatLatency(r.delivery.latency.EMAIL)}; Telegram ${formatLatency(r.delivery.latency.TELEGRAM)}`],
    ['accepted → recorded (duplicate window)', `email ${formatLatency(r.delivery.duplicateWindow.EMAIL)}; Telegram ${formatLatency(r.delivery.duplicateWindow.TELEGRAM)}`],
    ['received more than once', `email ${r.delivery.duplicates.EMAIL} (same Message-ID); Telegram ${r.delivery.duplicates.TELEGRAM}`],
  ]
  if (r.outage) {
    const o = r.outage
    rows.push(
      ['database stopped', `at ${(o.stopAtMs / 1000).toFixed(1)} s, down ${(o.databaseDownMs / 1000).toFixed(1)} s, back at ${(o.databaseBackAtMs / 1000).toFixed(1)} s`],
      ['requests during the outage', `${o.requestsDuringOutage}: ${formatCounts(o.statusesDuringOutage)}`],
      ['  their codes', formatCounts(o.codesDuringOutage)],
      ['  their latency', formatLatency(o.latencyDuringOutage)],
      ['bookings / cancellations', `${o.bookedBeforeStop} / ${o.cancelledBeforeStop} before the stop, ${o.bookedAfterRestart} / ${o.cancelledAfterRestart} after the restart`],
      ['health not 200 after stop', o.healthFirstNot200AfterStopMs === null ? 'never' : `${o.healthFirstNot200AfterStopMs} ms`],
      ['first success after restart', o.firstSuccessAfterRestartMs === null ? 'none' : `${o.firstSuccessAfterRestartMs} ms`],
      ['/api/health 200 after restart', o.healthOkAfterRestartMs === null ? 'never' : `${o.healthOkAfterRestartMs} ms`],
    )
  }
  const failures = failuresOf(r)
  rows.push(['verdict', failures.length ? `FAIL: ${failures.join('; ')}` : 'pass'])
  printTable(r.name, rows)
}

/** Scenario A on one process and on one per core, side by side. */
function printComparison(one: ScenarioReport, all: ScenarioReport) {
  const row = (label: string, f: (r: ScenarioReport) => string): [string, string] => [label, `${f(one)}  │  ${f(all)}`]
  const ratio = all.summary.throughput / Math.max(one.summary.throughput, 0.001)
  printTable(`Scenario A on 1 process  │  on ${all.processes} processes`, [
    row('throughput', (r) => `${r.summary.throughput} req/s`),
    row('latency p50 / p95 / p99', (r) => formatLatency(r.summary.latency)),
    row('  search p50 / p99', (r) => `${r.summary.byKind.search.latency.p50} / ${r.summary.byKind.search.latency.p99} ms`),
    row('  book p50 / p99', (r) => `${r.summary.byKind.book.latency.p50} / ${r.summary.byKind.book.latency.p99} ms`),
    row('told booked → present', (r) => `${r.invariants.toldBooked - r.invariants.lost} of ${r.invariants.toldBooked}`),
    row('oversold · duplicated', (r) => `${r.invariants.oversold} · ${r.invariants.duplicated}`),
    row('database connections (peak)', (r) => `${r.database.connections}`),
    row('machine load average', (r) => `${r.loadAverage[0]} → ${r.loadAverage[1]}`),
    ['throughput ratio', `${ratio.toFixed(2)}× on ${all.processes} processes`],
  ])
}

async function main(): Promise<number> {
  const cleanup: (() => Promise<void>)[] = []
  const runCleanup = async () => {
    for (const step of cleanup.splice(0).reverse()) await step().catch((e: unknown) => console.error(e))
  }
  const onSignal = (signal: string) => {
    say(`${signal}: stopping…`)
    void runCleanup().then(() => exitWith(130))
  }
  process.once('SIGINT', () => onSignal('SIGINT'))
  process.once('SIGTERM', () => onSignal('SIGTERM'))

  try {
    await ensureProductionBuild({ log: say })

    await reapAbandonedRuns()
    const dir = mkdtempSync(path.join(tmpdir(), 'poputka-loadtest-'))
    chmodSync(dir, 0o755) // the server runs as OS user `postgres` when we are root
    writeFileSync(path.join(dir, 'runner.pid'), `${process.pid}\n`)
    cleanup.push(async () => rmSync(dir, { recursive: true, force: true }))
    const dbOptions = {
      dataDir: path.join(dir, 'pg'),
      port: await findFreePort(),
      password: randomBytes(12).toString('base64url'),
      database: 'poputka_loadtest',
      persistent: true, // stop() must keep the files: scenario B starts the same cluster again
      quiet: true,
      serverFlags: ['-c', 'max_connections=200'],
    }
    const db: { current?: EmbeddedDatabase } = {}
    db.current = await startEmbeddedPostgres(dbOptions)
    cleanup.push(async () => db.current?.stop())
    const url = db.current.url
    await prepareDatabase(url, { demo: false, log: () => undefined })
    const data = await seedLoadData(url, { runs: RUNS, riders: RIDERS })
    const outside = await startOutside()
    cleanup.push(async () => {
      outside.process.kill('SIGTERM')
    })
    const linked = await linkTelegram(url)
    say(`PostgreSQL on 127.0.0.1:${dbOptions.port}; seeded ${data.runs.length} runs (${data.dates[0]} … ${data.dates.at(-1)}) and ${data.riders.length} riders; ${linked} accounts on Telegram; SMTP at ${outside.smtpUrl}`)

    const secret = randomBytes(32).toString('base64url')
    const cookies = await mintSessionCookies(data.riders, secret)
    const appEnv = {
      NODE_ENV: 'production',
      NEXT_TELEMETRY_DISABLED: '1',
      DATABASE_URL: url,
      NEXTAUTH_SECRET: secret,
      LOG_LEVEL: 'warn',
      DATABASE_POOL_SIZE: String(POOL_SIZE),
      // Only the delivery worker: expiring requests or reminders would change what the checks count.
      POPUTKA_JOBS: 'deliver',
      SMTP_URL: outside.smtpUrl,
      MAIL_FROM: 'Попутка <no-reply@load.poputka.kz>',
      TELEGRAM_BOT_TOKEN: outside.telegramToken,
      TELEGRAM_API_URL: outside.telegramUrl,
      RATE_LIMIT_SEARCH_PER_MIN: '10000000',
      RATE_LIMIT_BOOKINGS_PER_10_MIN: '10000000',
    }
    const reports: ScenarioReport[] = []
    const ledgerCounts = (result: ScenarioResult) => {
      const out: Record<string, number> = {}
      for (const e of result.ledger) out[e.outcome] = (out[e.outcome] ?? 0) + 1
      const retried = result.ledger.filter((e) => e.attempts > 1)
      out['retried (same key)'] = retried.length
      out['retried→booked'] = retried.filter((e) => e.outcome === 'booked').length
      out['cancel asked'] = result.ledger.filter((e) => e.cancel).length
      out['cancel retried'] = result.ledger.filter((e) => (e.cancel?.attempts ?? 0) > 1).length
      return out
    }
    const scenarioOn = (port: number) => ({ port, concurrency: CONCURRENCY, durationMs: DURATION_MS, searchShare: 0.6, cancelShare: 0.3, ...data, cookies, drainMs: 20_000, maxRetryWaitMs: 2_000 })
    const apps: { processes: number; child: ChildProcess }[] = []

    /** Scenario A against the app on `processes` processes (a fresh app, warmed up, stopped after). */
    const scenarioA = async (processes: number, logFile: string, keep = false) => {
      const port = await findFreePort()
      const child = await startApp({ ...appEnv, WEB_CONCURRENCY: String(processes) }, port, logFile)
      apps.push({ processes, child })
      cleanup.push(() => stopApp(child))
      say(`app (production build) on 127.0.0.1:${port}, ${processes} ${processes === 1 ? 'process' : 'processes'}, its log in ${path.relative(process.cwd(), logFile)}`)
      await warmUp(port, data.runs[0]!.id, cookies.get(data.riders[0]!.id)!, data.dates)
      await resetBookings(url)
      say(`Scenario A on ${processes} ${processes === 1 ? 'process' : 'processes'}: ${CONCURRENCY} riders searching and booking for ${DURATION_MS / 1000} s…`)
      const loadBefore = loadavg()[0]!
      const sampler = startActivitySampler(url, 200)
      const a = await runScenario(scenarioOn(port))
      await sampler.stop()
      // The notices this scenario wrote, delivered by the job leader's worker to the local SMTP
      // server and fake Bot API.
      const drained = await drainOutbox(url, DRAIN_MS)
      const delivery = await deliveryFigures(url, await received(outside), drained)
      await resetReceived(outside)
      const report: ScenarioReport = {
        delivery,
        name: `Scenario A${processes === 1 ? '1' : '2'} — load on ${processes} ${processes === 1 ? 'process' : 'processes'} (${CONCURRENCY} concurrent riders, ${DURATION_MS / 1000} s)`,
        processes,
        summary: summarize(a.samples, (a.endedAt - a.startedAt) / 1000),
        invariants: await verifyInvariants(url, a.ledger),
        ledger: ledgerCounts(a),
        loadAverage: [round1(loadBefore), round1(loadavg()[0]!)],
        database: sampler.peak,
      }
      reports.push(report)
      printScenario(report)
      if (!keep) await stopApp(child)
      return { port, child }
    }

    await scenarioA(1, APP_LOG)
    const cluster = await scenarioA(PROCESSES, CLUSTER_LOG, true)
    printComparison(reports[0]!, reports[1]!)

    await resetBookings(url)
    const appPort = cluster.port
    const scenario = scenarioOn(appPort)
    say(`Scenario B on ${PROCESSES} processes: the same load; PostgreSQL stopped at ${OUTAGE_AT_MS / 1000} s for ${OUTAGE_FOR_MS / 1000} s…`)
    const loadBeforeB = loadavg()[0]!
    const probe = startHealthProbe(appPort, 100)
    const samplerB = startActivitySampler(url, 200)
    const outagePromise = (async (): Promise<Outage> => {
      await sleep(OUTAGE_AT_MS)
      const stopAt = performance.now()
      await db.current!.stop()
      const stoppedAt = performance.now()
      say('PostgreSQL stopped')
      await sleep(OUTAGE_FOR_MS)
      const restartAt = performance.now()
      db.current = await startEmbeddedPostgres(dbOptions)
      const restartedAt = performance.now()
      say(`PostgreSQL started again (${Math.round(restartedAt - restartAt)} ms)`)
      return { stopAt, stoppedAt, restartAt, restartedAt }
    })()
    const b = await runScenario(scenario)
    const outage = await outagePromise
    await probe.stop()
    await samplerB.stop()
    const drainedB = await drainOutbox(url, DRAIN_MS)
    const deliveryB = await deliveryFigures(url, await received(outside), drainedB)
    reports.push({
      delivery: deliveryB,
      name: `Scenario B — database stopped for ${OUTAGE_FOR_MS / 1000} s under load (${PROCESSES} processes)`,
      processes: PROCESSES,
      summary: summarize(b.samples, (b.endedAt - b.startedAt) / 1000),
      invariants: await verifyInvariants(url, b.ledger),
      outage: outageFigures(b, outage, probe.probes),
      ledger: ledgerCounts(b),
      loadAverage: [round1(loadBeforeB), round1(loadavg()[0]!)],
      database: samplerB.peak,
    })
    printScenario(reports[2]!)

    // The cluster's app ran scenario B and must still be there; the one-process app was stopped.
    const appAlive = cluster.child.exitCode === null && cluster.child.signalCode === null
    const failures = [...reports.flatMap((r) => failuresOf(r).map((f) => `${r.name.split(' —')[0]}: ${f}`)), ...(appAlive ? [] : ['the app process died'])]
    mkdirSync(path.dirname(RESULTS_FILE), { recursive: true })
    writeFileSync(
      RESULTS_FILE,
      JSON.stringify(
        {
          at: new Date().toISOString(),
          machine: { node: process.version, cores: cpus().length },
          setup: { concurrency: CONCURRENCY, durationMs: DURATION_MS, runs: RUNS, riders: RIDERS, outageAtMs: OUTAGE_AT_MS, outageForMs: OUTAGE_FOR_MS, appPoolSize: POOL_SIZE, processes: PROCESSES },
          processes: { single: 1, cluster: apps.find((a) => a.processes !== 1)?.processes ?? PROCESSES },
          scenarios: reports,
          failures,
        },
        null,
        2,
      ) + '\n',
    )
    say(`wrote ${path.relative(process.cwd(), RESULTS_FILE)}`)
    if (failures.length) {
      console.log(`\nFAILED:\n  ${failures.join('\n  ')}\n\nLast lines of the app's logs:\n${tail(APP_LOG)}\n${tail(CLUSTER_LOG)}`)
      return 1
    }
    console.log('\nAll invariants held: no run oversold, counters equal bookings, nothing lost or duplicated, no 500s or hangs, recovered.')
    return 0
  } finally {
    await runCleanup()
  }
}

function exitWith(code: number): never {
  // embedded-postgres registers async-exit-hook, whose handlers would turn any exit into code 0;
  // our own cleanup has stopped the database, so unhook it before exiting.
  try {
    const exitHook = createRequire(path.join(process.cwd(), 'package.json'))('async-exit-hook') as { unhookEvent: (event: string) => void }
    exitHook.unhookEvent('beforeExit')
    exitHook.unhookEvent('exit')
  } catch {
    /* not loaded */
  }
  process.exit(code)
}

main().then(exitWith, (error: unknown) => {
  console.error(error)
  exitWith(1)
})
