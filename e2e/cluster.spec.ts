// Operations: `npm start` on two worker processes (the real entry point, scripts/start.ts, with its
// own embedded PostgreSQL), background jobs every second instead of every minute.
//
//  1. Under load from eight clients (one keep-alive connection each), the worker that holds the
//     jobs' advisory lock is SIGKILLed. The other worker takes the lock, the primary starts a
//     replacement, no job slot runs twice nor in two processes at once (job_runs), and the only
//     requests that fail are the ones in flight on the killed worker: at most one per client, each
//     a dropped connection, never an HTTP error.
//  2. SIGTERM while a booking is in flight (held 3 s inside its transaction by the fault-injection
//     pause): the booking is answered 201 and is in the database, then everything stops — workers,
//     primary and PostgreSQL — with exit code 0 and no process left behind.
import { hash } from '@node-rs/argon2'
import { spawn, type ChildProcess } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import { chmodSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs'
import http from 'node:http'
import net from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'
import pg from 'pg'
import { request as playwrightRequest } from '@playwright/test'
import { expect, test } from './fixtures'

/** The job runner's advisory lock key (lib/jobs/job-runner.ts, JOBS_LEADER_LOCK). */
const JOBS_LEADER_LOCK = 0x504f5055
const CLIENTS = 8

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer()
    server.on('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))))
    })
  })
}

async function waitFor<T>(what: string, probe: () => Promise<T | undefined | false> | T | undefined | false, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const value = await probe()
    if (value) return value
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await new Promise((r) => setTimeout(r, 200))
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}

/** pid → parent pid, for every process (from /proc). */
function processTable(): Map<number, { ppid: number; cmdline: string }> {
  const table = new Map<number, { ppid: number; cmdline: string }>()
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8')
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1])
      table.set(Number(entry), { ppid, cmdline: readFileSync(`/proc/${entry}/cmdline`, 'utf8').replaceAll('\0', ' ') })
    } catch {
      /* ended while we looked */
    }
  }
  return table
}

const workerPids = (primary: number) =>
  [...processTable()].filter(([, p]) => p.ppid === primary && p.cmdline.includes('scripts/lib/worker.ts')).map(([pid]) => pid).sort()

type Sample = { client: number; start: number; end: number; status?: number; error?: string }

/** One GET on `agent` (one keep-alive connection per client). */
function get(agent: http.Agent, port: number, path: string): Promise<{ status?: number; error?: string }> {
  return new Promise((resolve) => {
    const req = http.get({ host: '127.0.0.1', port, path, agent, timeout: 60_000 }, (res) => {
      res.resume()
      res.on('end', () => resolve({ status: res.statusCode }))
      res.on('error', (e) => resolve({ error: e.message }))
    })
    req.on('timeout', () => req.destroy(new Error('timeout')))
    req.on('error', (e) => resolve({ error: (e as NodeJS.ErrnoException).code ?? e.message }))
  })
}

