// `npm run bench`: measures search, growth, booking under contention, the stay engine, the day board
// and page weight in one run, each beside a baseline measured in the same run (these machines are
// noisy: only ratios travel), prints one table and writes bench/results.json.
//
// Loopback only; bounded in time (about 5 minutes on 2 cores, plus `next build` if the sources
// changed). A throwaway embedded PostgreSQL in a temp folder; the app runs as a child process in
// production mode. Exits non-zero if a run was oversold (or another correctness check failed).
//
// Options: --quick (shorter measurements, 100k runs at most, no Lighthouse: for trying changes);
// --only=search,cores,growth,booking,session,stay,board,pages (a subset; `--only board` works too).
// BENCH_APP_NODE_ARGS passes flags to the app's node, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof" to
// see where a request's time goes. The app runs as one process (WEB_CONCURRENCY=1) except for the
// `cores` figures, which set one process against one per core on the same search mix.
import { writeFileSync } from 'node:fs'
import { cpus, loadavg } from 'node:os'
import path from 'node:path'
import pg from 'pg'
import { ensureProductionBuild } from '@/scripts/lib/build'
import { benchBoardData, benchBoardPage, createBoardDay, type BoardDataFigures, type BoardSetup, type InteractiveFigures } from './board'
import { benchBooking, type BookingFigures } from './booking'
import { openBrowser, type Browser } from './lib/browser'
import { startBenchApp, type BenchApp } from './lib/app'
import { copyDatabase, startBenchDatabase, type BenchDatabase } from './lib/database'
import { addRuns, analyse, createPeople, DRIVERS, RIDERS } from './lib/generate'
import { mintSessionCookie } from './lib/session'
import { round } from './lib/stats'
import { measurePageWeights, runLighthouse, type LighthouseScores, type PageSpec, type PageWeight } from './pages'
import { benchCores, benchDeepPage, benchGrowth, benchSearch, explainSearch, searchMix, searchStatement, type CoresFigures, type DeepPageFigures, type GrowthFigures, type PlanSummary, type SearchFigures } from './search'
import { benchSession, type SessionFigures } from './session'
import { benchStayEngine, type StayEngineBench } from './stay-engine'

const quick = process.argv.includes('--quick')
// --only=search,booking,session,stay,board,pages,growth,cores: a subset, while working on one of them.
const onlyArg = process.argv.findIndex((a) => a === '--only' || a.startsWith('--only='))
const only = onlyArg === -1 ? undefined : (process.argv[onlyArg]!.startsWith('--only=') ? process.argv[onlyArg]!.slice('--only='.length) : (process.argv[onlyArg + 1] ?? '')).split(',')
const want = (part: string) => !only || only.includes(part)
const SIZES = quick ? [10_000, 100_000] : [10_000, 100_000, 1_000_000]
const MAIN_SIZE = 100_000
const SEARCH_SECONDS = quick ? 4 : 8
const SQL_SECONDS = quick ? 1.5 : 3
const POOL_SIZE = 10 // the app's default DATABASE_POOL_SIZE

type Results = {
  startedAt: string
  finishedAt?: string
  seconds?: number
  machine: { cpus: number; node: string; loadBefore: number[]; loadAfter?: number[] }
  dataSet: Record<number, { runs: number; bookings: number; generatedSeconds: number }>
  growth: Record<number, GrowthFigures>
  search?: SearchFigures
  cores?: CoresFigures
  plans?: PlanSummary[]
  deepPages?: (DeepPageFigures | { sort: string; page: number; error: string })[]
  booking?: BookingFigures
  session?: SessionFigures
  stayEngine?: StayEngineBench
  board?: { data: BoardDataFigures; page?: InteractiveFigures; pageError?: string; lighthouse?: LighthouseScores }
  pages?: { weights: PageWeight[]; lighthouse: LighthouseScores[] }
  errors: string[]
}

const started = performance.now()
const step = (message: string) => console.log(`[${((performance.now() - started) / 1000).toFixed(0).padStart(3)} s] ${message}`)

