// The job runner against a real PostgreSQL: one leader among several runners, a slot runs once,
// and a follower takes over when the leader's session ends. Runners here live in one process, each
// with its own lock connection, which is all PostgreSQL sees of a process.
import pg from 'pg'
import { afterEach, describe, expect, inject, test } from 'vitest'
import { JOBS_LEADER_LOCK, JobRunner, type Job, type LeaderTask } from './job-runner'

const databaseUrl = inject('databaseUrl')
const runners: JobRunner[] = []

afterEach(async () => {
  await Promise.all(runners.splice(0).map((r) => r.stop(2_000)))
})

async function waitFor<T>(what: string, probe: () => T | undefined | false | Promise<T | undefined | false>, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const value = await probe()
    if (value) return value
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await new Promise((r) => setTimeout(r, 50))
  }
}

async function query<T extends pg.QueryResultRow>(sql: string, values: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: databaseUrl })
  await client.connect()
  try {
    return (await client.query<T>(sql, values)).rows
  } finally {
    await client.end()
  }
}

/** Several runners sharing the same registered work, as the processes of one deployment do. */
function startRunners(count: number, jobs: Job[], tasks: LeaderTask[] = [], tickMs = 100): JobRunner[] {
  const registry = { jobs: new Map(jobs.map((j) => [j.name, j])), tasks: new Map(tasks.map((t) => [t.name, t])) }
  const started = Array.from({ length: count }, (_, i) => new JobRunner(registry, { databaseUrl, tickMs, identity: `test-${process.pid}-${i}-${Math.random().toString(36).slice(2, 8)}` }))
  for (const r of started) r.start()
  runners.push(...started)
  return started
}

const leaders = (rs: JobRunner[]) => rs.filter((r) => r.isLeader)

describe('JobRunner', () => {
  test('one runner of several leads, runs each slot of a job once, and records it', async () => {
    const name = `count-${Math.random().toString(36).slice(2)}`
    const calls: number[] = []
    const rs = startRunners(3, [{ name, everyMs: 200, run: async () => void calls.push(Date.now()) }])
    const leader = await waitFor('a leader', () => leaders(rs)[0])
    await waitFor('five runs', () => calls.length >= 5)
    // Still exactly one leader, and the lock is held by exactly one session.
    expect(leaders(rs)).toEqual([leader])
    const holders = await query(`SELECT pid FROM pg_locks WHERE locktype = 'advisory' AND objid = $1 AND granted`, [JOBS_LEADER_LOCK])
    expect(holders).toHaveLength(1)

    await Promise.all(runners.splice(0).map((r) => r.stop(2_000)))
    const rows = await query<{ slot: Date; runner: string; finished_at: Date | null; error: string | null }>(`SELECT slot, runner, finished_at, error FROM job_runs WHERE job = $1 ORDER BY slot`, [name])
    expect(rows.length).toBe(calls.length)
    expect(new Set(rows.map((r) => r.slot.getTime())).size).toBe(rows.length)
    expect(new Set(rows.map((r) => r.runner))).toEqual(new Set([leader.identity]))
    expect(rows.every((r) => r.finished_at !== null && r.error === null)).toBe(true)
  })

  test('when the leader goes, a follower takes the lock, its leader tasks start, and no slot runs twice', async () => {
    const name = `takeover-${Math.random().toString(36).slice(2)}`
    const active = new Set<string>()
    const taskLog: string[] = []
    let overlapping = 0
    const rs = startRunners(
      2,
      [{ name, everyMs: 150, run: async () => {
        if (active.size > 0) overlapping++
        active.add(name)
        await new Promise((r) => setTimeout(r, 20))
        active.delete(name)
      } }],
      [{ name: 'poller', start: () => {
        taskLog.push('start')
        return { stop: () => void taskLog.push('stop') }
      } }],
    )
    const first = await waitFor('a leader', () => leaders(rs)[0])
    await waitFor('runs by the first leader', async () => (await query(`SELECT 1 FROM job_runs WHERE job = $1 AND runner = $2`, [name, first.identity])).length >= 3)
    expect(taskLog).toEqual(['start'])

    await first.stop(2_000)
    const second = await waitFor('another leader', () => rs.find((r) => r !== first && r.isLeader))
    await waitFor('runs by the second leader', async () => (await query(`SELECT 1 FROM job_runs WHERE job = $1 AND runner = $2`, [name, second.identity])).length >= 3)
    expect(taskLog).toEqual(['start', 'stop', 'start'])

    const rows = await query<{ slot: Date; runner: string; started_at: Date; finished_at: Date | null }>(`SELECT slot, runner, started_at, finished_at FROM job_runs WHERE job = $1 ORDER BY started_at`, [name])
    expect(new Set(rows.map((r) => r.slot.getTime())).size).toBe(rows.length)
    // The first leader's runs all come before the second's: never both at once.
    const lastOfFirst = Math.max(...rows.filter((r) => r.runner === first.identity).map((r) => r.finished_at!.getTime()))
    const firstOfSecond = Math.min(...rows.filter((r) => r.runner === second.identity).map((r) => r.started_at.getTime()))
    expect(lastOfFirst).toBeLessThanOrEqual(firstOfSecond)
    expect(overlapping).toBe(0)
  })

  test('a leader whose session is terminated stops leading; the lock goes to whoever asks next', async () => {
    const name = `terminate-${Math.random().toString(36).slice(2)}`
    const rs = startRunners(2, [{ name, everyMs: 60_000, run: async () => undefined }])
    const first = await waitFor('a leader', () => leaders(rs)[0])
    await query(`SELECT pg_terminate_backend(pid) FROM pg_locks WHERE locktype = 'advisory' AND objid = $1 AND granted`, [JOBS_LEADER_LOCK])
    await waitFor('the first to notice', () => !first.isLeader)
    await waitFor('a leader again', () => leaders(rs).length === 1)
    // The minute's slot ran once, whoever leads now.
    expect(await query(`SELECT 1 FROM job_runs WHERE job = $1`, [name])).toHaveLength(1)
  })

  test('a failing job is recorded with its error and runs again in its next slot', async () => {
    const name = `failing-${Math.random().toString(36).slice(2)}`
    let calls = 0
    startRunners(1, [{ name, everyMs: 150, run: async () => {
      calls++
      throw new Error('no luck')
    } }])
    await waitFor('two failed runs', async () => (await query(`SELECT 1 FROM job_runs WHERE job = $1 AND error = 'no luck'`, [name])).length >= 2)
    expect(calls).toBeGreaterThanOrEqual(2)
  })
})