test('npm start on two processes: the job leader is killed under load, another takes over, no job slot runs twice, only its in-flight requests fail; SIGTERM drains a booking in flight and stops everything', async () => {
  test.setTimeout(420_000)
  const dataDir = mkdtempSync(path.join(tmpdir(), 'poputka-cluster-e2e-'))
  chmodSync(dataDir, 0o755) // the database runs as OS user `postgres` when we are root
  const [port, pgPort] = [await freePort(), await freePort()]
  const output: string[] = []
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    EMBEDDED_PG_PORT: String(pgPort),
    POPUTKA_DATA_DIR: dataDir,
    WEB_CONCURRENCY: '2',
    SEED_DEMO: '1',
    LOG_LEVEL: 'warn',
    POPUTKA_JOB_INTERVAL_MS: '1000',
    RATE_LIMIT_SEARCH_PER_MIN: '10000000',
    POPUTKA_FAULT_BOOKING_PAUSE_MS: '3000',
    POPUTKA_FAULT_BOOKING_PAUSE_AT: 'in-statement',
  }
  delete env.DATABASE_URL
  delete env.NEXTAUTH_SECRET
  const primary: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts'], { cwd: process.cwd(), env, stdio: ['ignore', 'pipe', 'pipe'], detached: true })
  const exited = new Promise<number | null>((resolve) => primary.once('exit', (code) => resolve(code)))
  for (const stream of [primary.stdout!, primary.stderr!]) stream.on('data', (chunk: Buffer) => output.push(chunk.toString()))
  const db = { client: undefined as pg.Client | undefined }
  let postmasterPid = 0

  try {
    await waitFor('the app to start', () => {
      if (primary.exitCode !== null) throw new Error(`npm start exited (${primary.exitCode}):\n${output.join('').slice(-3000)}`)
      return output.join('').includes('Poputka is running')
    }, 300_000)
    const secrets = JSON.parse(readFileSync(path.join(dataDir, 'secrets.json'), 'utf8')) as { databasePassword: string }
    db.client = new pg.Client({ connectionString: `postgresql://postgres:${encodeURIComponent(secrets.databasePassword)}@127.0.0.1:${pgPort}/poputka` })
    // The database stops at the end of the test, under this connection: that is expected.
    db.client.on('error', () => undefined)
    await db.client.connect()
    const sql = db.client
    postmasterPid = Number(readFileSync(path.join(dataDir, 'postgres', 'postmaster.pid'), 'utf8').split('\n')[0])
    const leaderPid = async () => {
      const { rows } = await sql.query<{ application_name: string }>(
        `SELECT a.application_name FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid WHERE l.locktype = 'advisory' AND l.objid = $1 AND l.granted`,
        [JOBS_LEADER_LOCK],
      )
      return rows[0] ? Number(/:(\d+)$/.exec(rows[0].application_name)?.[1]) : undefined
    }
    const runsBy = async (pid: number) =>
      Number((await sql.query<{ n: string }>(`SELECT count(*) AS n FROM job_runs WHERE job = 'expire-requests' AND runner LIKE $1`, [`%:${pid}`])).rows[0]!.n)

    const workers = await waitFor('two workers', () => workerPids(primary.pid!).length === 2 && workerPids(primary.pid!))
    const firstLeader = await waitFor('a job leader', leaderPid)
    expect(workers).toContain(firstLeader)
    await waitFor('a few runs by the first leader', async () => (await runsBy(firstLeader)) >= 3)

    // Load: eight clients, each on its own keep-alive connection, one request after another.
    const samples: Sample[] = []
    const paths = ['/api/trips?from=almaty', '/api/health', '/api/trips?from=shymkent&sort=price', '/api/ping']
    let loading = true
    const clients = Array.from({ length: CLIENTS }, async (_, client) => {
      const agent = new http.Agent({ keepAlive: true, maxSockets: 1 })
      for (let i = client; loading; i++) {
        const start = Date.now()
        const result = await get(agent, port, paths[i % paths.length]!)
        samples.push({ client, start, end: Date.now(), ...result })
      }
      agent.destroy()
    })
    await waitFor('answers to every client', () => new Set(samples.filter((s) => s.status === 200).map((s) => s.client)).size === CLIENTS)

    process.kill(firstLeader, 'SIGKILL')
    const killedAt = Date.now()
    const secondLeader = await waitFor('another job leader', async () => {
      const pid = await leaderPid()
      return pid && pid !== firstLeader ? pid : undefined
    })
    const tookOverMs = Date.now() - killedAt
    await waitFor('runs by the second leader', async () => (await runsBy(secondLeader)) >= 3)
    const replacement = await waitFor('a replacement worker', () => {
      const now = workerPids(primary.pid!)
      return now.length === 2 && !now.includes(firstLeader) ? now.find((pid) => pid !== secondLeader) : undefined
    })
    // Every client is answered again after the kill.
    await waitFor('answers to every client after the kill', () => new Set(samples.filter((s) => s.status === 200 && s.start > killedAt).map((s) => s.client)).size === CLIENTS)
    loading = false
    await Promise.all(clients)

    expect(isAlive(firstLeader)).toBe(false)
    expect(workers.filter((pid) => pid !== firstLeader)).toEqual([secondLeader])
    expect(replacement).not.toBe(firstLeader)

    // Requests: no HTTP error at all; the failures are the killed worker's: the request each client
    // had in flight on it (dropped by the kill), and — node:cluster's primary accepts connections
    // and hands them to workers — a connection handed to it in the moment before the primary learnt
    // of its death (seen once in CI: opened 95 ms after the kill, never answered). So every failure
    // started before the kill or within HANDOFF_MS after it, at most two a client, none later.
    const HANDOFF_MS = 1_000
    const failures = samples.filter((s) => s.status === undefined)
    const shown = `dropped: ${JSON.stringify(failures.map((f) => ({ ...f, start: f.start - killedAt, end: f.end - killedAt })))}`
    expect(samples.filter((s) => s.status !== undefined && s.status !== 200)).toEqual([])
    expect(failures.every((f) => typeof f.error === 'string')).toBe(true)
    const failuresByClient = new Map<number, number>()
    for (const f of failures) failuresByClient.set(f.client, (failuresByClient.get(f.client) ?? 0) + 1)
    expect([...failuresByClient.values()].every((n) => n <= 2), shown).toBe(true)
    expect(failures.every((f) => f.end >= killedAt && f.start <= killedAt + HANDOFF_MS), shown).toBe(true)
    expect(samples.filter((s) => s.status === 200).length).toBeGreaterThan(failures.length * 10)
    console.log(`cluster: leader ${firstLeader} killed, ${secondLeader} led after ${tookOverMs} ms; ${samples.length} requests, ${failures.length} dropped (${failures.map((f) => f.error).join(', ')}); replacement worker ${replacement}`)

    // Jobs: each slot once; the first leader's runs all before the kill, the second's all after;
    // no job ran in two processes at once; nobody else led.
    const { rows: runs } = await sql.query<{ job: string; slot: Date; runner: string; started_at: Date; finished_at: Date | null }>(
      `SELECT job, slot, runner, started_at, finished_at FROM job_runs ORDER BY job, started_at`,
    )
    const runners = new Set(runs.map((r) => Number(/:(\d+)$/.exec(r.runner)?.[1])))
    expect([...runners].sort()).toEqual([firstLeader, secondLeader].sort())
    expect(new Set(runs.map((r) => `${r.job}@${r.slot.toISOString()}`)).size).toBe(runs.length)
    for (const job of new Set(runs.map((r) => r.job))) {
      const ofJob = runs.filter((r) => r.job === job)
      for (let i = 1; i < ofJob.length; i++) {
        // A run killed with its process never finishes: it ended at the kill at the latest.
        const previousEnd = ofJob[i - 1]!.finished_at?.getTime() ?? killedAt
        expect([job, ofJob[i]!.started_at.getTime() >= previousEnd]).toEqual([job, true])
      }
      const byFirst = ofJob.filter((r) => r.runner.endsWith(`:${firstLeader}`))
      const bySecond = ofJob.filter((r) => r.runner.endsWith(`:${secondLeader}`))
      expect(byFirst.every((r) => r.started_at.getTime() <= killedAt)).toBe(true)
      expect(bySecond.every((r) => r.started_at.getTime() > Math.max(...byFirst.map((b) => b.started_at.getTime())))).toBe(true)
    }

    // 2. A booking in flight when SIGTERM arrives is answered and kept; then everything stops.
    const { rows: [trip] } = await sql.query<{ id: string }>(
      `SELECT id FROM trips WHERE status = 'SCHEDULED' AND seats_taken < seats_total AND departure_at > now() + interval '1 day' ORDER BY departure_at LIMIT 1`,
    )
    const email = `drain-${randomUUID().slice(0, 8)}@test.poputka.kz`
    const password = 'drain-password-123'
    const { rows: [rider] } = await sql.query<{ id: string }>(
      `INSERT INTO users (email, name, password_hash, roles, updated_at) VALUES ($1, 'Drain Test', $2, ARRAY['PASSENGER']::"Role"[], now()) RETURNING id`,
      [email, await hash(password, { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 })],
    )
    const { rows: [traveller] } = await sql.query<{ id: string }>(
      `INSERT INTO travellers (account_id, is_self, name, citizenship, updated_at) VALUES ($1, true, 'Drain Test', 'RU', now()) RETURNING id`,
      [rider!.id],
    )
    // In Kazakhstan since 5 days ago (an empty travel log is not zero days: the booking would ask
    // for the entry date).
    await sql.query(`INSERT INTO stays (traveller_id, entry_on, exit_on, updated_at) VALUES ($1, (now() AT TIME ZONE 'Asia/Almaty')::date - 5, NULL, now())`, [traveller!.id])
    const api = await playwrightRequest.newContext({ baseURL: `http://127.0.0.1:${port}` })
    const { csrfToken } = (await (await api.get('/api/auth/csrf')).json()) as { csrfToken: string }
    expect((await api.post('/api/auth/callback/credentials', { form: { csrfToken, email, password, json: 'true' } })).ok()).toBe(true)
    const booking = api.post(`/api/trips/${trip!.id}/bookings`, { data: { travellerIds: [traveller!.id], acknowledgeWarning: true }, headers: { 'Idempotency-Key': randomUUID() }, timeout: 60_000 })
    await waitFor('the booking inside its transaction', async () => (await sql.query(`SELECT 1 FROM pg_stat_activity WHERE state = 'active' AND wait_event = 'PgSleep' AND pid <> pg_backend_pid()`)).rowCount === 1)
    const tree = [primary.pid!, ...workerPids(primary.pid!)]
    process.kill(primary.pid!, 'SIGTERM')
    const answer = await booking
    expect(answer.status(), await answer.text()).toBe(201)
    const { id: bookingId } = (await answer.json()) as { id: string }
    await api.dispose()
    expect(await exited).toBe(0)
    await db.client.end().catch(() => undefined)
    db.client = undefined

    // Everything stopped: no worker, no primary, no PostgreSQL.
    await waitFor('every process to end', () => [...tree, postmasterPid].every((pid) => !isAlive(pid)), 30_000)
    expect(existsSync(path.join(dataDir, 'postgres', 'postmaster.pid'))).toBe(false)

    // The booking answered during the drain is there (started again to look).
    const check = spawn(process.execPath, ['--import', 'tsx', '-e', `
      const { startLocalDatabase } = require('./scripts/lib/local-database');
      const pg = require('pg');
      (async () => {
        const database = await startLocalDatabase({ dataDir: ${JSON.stringify(dataDir)}, port: ${pgPort}, quiet: true });
        const client = new pg.Client({ connectionString: database.url });
        await client.connect();
        const { rows } = await client.query("SELECT status FROM bookings WHERE id = $1", [${JSON.stringify(bookingId)}]);
        console.log('status=' + (rows[0] ? rows[0].status : 'missing'));
        await client.end();
        await database.stop();
      })().catch((e) => { console.error(e); process.exit(1) });
    `], { cwd: process.cwd(), stdio: ['ignore', 'pipe', 'inherit'] })
    let checked = ''
    check.stdout!.on('data', (chunk: Buffer) => (checked += chunk.toString()))
    await new Promise((resolve) => check.once('exit', resolve))
    expect(checked).toMatch(/status=(CONFIRMED|PENDING)/)
  } finally {
    await db.client?.end().catch(() => undefined)
    if (primary.exitCode === null && primary.signalCode === null) {
      try {
        process.kill(-primary.pid!, 'SIGTERM')
      } catch {
        /* gone */
      }
      await Promise.race([exited, new Promise((r) => setTimeout(r, 20_000))])
    }
    if (postmasterPid && isAlive(postmasterPid)) process.kill(postmasterPid, 'SIGINT')
    rmSync(dataDir, { recursive: true, force: true })
  }
})
