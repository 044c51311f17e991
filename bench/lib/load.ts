// Load generators on loopback: autocannon for HTTP, and plain `pg` loops for the SQL alone.
import { readdirSync, readFileSync } from 'node:fs'
import { availableParallelism } from 'node:os'
import autocannon from 'autocannon'
import pg from 'pg'
import { summarise, type Latency } from './stats'

export type HttpFigures = Latency & {
  rps: number
  requests: number
  non2xx: number
  errors: number
  seconds: number
  /** CPU the app's process spent per request (all its threads), when its pid is known: a figure
   * that other load on the machine barely moves. */
  appCpuMs: number | null
  /** CPU the whole machine spent per request (/proc/stat), and of it the load generator's (this
   * process): what is left is PostgreSQL and anything else running. */
  machineCpuMs: number
  clientCpuMs: number
  /** Share of the machine's cores busy during the run (0–1). */
  machineBusy: number
}

export type HttpLoad = {
  url: string
  /** Paths cycled through by every connection (with the url's origin). */
  paths: string[]
  connections: number
  seconds?: number
  /** A fixed number of requests instead of a duration. */
  amount?: number
  headers?: Record<string, string>
  /** The app's pid, for its CPU per request. */
  pid?: number
}

/**
 * CPU time (user + system, all threads) a process and every process below it (the workers of a
 * multi-process app) have used so far, in ms; null if unreadable. A worker that ended in between
 * is missed: the bench's workers live as long as the app.
 */
export function processCpuMs(pid: number | undefined): number | null {
  if (!pid) return null
  const stats = new Map<number, { ppid: number; cpuMs: number }>()
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue
    try {
      const fields = readFileSync(`/proc/${entry}/stat`, 'utf8').split(') ')[1]!.split(' ')
      stats.set(Number(entry), { ppid: Number(fields[1]), cpuMs: (Number(fields[11]) + Number(fields[12])) * 10 }) // clock ticks of 10 ms
    } catch {
      /* ended while we looked */
    }
  }
  if (!stats.has(pid)) return null
  let total = 0
  const queue = [pid]
  while (queue.length) {
    const current = queue.shift()!
    total += stats.get(current)?.cpuMs ?? 0
    for (const [child, s] of stats) if (s.ppid === current) queue.push(child)
  }
  return total
}

export async function runHttp(load: HttpLoad): Promise<HttpFigures> {
  // One shared cursor over the paths: consecutive requests (from any connection) ask for
  // different things, as different people would, rather than every connection in lockstep.
  let next = 0
  const paths = load.paths
  const cpuBefore = processCpuMs(load.pid)
  const machineBefore = machineBusyMs()
  const clientBefore = process.cpuUsage()
  const result = await autocannon({
    url: load.url,
    connections: load.connections,
    duration: load.seconds ?? 10,
    amount: load.amount,
    headers: load.headers,
    requests: [{ method: 'GET', setupRequest: (request) => ({ ...request, path: paths[next++ % paths.length]! }) }],
    timeout: 30,
  })
  const cpuAfter = processCpuMs(load.pid)
  const machine = machineBusyMs() - machineBefore
  const client = process.cpuUsage(clientBefore)
  const seconds = result.duration
  const total = Math.max(1, result.requests.total)
  return {
    machineCpuMs: machine / total,
    clientCpuMs: (client.user + client.system) / 1000 / total,
    machineBusy: machine / (seconds * 1000 * availableParallelism()),
    appCpuMs: cpuBefore === null || cpuAfter === null || result.requests.total === 0 ? null : (cpuAfter - cpuBefore) / result.requests.total,
    rps: result.requests.total / seconds,
    requests: result.requests.total,
    p50: result.latency.p50,
    p99: result.latency.p99,
    max: result.latency.max,
    samples: result.requests.total,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
    seconds,
  }
}

/** CPU time the machine has spent busy since boot, all cores (/proc/stat, ticks of 10 ms). */
export function machineBusyMs(): number {
  const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number)
  const [user = 0, nice = 0, system = 0, , , irq = 0, softirq = 0, steal = 0] = fields
  return (user + nice + system + irq + softirq + steal) * 10
}

/** Two runs of the same load as one (ABBA halves): totals, weighted means, mean percentiles. */
export function combineHttp(a: HttpFigures, b: HttpFigures): HttpFigures {
  const requests = a.requests + b.requests
  const seconds = a.seconds + b.seconds
  return {
    rps: requests / seconds,
    requests,
    seconds,
    p50: (a.p50 + b.p50) / 2,
    p99: (a.p99 + b.p99) / 2,
    max: Math.max(a.max, b.max),
    samples: requests,
    non2xx: a.non2xx + b.non2xx,
    errors: a.errors + b.errors,
    appCpuMs: a.appCpuMs === null || b.appCpuMs === null ? null : (a.appCpuMs * a.requests + b.appCpuMs * b.requests) / requests,
    machineCpuMs: (a.machineCpuMs * a.requests + b.machineCpuMs * b.requests) / requests,
    clientCpuMs: (a.clientCpuMs * a.requests + b.clientCpuMs * b.requests) / requests,
    machineBusy: (a.machineBusy * a.seconds + b.machineBusy * b.seconds) / seconds,
  }
}

/** A short unmeasured run first: route compilation, JIT and caches warm before the figures. */
export async function warmHttp(load: HttpLoad, seconds = 2): Promise<void> {
  await runHttp({ ...load, seconds, amount: undefined })
}

export type SqlStatement = { text: string; values: unknown[] }

export type SqlFigures = Latency & { qps: number; queries: number; seconds: number }

/**
 * `connections` concurrent loops, each on its own connection, cycling through `statements` for
 * about `seconds`: the database's and driver's limit for this SQL, with no framework around it.
 */
export async function runSqlLoop(databaseUrl: string, statements: SqlStatement[], options: { connections: number; seconds: number }): Promise<SqlFigures> {
  const clients = await Promise.all(
    Array.from({ length: options.connections }, async () => {
      const client = new pg.Client({ connectionString: databaseUrl })
      await client.connect()
      return client
    }),
  )
  try {
    // Warm every connection once (plans, catalog caches).
    await Promise.all(clients.map((client, i) => client.query(statements[i % statements.length]!)))
    const samples: number[] = []
    const started = performance.now()
    const deadline = started + options.seconds * 1000
    await Promise.all(
      clients.map(async (client, i) => {
        let n = i
        while (performance.now() < deadline) {
          const statement = statements[n++ % statements.length]!
          const t = performance.now()
          await client.query(statement)
          samples.push(performance.now() - t)
        }
      }),
    )
    const seconds = (performance.now() - started) / 1000
    return { ...summarise(samples), qps: samples.length / seconds, queries: samples.length, seconds }
  } finally {
    await Promise.all(clients.map((client) => client.end().catch(() => undefined)))
  }
}
