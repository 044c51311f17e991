// Search figures: GET /api/trips against GET /api/ping (the framework's ceiling) and against the
// search's own SQL through plain `pg` (the database's limit), its plan, and page 1 vs page 1,000.
import { loadavg } from 'node:os'
import pg from 'pg'
import { addDaysIso, todayInKz } from '@/lib/dates/kz-date'
import { buildSearchQuery, encodeCursor, searchTripsSchema, type Cursor, type SearchTripsInput } from '@/lib/trips/search-trips'
import { combineHttp, runHttp, runSqlLoop, warmHttp, type HttpFigures, type SqlFigures, type SqlStatement } from './lib/load'
import { summarise, type Latency } from './lib/stats'

export type SearchQuery = Record<string, string>

/** What people search: mostly "from my city, this week", some by date, price, checkpoint or
 * destination, parties of 2–3, a later fortnight. Every connection cycles through all of them. */
export function searchMix(now: Date = new Date()): SearchQuery[] {
  const today = todayInKz(now)
  const day = (n: number) => addDaysIso(today, n)
  return [
    { from: 'almaty' },
    { from: 'almaty', sort: 'price' },
    { from: 'shymkent' },
    { from: 'almaty', date: day(1) },
    { from: 'almaty', date: day(2), sort: 'price' },
    { from: 'shymkent', to: 'tashkent', sort: 'price' },
    { from: 'almaty', seats: '2' },
    { from: 'taraz' },
    { from: 'almaty', checkpoint: 'karasu', seats: '3' },
    { checkpoint: 'korday' },
    { to: 'bishkek', sort: 'price' },
    { from: 'almaty', date: day(3) },
    { from: 'shymkent', date: day(1) },
    { from: 'almaty', dateFrom: day(7), dateTo: day(20) },
    { from: 'almaty', includeFull: '1' },
    { date: day(4) },
  ]
}

export const searchPath = (query: SearchQuery) => `/api/trips?${new URLSearchParams(query).toString()}`

export function searchStatement(query: SearchQuery, now: Date = new Date()): SqlStatement {
  const { sql } = buildSearchQuery(searchTripsSchema.parse(query), now)
  return { text: sql.text, values: sql.values as unknown[] }
}

/** Two runs as one: their requests over their time; latency percentiles averaged. */

/** One connection, one query after another: the SQL's own latency, without queueing. */
export async function sqlLatency(databaseUrl: string, statements: SqlStatement[], seconds: number): Promise<Latency> {
  const figures = await runSqlLoop(databaseUrl, statements, { connections: 1, seconds })
  return figures
}

export type SearchFigures = {
  ping: HttpFigures
  search: HttpFigures
  sqlLoop: SqlFigures
  sql: Latency
  /** search.rps / ping.rps */
  ofCeiling: number
  /** search.rps / sqlLoop.qps */
  ofSqlLimit: number
}

export async function benchSearch(url: string, databaseUrl: string, options: { seconds: number; sqlSeconds: number; withPing: boolean; connections?: number; pid?: number; warmSeconds?: number }): Promise<SearchFigures> {
  const mix = searchMix()
  const connections = options.connections ?? 50
  const paths = mix.map(searchPath)
  const pid = options.pid
  await warmHttp({ url, paths, connections }, options.warmSeconds ?? 2)
  let ping: HttpFigures | undefined
  let search: HttpFigures
  if (options.withPing) {
    // Ping, search, search, ping: load from elsewhere that drifts during the run hits both alike.
    await warmHttp({ url, paths: ['/api/ping'], connections })
    const half = options.seconds / 2
    const ping1 = await runHttp({ url, paths: ['/api/ping'], connections, seconds: half, pid })
    const search1 = await runHttp({ url, paths, connections, seconds: half, pid })
    const search2 = await runHttp({ url, paths, connections, seconds: half, pid })
    const ping2 = await runHttp({ url, paths: ['/api/ping'], connections, seconds: half, pid })
    ping = combineHttp(ping1, ping2)
    search = combineHttp(search1, search2)
  } else {
    search = await runHttp({ url, paths, connections, seconds: options.seconds, pid })
  }
  const statements = mix.map((q) => searchStatement(q))
  const sqlLoop = await runSqlLoop(databaseUrl, statements, { connections, seconds: options.sqlSeconds })
  const sql = await sqlLatency(databaseUrl, statements, options.sqlSeconds)
  return {
    ping: ping ?? search,
    search,
    sqlLoop,
    sql,
    ofCeiling: ping ? search.rps / ping.rps : NaN,
    ofSqlLimit: search.rps / sqlLoop.qps,
  }
}

// ─── The plan ───