async function main(): Promise<number> {
  const results: Results = {
    startedAt: new Date().toISOString(),
    machine: { cpus: cpus().length, node: process.version, loadBefore: loadavg().map((l) => round(l, 2)) },
    dataSet: {},
    growth: {},
    errors: [],
  }
  step(`load average ${results.machine.loadBefore.join(' ')} on ${results.machine.cpus} cores`)
  if (await ensureProductionBuild({ log: step })) step('built')
  let database: BenchDatabase | undefined
  let app: BenchApp | undefined
  const growthApps: { size: number; app: BenchApp; databaseUrl: string }[] = []
  try {
    database = await startBenchDatabase()
    const main = database.url
    const now = new Date()
    const withClient = async <T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> => {
      const client = new pg.Client({ connectionString: url })
      client.on('error', (error) => results.errors.push(`database connection: ${error.message}`))
      await client.connect()
      try {
        return await work(client)
      } finally {
        await client.end()
      }
    }
    await withClient(main, createPeople)
    step(`database ready: ${DRIVERS.toLocaleString('en-US')} drivers, ${RIDERS.toLocaleString('en-US')} riders`)

    const grow = async (url: string, from: number, size: number, bookings: boolean, bookingsBefore: number) => {
      const t = performance.now()
      const added = await withClient(url, async (client) => {
        const figures = await addRuns(client, { from, to: size, bookings, now })
        await analyse(client)
        return figures
      })
      results.dataSet[size] = { runs: size, bookings: bookingsBefore + added.bookings, generatedSeconds: round((performance.now() - t) / 1000, 1) }
      step(`data set: ${size.toLocaleString('en-US')} runs, ${results.dataSet[size]!.bookings.toLocaleString('en-US')} bookings (${results.dataSet[size]!.generatedSeconds} s)`)
    }

    // The data sets: the main one (100k runs, 1M bookings), and for growth its 10k-run beginning
    // and a 1M-run version, each a database of its own (copies made with CREATE DATABASE … TEMPLATE)
    // so that every size can be measured in turns, in the same minutes, on the same machine.
    const growth = want('growth')
    // The board alone needs only its own day (bench/board.ts): `--only board` skips the runs.
    const needsRuns = ['search', 'cores', 'growth', 'booking', 'pages'].some(want)
    if (needsRuns) await grow(main, 1, SIZES[0]!, true, 0)
    const small = growth ? await copyDatabase(main, `bench_${SIZES[0]}`) : undefined
    if (needsRuns) await grow(main, SIZES[0]! + 1, MAIN_SIZE, true, results.dataSet[SIZES[0]!]!.bookings)
    const larger: { size: number; url: string }[] = []
    for (const size of growth ? SIZES.filter((s) => s > MAIN_SIZE) : []) {
      const url = await copyDatabase(main, `bench_${size}`)
      await grow(url, MAIN_SIZE + 1, size, false, results.dataSet[MAIN_SIZE]!.bookings)
      larger.push({ size, url })
    }

    const starting = [startBenchApp(main), ...(small ? [startBenchApp(small)] : []), ...larger.map((l) => startBenchApp(l.url))]
    const [mainApp, ...others] = await Promise.all(starting)
    app = mainApp!
    if (small) growthApps.push({ size: SIZES[0]!, app: others[0]!, databaseUrl: small })
    for (const [i, l] of larger.entries()) growthApps.push({ size: l.size, app: others[i + (small ? 1 : 0)]!, databaseUrl: l.url })
    step(`app started (pid ${app.pid}) at ${app.url}${growthApps.length ? `, and ${growthApps.length} more for the growth sizes` : ''}`)

    // 1. Search on the main data set, against ping and the SQL alone.
    if (want('search')) {
      const figures = await benchSearch(app.url, main, { seconds: SEARCH_SECONDS, sqlSeconds: SQL_SECONDS, withPing: true, pid: app.pid, warmSeconds: 5 })
      results.search = figures
      results.plans = [await explainSearch(main, searchMix()[0]!), await explainSearch(main, searchMix()[1]!), await explainSearch(main, { checkpoint: 'korday' })]
      step(`search: ${figures.search.rps.toFixed(0)} req/s (ping ${figures.ping.rps.toFixed(0)}), p99 ${figures.search.p99} ms; SQL p99 ${figures.sql.p99.toFixed(2)} ms`)
      results.deepPages = [await benchDeepPage(app.url, main, 'time'), await benchDeepPage(app.url, main, 'price')]
      step('page 1 vs page 1,000 measured')
    }

    // 1b. Every core: the same search mix against this one process and against one per core.
    if (want('cores')) {
      const processes = cpus().length
      const all = await startBenchApp(main, { workers: processes })
      try {
        step(`app on ${processes} processes started (pid ${all.pid})`)
        results.cores = await benchCores({ url: app.url, pid: app.pid }, { url: all.url, pid: all.pid }, { processes, seconds: SEARCH_SECONDS, warmSeconds: 5 })
      } finally {
        await all.stop()
      }
      const c = results.cores
      step(`cores: 1 process ${c.single.rps.toFixed(0)} req/s, ${processes} processes ${c.all.rps.toFixed(0)} req/s: ${c.speedup.toFixed(2)}× (load average ${c.loadAverage.join(' → ')})`)
    }

    // 2. Growth: every size in turns (small, main, large, large, main, small), each with its app.
    if (growthApps.length) {
      const sizes = [...growthApps, { size: MAIN_SIZE, app, databaseUrl: main }].sort((a, b) => a.size - b.size)
      results.growth = await benchGrowth(sizes, { seconds: quick ? 2 : 4, sqlSeconds: quick ? 1 : 1.5 })
      for (const size of Object.keys(results.growth).map(Number)) {
        const g = results.growth[size]!
        step(`growth, ${size.toLocaleString('en-US')} runs: ${g.search.rps.toFixed(0)} req/s, p99 ${g.search.p99.toFixed(0)} ms; SQL p99 ${g.sql.p99.toFixed(2)} ms`)
      }
      await Promise.all(growthApps.map((g) => g.app.stop()))
      growthApps.length = 0
    }

    // 3. Booking under contention.
    if (want('booking')) {
      results.booking = await benchBooking(app.url, database.url, app.secret, POOL_SIZE, app.pid)
      step(`booking: ${results.booking.seatsSold} of ${results.booking.seatsAvailable} seats sold, ${results.booking.rps.toFixed(0)} req/s vs ${results.booking.sqlRps.toFixed(0)} in SQL${results.booking.ok ? '' : ' — FAILED: ' + results.booking.problems.join('; ')}`)
    }

    // 3b. What checking that a session still stands costs each signed-in request.
    if (want('session')) {
      results.session = await benchSession(app.url, database.url, app.secret, { seconds: quick ? 3 : 5, sqlSeconds: SQL_SECONDS, pid: app.pid })
      const s = results.session
      step(`session check: ${s.checked.rps.toFixed(0)} req/s with it, ${s.baseline.rps.toFixed(0)} without the ended-session probe; SQL p50 ${s.sqlChecked.p50.toFixed(3)} vs ${s.sqlBaseline.p50.toFixed(3)} ms`)
    }

    // 4. The stay engine (pure computation; the app is idle meanwhile).
    if (want('stay')) {
      results.stayEngine = await benchStayEngine({ seconds: quick ? 1 : 2 })
      step(`stay engine: ${results.stayEngine.opsPerSecond.toLocaleString('en-US')}/s, ${results.stayEngine.ratio}× the naive reference`)
    }

    // 5–6. The day board, then page weight and Lighthouse.
    if (want('board') || want('pages')) {
      const board = await createBoardDay(database.url, app.secret)
      const browser = await openBrowser()
      try {
        if (want('board')) await benchBoard(app, database.url, board, browser, results)
        if (want('pages')) {
          const pages = await pageSpecs(app, database.url, board)
          const weights = await measurePageWeights(app.url, pages, browser)
          step('page weights measured')
          const lighthouse = quick ? [] : await runLighthouse(app.url, pages, weights)
          if (!quick) step('Lighthouse done')
          results.pages = { weights, lighthouse }
        }
      } catch (error) {
        results.errors.push(`board/pages: ${String(error).slice(0, 500)}`)
        step(`board/pages failed: ${String(error).slice(0, 300)}`)
      } finally {
        await browser.close()
      }
    }

  } finally {
    await Promise.all(growthApps.map((g) => g.app.stop()))
    await app?.stop()
    await database?.stop()
  }
  results.finishedAt = new Date().toISOString()
  results.seconds = round((performance.now() - started) / 1000)
  results.machine.loadAfter = loadavg().map((l) => round(l, 2))
  const file = path.join('bench', 'results.json')
  writeFileSync(file, JSON.stringify(results, null, 2) + '\n')
  printTable(results)
  console.log(`\nWritten to ${file}. Took ${results.seconds} s; load average before ${results.machine.loadBefore.join(' ')}, after ${results.machine.loadAfter.join(' ')}.`)
  if (results.booking && !results.booking.ok) {
    console.error(`\nFAILED: booking under contention: ${results.booking.problems.join('; ')}`)
    return 1
  }
  for (const e of results.errors) console.error(`error: ${e}`)
  return 0
}