type PlanNode = {
  'Node Type': string
  'Index Name'?: string
  'Relation Name'?: string
  'Actual Rows'?: number
  'Actual Loops'?: number
  'Shared Hit Blocks'?: number
  'Shared Read Blocks'?: number
  'Sort Key'?: string[]
  'Index Cond'?: string
  Filter?: string
  Plans?: PlanNode[]
}

export type PlanSummary = {
  query: SearchQuery
  /** How `trips` was read, e.g. "Index Scan using trips_search_origin_time_idx". */
  tripsAccess: string
  tripsRows: number
  indexCond: string | null
  sorts: number
  buffers: number
  executionMs: number
  text: string[]
}

export async function explainSearch(databaseUrl: string, query: SearchQuery): Promise<PlanSummary> {
  const client = new pg.Client({ connectionString: databaseUrl })
  await client.connect()
  try {
    const statement = searchStatement(query)
    await client.query(statement) // warm caches: the plan of a search people actually repeat
    const json = await client.query({ text: `EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) ${statement.text}`, values: statement.values })
    const text = await client.query({ text: `EXPLAIN (ANALYZE, BUFFERS, COSTS OFF, SUMMARY ON) ${statement.text}`, values: statement.values })
    const root = (json.rows[0]['QUERY PLAN'] as [{ Plan: PlanNode; 'Execution Time': number }])[0]
    const nodes: PlanNode[] = []
    const walk = (node: PlanNode) => {
      nodes.push(node)
      for (const child of node.Plans ?? []) walk(child)
    }
    walk(root.Plan)
    const trips = nodes.find((n) => n['Relation Name'] === 'trips')
    return {
      query,
      tripsAccess: trips ? `${trips['Node Type']}${trips['Index Name'] ? ` using ${trips['Index Name']}` : ''}` : 'n/a',
      tripsRows: (trips?.['Actual Rows'] ?? 0) * (trips?.['Actual Loops'] ?? 1),
      indexCond: trips?.['Index Cond'] ?? null,
      sorts: nodes.filter((n) => n['Node Type'] === 'Sort').length,
      buffers: (root.Plan['Shared Hit Blocks'] ?? 0) + (root.Plan['Shared Read Blocks'] ?? 0),
      executionMs: root['Execution Time'],
      text: text.rows.map((r: Record<string, string>) => r['QUERY PLAN']!),
    }
  } finally {
    await client.end()
  }
}

// ─── Page 1 vs page 1,000 ───

export type DeepPageFigures = {
  sort: 'time' | 'price'
  page: number
  sqlPage1: Latency
  sqlPageN: Latency
  httpPage1: Latency
  httpPageN: Latency
}

/** Walks the cursor to page `page` of a month of runs from every origin (20 a page), then times
 * page 1 and that page, in SQL alone and over HTTP. */