async function benchBoard(app: BenchApp, databaseUrl: string, board: BoardSetup, browser: Browser, results: Results) {
  const data = await benchBoardData(app.url, databaseUrl, board, app.pid)
  results.board = { data }
  step(`board: ${data.runs} runs, ${data.travellers} travellers; JSON p99 ${data.full.p99.toFixed(0)} ms`)
  // Background work during the measurement is in its statements, CPU and latency: say so.
  if (data.jobsDuring.length || data.backgroundStatements) {
    results.errors.push(`board: background work ran while it was measured (jobs: ${data.jobsDuring.join(', ') || 'none'}; ${data.backgroundStatements} statements with no request): its statements, CPU and latency are in the board's figures`)
  }
  try {
    results.board.page = await benchBoardPage(app.url, board, 3, browser)
    step(`board page interactive after ${results.board.page.interactiveMs.toFixed(0)} ms`)
  } catch (error) {
    results.board.pageError = String(error).slice(0, 300)
    results.errors.push(`board page: ${results.board.pageError}`)
  }
  // The board page's Lighthouse score here too (also under `pages`), so `--only board` has it.
  if (!quick && !want('pages')) {
    const spec: PageSpec = { name: 'board', path: `/dispatch/${board.groupId}/${board.date}`, cookie: board.cookie, public: false, showsMap: false }
    results.board.lighthouse = (await runLighthouse(app.url, [spec]))[0]
    step(`board page Lighthouse performance ${results.board.lighthouse?.performance ?? results.board.lighthouse?.error}`)
  }
}