export async function benchDeepPage(url: string, databaseUrl: string, sort: 'time' | 'price', page = 1000): Promise<DeepPageFigures | { sort: string; page: number; error: string }> {
  const today = todayInKz()
  const base: SearchQuery = { dateFrom: today, dateTo: addDaysIso(today, 31), sort, limit: '20' }
  const client = new pg.Client({ connectionString: databaseUrl })
  await client.connect()
  let cursor: string | undefined
  try {
    for (let p = 1; p < page; p++) {
      const input: SearchTripsInput = searchTripsSchema.parse(cursor ? { ...base, cursor } : base)
      const { sql } = buildSearchQuery(input)
      // Each row carries the cursor of the page after it (as JSON).
      const { rows } = await client.query<{ cursor: string }>({ text: sql.text, values: sql.values as unknown[] })
      if (rows.length <= 20) return { sort, page, error: `only ${p} pages in the data set` }
      cursor = encodeCursor(JSON.parse(rows[19]!.cursor) as Cursor)
    }
  } finally {
    await client.end()
  }
  const first = searchStatement(base)
  const deep = searchStatement({ ...base, cursor: cursor! })
  const sqlPage1 = await sqlLatency(databaseUrl, [first], 1)
  const sqlPageN = await sqlLatency(databaseUrl, [deep], 1)
  const timeHttp = async (query: SearchQuery) => {
    const path = searchPath(query)
    const samples: number[] = []
    for (let i = 0; i < 120; i++) {
      const t = performance.now()
      const response = await fetch(url + path)
      await response.arrayBuffer()
      if (i >= 20) samples.push(performance.now() - t) // the first 20 warm up
      if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`)
    }
    return summarise(samples)
  }
  const httpPage1 = await timeHttp(base)
  const httpPageN = await timeHttp({ ...base, cursor: cursor! })
  return { sort, page, sqlPage1, sqlPageN, httpPage1, httpPageN }
}

// ─── Growth ───

export type GrowthFigures = { search: HttpFigures; sql: Latency; plan: PlanSummary }

/**
 * The same search mix on data sets of several sizes, each served by its own app on its own
 * database, measured in turns — ABC then CBA — so that load from elsewhere drifting during the
 * run weighs on every size alike. HTTP at 50 connections; SQL on one connection.
 */
export async function benchGrowth(
  sizes: { size: number; app: { url: string; pid: number }; databaseUrl: string }[],
  options: { seconds: number; sqlSeconds: number },
): Promise<Record<number, GrowthFigures>> {
  const paths = searchMix().map(searchPath)
  const statements = searchMix().map((q) => searchStatement(q))
  for (const s of sizes) await warmHttp({ url: s.app.url, paths, connections: 50 }, 4)
  const http = new Map<number, HttpFigures[]>()
  const sql = new Map<number, Latency[]>()
  for (const pass of [sizes, [...sizes].reverse()]) {
    for (const s of pass) {
      const h = await runHttp({ url: s.app.url, paths, connections: 50, seconds: options.seconds, pid: s.app.pid })
      http.set(s.size, [...(http.get(s.size) ?? []), h])
      const q = await sqlLatency(s.databaseUrl, statements, options.sqlSeconds)
      sql.set(s.size, [...(sql.get(s.size) ?? []), q])
    }
  }
  const result: Record<number, GrowthFigures> = {}
  for (const s of sizes) {
    const [h1, h2] = http.get(s.size)!
    const [q1, q2] = sql.get(s.size)!
    result[s.size] = {
      search: combineHttp(h1!, h2!),
      sql: { p50: (q1!.p50 + q2!.p50) / 2, p99: (q1!.p99 + q2!.p99) / 2, max: Math.max(q1!.max, q2!.max), samples: q1!.samples + q2!.samples },
      plan: await explainSearch(s.databaseUrl, searchMix()[0]!),
    }
  }
  return result
}

// ─── Every core ───

type CoresSide = { rps: number; p99: number; p50: number; appCpuMs: number | null; machineCpuMs: number; clientCpuMs: number; machineBusy: number }

export type CoresFigures = {
  processes: number
  /** Per request: the app's CPU, the machine's, the load generator's (the rest is PostgreSQL and
   * anything else running); and how busy the machine's cores were. */
  single: CoresSide
  all: CoresSide
  /** all.rps / single.rps; the aim is ≥ 0.8 × processes. */
  speedup: number
  /** The machine's 1-minute load average before and after (other work shares these cores). */
  loadAverage: [number, number]
}

/**
 * The search mix against the app on one process and on `processes` (one per core), alternating
 * one, all, all, one so that load drifting in from elsewhere weighs on both alike. The load
 * generator (autocannon, in this process) and PostgreSQL share the same cores.
 */
export async function benchCores(single: { url: string; pid: number }, all: { url: string; pid: number }, options: { processes: number; seconds: number; warmSeconds: number; connections?: number }): Promise<CoresFigures> {
  const paths = searchMix().map(searchPath)
  const connections = options.connections ?? 50
  const loadBefore = loadavg()[0]!
  await warmHttp({ url: single.url, paths, connections }, options.warmSeconds)
  await warmHttp({ url: all.url, paths, connections }, options.warmSeconds)
  const half = options.seconds / 2
  const s1 = await runHttp({ url: single.url, paths, connections, seconds: half, pid: single.pid })
  const a1 = await runHttp({ url: all.url, paths, connections, seconds: half, pid: all.pid })
  const a2 = await runHttp({ url: all.url, paths, connections, seconds: half, pid: all.pid })
  const s2 = await runHttp({ url: single.url, paths, connections, seconds: half, pid: single.pid })
  const one = combineHttp(s1, s2)
  const many = combineHttp(a1, a2)
  const pick = (h: HttpFigures): CoresSide => ({ rps: h.rps, p50: h.p50, p99: h.p99, appCpuMs: h.appCpuMs, machineCpuMs: h.machineCpuMs, clientCpuMs: h.clientCpuMs, machineBusy: h.machineBusy })
  if (one.non2xx + one.errors + many.non2xx + many.errors > 0) throw new Error(`cores: ${one.non2xx + many.non2xx} non-2xx, ${one.errors + many.errors} errors`)
  return {
    processes: options.processes,
    single: pick(one),
    all: pick(many),
    speedup: many.rps / one.rps,
    loadAverage: [Math.round(loadBefore * 100) / 100, Math.round(loadavg()[0]! * 100) / 100],
  }
}