/** The five pages: home, search, a run, "My stay" (a rider with a travel log), the board. */
async function pageSpecs(app: BenchApp, databaseUrl: string, board: { groupId: string; date: string; cookie: string }): Promise<PageSpec[]> {
  const client = new pg.Client({ connectionString: databaseUrl })
  await client.connect()
  try {
    const statement = searchStatement({ from: 'almaty' })
    // The first run the search finds: the last element of its row's cursor is the run's id.
    const { rows: [first] } = await client.query<{ cursor: string }>(statement)
    const run = first ? { id: (JSON.parse(first.cursor) as string[]).at(-1)! } : undefined
    // A rider with a self traveller and a travel log of six stays.
    const { rows: [rider] } = await client.query<{ id: string; name: string; email: string; traveller_id: string }>(
      `WITH r AS (SELECT u.id, u.name, u.email FROM bench.riders b JOIN users u ON u.id = b.user_id WHERE b.n = 44001),
       t AS (INSERT INTO travellers (account_id, is_self, name, citizenship, updated_at) SELECT id, true, name, 'RU', now() FROM r RETURNING id)
       SELECT r.id, r.name, r.email, t.id AS traveller_id FROM r, t`,
    )
    const riderCookie = await mintSessionCookie(app.secret, rider!)
    return [
      { name: 'home', path: '/', public: true, showsMap: false },
      { name: 'search', path: '/trips?from=almaty', public: true, showsMap: true },
      { name: 'run', path: `/trips/${run!.id}`, public: true, showsMap: true },
      { name: 'my stay', path: '/stay', cookie: riderCookie, public: false, showsMap: false },
      { name: 'board', path: `/dispatch/${board.groupId}/${board.date}`, cookie: board.cookie, public: false, showsMap: false },
    ]
  } finally {
    await client.end()
  }
}

// ─── The table ───

const n = (v: number, digits = 0) => (Number.isFinite(v) ? v.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits }) : '–')
const pct = (v: number) => (Number.isFinite(v) ? `${Math.round(v * 100)}%` : '–')
const ms = (v: number, digits = 0) => `${n(v, digits)} ms`
const mark = (ok: boolean | null) => (ok === null ? '' : ok ? 'ok' : 'MISS')

function printTable(r: Results) {
  const rows: [string, string, string, string, string][] = []
  const add = (what: string, figure: string, baseline: string, aim: string, ok: boolean | null) => rows.push([what, figure, baseline, aim, mark(ok)])
  const s = r.search
  if (s) {
    add('1 search GET /api/trips (100k runs, 50 conn)', `${n(s.search.rps)} req/s, p50/p99 ${n(s.search.p50)}/${n(s.search.p99)} ms`, `ping ${n(s.ping.rps)} req/s, p50/p99 ${n(s.ping.p50)}/${n(s.ping.p99)} ms`, `≥ 70% of ping: ${pct(s.ofCeiling)}`, s.ofCeiling >= 0.7)
    if (s.search.appCpuMs !== null && s.ping.appCpuMs !== null) add('  app CPU per request', `search ${n(s.search.appCpuMs, 2)} ms`, `ping ${n(s.ping.appCpuMs, 2)} ms`, `ping/search: ${pct(s.ping.appCpuMs / s.search.appCpuMs)}`, null)
    add('  same SQL, plain pg loop (50 conn)', `${n(s.sqlLoop.qps)} q/s, p50/p99 ${n(s.sqlLoop.p50, 1)}/${n(s.sqlLoop.p99, 1)} ms`, 'the limit', `search = ${pct(s.ofSqlLimit)} of it`, null)
    add('  SQL latency (1 connection)', `p50/p99 ${n(s.sql.p50, 2)}/${n(s.sql.p99, 2)} ms`, '', '≤ 2 ms p99', s.sql.p99 <= 2)
    if (s.search.non2xx || s.search.errors) add('  search errors', `${s.search.non2xx} non-2xx, ${s.search.errors} errors`, '', '0', false)
  }
  const c = r.cores
  if (c) {
    add(`1b every core: search, ${c.processes} processes vs 1`, `${n(c.all.rps)} req/s, p99 ${n(c.all.p99)} ms; app CPU ${n(c.all.appCpuMs ?? NaN, 2)} ms`, `1 process ${n(c.single.rps)} req/s, p99 ${n(c.single.p99)} ms; ${n(c.single.appCpuMs ?? NaN, 2)} ms`, `≥ ${n(0.8 * c.processes, 1)}×: ${n(c.speedup, 2)}× (load ${c.loadAverage.join('→')})`, c.speedup >= 0.8 * c.processes)
    // Where the machine's CPU went, per request: with the load generator and PostgreSQL on the same
    // cores, the app's processes can only use what is left.
    const split = (side: typeof c.single) =>
      `${n(side.machineCpuMs, 2)} ms (app ${n(side.appCpuMs ?? NaN, 2)}, load generator ${n(side.clientCpuMs, 2)}, PostgreSQL and the rest ${n(side.machineCpuMs - (side.appCpuMs ?? 0) - side.clientCpuMs, 2)}); cores ${n(100 * side.machineBusy)}% busy`
    add('  machine CPU per request', split(c.all), `1 process: ${split(c.single)}`, '', null)
  }
  for (const plan of r.plans ?? []) {
    add(`  plan ${new URLSearchParams(plan.query).toString()}`, `${plan.tripsAccess}, ${plan.tripsRows} rows, ${plan.sorts} sort`, `${plan.buffers} buffers`, `${n(plan.executionMs, 2)} ms`, plan.tripsAccess.includes('Index'))
  }
  for (const d of r.deepPages ?? []) {
    if ('error' in d) add(`  page ${d.page} (${d.sort})`, d.error, '', '', null)
    else add(`  page 1,000 vs 1 (sort ${d.sort})`, `SQL p99 ${n(d.sqlPageN.p99, 2)} ms, HTTP p99 ${n(d.httpPageN.p99, 1)} ms`, `page 1: SQL ${n(d.sqlPage1.p99, 2)}, HTTP ${n(d.httpPage1.p99, 1)} ms`, `${n(d.sqlPageN.p99 / d.sqlPage1.p99, 2)}× (SQL)`, d.sqlPageN.p99 <= 2 * Math.max(d.sqlPage1.p99, 0.5))
  }
  const sizes = Object.keys(r.growth).map(Number).sort((a, b) => a - b)
  if (sizes.length > 1) {
    const first = r.growth[sizes[0]!]!
    const last = r.growth[sizes.at(-1)!]!
    const label = (size: number) => (size >= 1e6 ? `${size / 1e6}M` : `${size / 1e3}k`)
    add(
      `2 growth ${sizes.map(label).join(' → ')} runs: SQL p99`,
      sizes.map((size) => n(r.growth[size]!.sql.p99, 2)).join(' → ') + ' ms',
      `p50 ${sizes.map((size) => n(r.growth[size]!.sql.p50, 2)).join(' → ')} ms`,
      `≤ 1.5×: ${n(last.sql.p99 / first.sql.p99, 2)}×`,
      last.sql.p99 / first.sql.p99 <= 1.5,
    )
    add(
      '  HTTP p99 (50 conn)',
      sizes.map((size) => n(r.growth[size]!.search.p99)).join(' → ') + ' ms',
      sizes.map((size) => n(r.growth[size]!.search.rps)).join(' → ') + ' req/s',
      `≤ 1.5×: ${n(last.search.p99 / first.search.p99, 2)}×`,
      last.search.p99 / first.search.p99 <= 1.5,
    )
    add('  plan at the largest size', `${last.plan.tripsAccess}, ${last.plan.tripsRows} rows`, `${last.plan.buffers} buffers`, `${n(last.plan.executionMs, 2)} ms`, null)
  }
  const b = r.booking
  if (b) {
    add(`3 booking: ${b.requests} at once, last seats of ${b.runs} runs`, `${b.seatsSold} sold of ${b.seatsAvailable} free, ${b.oversoldRuns} oversold`, '', 'sold = free, 0 oversold', b.ok)
    add('  throughput', `${n(b.rps)} req/s; per request ${n(b.queriesPerRequest ?? NaN, 1)} statements, app CPU ${n(b.appCpuMs ?? NaN, 1)} ms`, `raw SQL ${n(b.sqlRps)} req/s (5 statements)`, `≥ 50%: ${pct(b.ofLimit)}`, b.ofLimit >= 0.5)
  }
  const ss = r.session
  if (ss) {
    add(
      '3b session check: signed-in GET /api/notifications (50 conn)',
      `${n(ss.checked.rps)} req/s, p50/p99 ${n(ss.checked.p50)}/${n(ss.checked.p99)} ms, app CPU ${n(ss.checked.appCpuMs ?? NaN, 2)} ms`,
      `no probe ${n(ss.baseline.rps)} req/s, ${n(ss.baseline.p50)}/${n(ss.baseline.p99)} ms, ${n(ss.baseline.appCpuMs ?? NaN, 2)} ms; ping ${n(ss.ping.rps)} req/s`,
      `${pct(ss.checked.rps / ss.baseline.rps)} of it`,
      null,
    )
    add(
      '  in-process, prepared through the pool (1 conn, sequential)',
      `findSessionUser: ${n(ss.inProcess.check.cpuUsPerCall)} µs CPU, p50/p99 ${n(ss.inProcess.check.p50Ms, 3)}/${n(ss.inProcess.check.p99Ms, 3)} ms`,
      `the read it replaced: ${n(ss.inProcess.before.cpuUsPerCall)} µs, ${n(ss.inProcess.before.p50Ms, 3)}/${n(ss.inProcess.before.p99Ms, 3)} ms`,
      `${n(ss.inProcess.check.cpuUsPerCall - ss.inProcess.before.cpuUsPerCall)} µs CPU`,
      null,
    )
    add(
      `  the user read with the check, SQL (1 conn, ${n(ss.endedSessions)} ended sessions)`,
      `p50/p99 ${n(ss.sqlChecked.p50, 3)}/${n(ss.sqlChecked.p99, 3)} ms`,
      `the read it replaced ${n(ss.sqlBaseline.p50, 3)}/${n(ss.sqlBaseline.p99, 3)} ms`,
      `+${n((ss.sqlChecked.p50 - ss.sqlBaseline.p50) * 1000)} µs p50`,
      null,
    )
    if (ss.checked.non2xx || ss.baseline.non2xx) add('  session check errors', `${ss.checked.non2xx + ss.baseline.non2xx} non-2xx`, '', '0', false)
  }
  const e = r.stayEngine
  if (e) add('4 stay engine (20 stays / 3 years)', `${n(e.opsPerSecond)} assessments/s`, `naive ${n(e.naiveOpsPerSecond)}/s`, `≥ 200,000/s, ≥ 50×: ${e.ratio}×`, e.opsPerSecond >= 200_000 && e.ratio >= 50 && e.mismatches === 0)
  const board = r.board
  if (board) {
    add(`5 board JSON (${board.data.runs} runs, ${board.data.travellers} travellers)`, `p50/p99 ${n(board.data.full.p50, 1)}/${n(board.data.full.p99, 1)} ms, ${n(board.data.bytes / 1024)} kB`, `poll (304) p99 ${n(board.data.notModified.p99, 1)} ms; ${n(board.data.queriesPerRequest ?? NaN, 1)} statements, app CPU ${n(board.data.appCpuMs ?? NaN)} ms${board.data.jobsDuring?.length ? ` (with jobs running: ${board.data.jobsDuring.join(', ')})` : ''}`, '≤ 100 ms p99', board.data.full.p99 <= 100)
    if (board.data.auto) add('  the page\'s poll (?parties=auto), changed', `p50/p99 ${n(board.data.auto.p50, 1)}/${n(board.data.auto.p99, 1)} ms, ${n(board.data.autoBytes / 1024)} kB`, `one opened run: p50/p99 ${n(board.data.run.p50, 1)}/${n(board.data.run.p99, 1)} ms, ${n(board.data.runBytes / 1024, 1)} kB`, '≤ 100 ms p99', board.data.auto.p99 <= 100)
    const lh = board.lighthouse
    if (lh) add('  board page Lighthouse (mobile)', lh.performance === null ? (lh.error ?? 'not run') : `performance ${lh.performance}, a11y ${lh.accessibility}, best practices ${lh.bestPractices}`, `LCP ${n(lh.lcpMs ?? NaN)} ms, TBT ${n(lh.tbtMs ?? NaN)} ms`, 'perf ≥ 95', (lh.performance ?? 0) >= 95)
    if (board.page) {
      const p = board.page
      const html = `HTML ${n(p.htmlDecodedBytes / 1024 / 1024, 1)} MB, ${n(p.controls)} controls`
      add('  board page interactive (cold, Chromium)', Number.isFinite(p.interactiveMs) ? ms(p.interactiveMs) : 'more than 20 s', Number.isFinite(p.domContentLoadedMs) ? `DOMContentLoaded ${ms(p.domContentLoadedMs)}; ${html}` : html, '≤ 1.5 s', p.interactiveMs <= 1500)
    }
    else add('  board page', board.pageError ?? 'not measured', '', '≤ 1.5 s', null)
  }
  for (const w of r.pages?.weights ?? []) {
    const lh = r.pages?.lighthouse.find((l) => l.name === w.name)
    const scores = lh ? (lh.error && lh.performance === null ? `LH ${lh.error.slice(0, 48)}` : `LH ${lh.performance ?? '–'}/${lh.accessibility ?? '–'}/${lh.bestPractices ?? '–'}`) : 'LH not run'
    // ≤ 130 kB on public pages, and Leaflet only where a map is shown.
    const jsOk = w.status === 200 && (!w.public || w.jsEncoded <= 130 * 1024) && (w.showsMap || !w.mapCode)
    const lhOk = lh ? (lh.performance ?? 0) >= 95 && lh.accessibility === 100 && lh.bestPractices === 100 : null
    add(
      `6 page ${w.name} (${w.path.length > 28 ? w.path.slice(0, 27) + '…' : w.path})`,
      w.error ? w.error.slice(0, 60) : `${n(w.jsEncoded / 1024, 1)} kB JS in ${w.scripts} files (framework ${n(w.jsFrameworkEncoded / 1024, 1)}, ours ${n((w.jsEncoded - w.jsFrameworkEncoded) / 1024, 1)})${w.mapCode ? ', map code' : ''}${w.mapCode && !w.showsMap ? ' NOT NEEDED' : ''}, HTML ${n(w.htmlEncoded / 1024)} kB${w.status !== 200 ? `, HTTP ${w.status}` : ''}`,
      scores,
      w.public ? '≤ 130 kB; LH ≥95/100/100' : 'LH ≥95/100/100',
      lhOk === null ? jsOk : jsOk && lhOk,
    )
  }
  const widths = [0, 1, 2, 3, 4].map((i) => Math.max(...rows.map((row) => row[i]!.length), ['measure', 'figure', 'baseline (same run)', 'aim / ratio', ''][i]!.length))
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join(' │ ').trimEnd()
  console.log('\n' + line(['measure', 'figure', 'baseline (same run)', 'aim / ratio', '']))
  console.log(widths.map((w) => '─'.repeat(w)).join('─┼─'))
  for (const row of rows) console.log(line(row))
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error)
    process.exit(1)
  },
)
