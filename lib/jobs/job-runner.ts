// Background work runs in exactly one process at a time, among every process on every host that
// shares the database: the one holding a PostgreSQL advisory lock (JOBS_LEADER_LOCK) on a
// connection of its own. Every app process starts a runner (instrumentation.ts); followers try
// the lock once a second, so when the leader dies its session ends, PostgreSQL releases the lock
// and another process leads within about a second. See docs/decisions/011-multi-process-serving.md.
//
// Two kinds of work plug in:
//   registerJob({ name, everyMs, run })      periodic: run once per slot of `everyMs` (slots are
//                                             aligned to the epoch), by the leader only.
//   registerLeaderTask({ name, start })      long-running (a queue worker, a long poll): started
//                                             when this process becomes the leader, stopped
//                                             (the object `start` returned, `.stop()`) when it
//                                             stops leading or shuts down.
//
// A periodic run first claims its slot in `job_runs` — through the lock's own connection, so the
// claim succeeds only while this session still holds the lock — and a slot is claimed once
// ((job, slot) is unique), nor while another process's run of the same job started less than
// `everyMs` ago has not finished. So a slot never runs twice, even across a change of leader, and
// `job_runs` says when each job ran, where, and how it ended.
import { hostname } from 'node:os'
import pg from 'pg'
import { isDatabaseUnavailable } from '@/lib/errors'
import { log } from '@/lib/log'

/** pg_try_advisory_lock key of the job leader ("POPU"); other locks of ours use other keys. */
export const JOBS_LEADER_LOCK = 0x504f5055

export type Job = { name: string; everyMs: number; run: () => Promise<unknown> }
export type Stoppable = { stop: () => unknown }
export type LeaderTask = { name: string; start: () => Stoppable | void | Promise<Stoppable | void> }

export type JobRunnerOptions = {
  databaseUrl: string
  /** How often followers try the lock and the leader looks for due jobs (1 s). */
  tickMs?: number
  /** Every job at this interval instead of its own (tests of leadership: POPUTKA_JOB_INTERVAL_MS). */
  intervalOverrideMs?: number
  /** Who this runner is in `job_runs.runner` and in the lock connection's application_name. */
  identity?: string
}

type Registry = { jobs: Map<string, Job>; tasks: Map<string, LeaderTask>; runner?: JobRunner }

// On globalThis: Next.js bundles its own copy of this module for instrumentation.ts, and the
// process's shutdown (scripts/lib/http-server.ts) must reach the same runner.
const registry: Registry = ((globalThis as unknown as { [k: symbol]: Registry })[Symbol.for('poputka.jobs')] ??= {
  jobs: new Map(),
  tasks: new Map(),
})

export function registerJob(job: Job): void {
  if (!Number.isInteger(job.everyMs) || job.everyMs < 1) throw new Error(`job ${job.name}: everyMs must be a positive integer`)
  registry.jobs.set(job.name, job)
}

export function registerLeaderTask(task: LeaderTask): void {
  registry.tasks.set(task.name, task)
}

/** Starts this process's runner (once; later calls return the same runner). */
export function startJobRunner(options: JobRunnerOptions): JobRunner {
  registry.runner ??= new JobRunner(registry, options)
  registry.runner.start()
  return registry.runner
}

/** Stops the runner, if any: no new runs, running ones awaited (up to `timeoutMs`), the lock released. */
export async function stopJobRunner(timeoutMs = 10_000): Promise<void> {
  await registry.runner?.stop(timeoutMs)
}

export class JobRunner {
  readonly identity: string
  private client: pg.Client | undefined
  /** The end of the last statement sent on the lock's session (see query()). */
  private sessionTurn: Promise<unknown> = Promise.resolve()
  private connecting: Promise<void> | undefined
  private timer: NodeJS.Timeout | undefined
  private leading = false
  private stopped = false
  private ticking: Promise<void> | undefined
  private readonly running = new Map<string, Promise<void>>()
  private readonly lastSlot = new Map<string, number>()
  private readonly started = new Map<string, Stoppable>()
  private unavailableSince: number | undefined

  constructor(
    private readonly registry: Pick<Registry, 'jobs' | 'tasks'>,
    private readonly options: JobRunnerOptions,
  ) {
    this.identity = options.identity ?? `${hostname()}:${process.pid}`
  }

  get isLeader(): boolean {
    return this.leading
  }

  start(): void {
    if (this.timer || this.stopped) return
    const tick = () => void this.tick()
    this.timer = setInterval(tick, this.options.tickMs ?? 1_000)
    this.timer.unref()
    tick()
  }

  /** One step: connect if needed, try the lock as a follower, start due jobs as the leader. */
  async tick(): Promise<void> {
    if (this.ticking || this.stopped) return
    this.ticking = this.step().finally(() => {
      this.ticking = undefined
    })
    await this.ticking
  }

  private async step(): Promise<void> {
    try {
      const client = await this.connection()
      if (!client) return
      if (!this.leading) {
        const { rows } = await this.query<{ ok: boolean }>(client, 'SELECT pg_try_advisory_lock($1) AS ok', [JOBS_LEADER_LOCK])
        if (!rows[0]?.ok || this.stopped) return
        this.leading = true
        log.info('job leader: this process runs the background jobs', { runner: this.identity })
        await this.startTasks()
      }
      const now = Date.now()
      for (const job of this.registry.jobs.values()) {
        if (this.running.has(job.name) || !this.leading || this.stopped) continue
        const everyMs = this.options.intervalOverrideMs ?? job.everyMs
        const slot = Math.floor(now / everyMs) * everyMs
        if (this.lastSlot.get(job.name) === slot) continue
        if (!(await this.claim(client, job.name, slot, everyMs))) {
          this.lastSlot.set(job.name, slot)
          continue
        }
        this.lastSlot.set(job.name, slot)
        const run = this.execute(job, slot).finally(() => this.running.delete(job.name))
        this.running.set(job.name, run)
      }
      if (this.unavailableSince !== undefined) {
        log.info('job runner: database reachable again')
        this.unavailableSince = undefined
      }
    } catch (error) {
      // A lost connection ends the session ('end' above); anything else is logged once a spell.
      this.noteUnavailable(error)
    }
  }

  /** The lock's session runs one statement at a time: a job ending while the tick claims the next
   * waits its turn here (pg 8 queues a second query with a deprecation warning; pg 9 refuses it). */
  private query<R extends pg.QueryResultRow = pg.QueryResultRow>(client: pg.Client, sql: string, values: unknown[]): Promise<pg.QueryResult<R>> {
    const result = this.sessionTurn.then(() => client.query<R>(sql, values))
    this.sessionTurn = result.catch(() => undefined)
    return result
  }

  private async claim(client: pg.Client, job: string, slot: number, everyMs: number): Promise<boolean> {
    const { rowCount } = await this.query(
      client,
      `INSERT INTO job_runs (job, slot, runner)
       SELECT $1, to_timestamp($2::double precision / 1000), $3
       WHERE NOT EXISTS (
         SELECT 1 FROM job_runs WHERE job = $1 AND finished_at IS NULL AND started_at > now() - make_interval(secs => $4::double precision / 1000))
       ON CONFLICT (job, slot) DO NOTHING`,
      [job, slot, this.identity, everyMs],
    )
    return rowCount === 1
  }

  private async execute(job: Job, slot: number): Promise<void> {
    let failure: string | null = null
    try {
      await job.run()
    } catch (error) {
      failure = error instanceof Error ? error.message.slice(0, 500) : String(error).slice(0, 500)
      if (isDatabaseUnavailable(error)) log.warn(`job ${job.name}: database unavailable`)
      else log.error(`job ${job.name} failed`, { error })
    }
    await this.record(job.name, slot, failure).catch((error: unknown) => log.warn(`job ${job.name}: could not record its end`, { error: String(error) }))
  }

  private async record(job: string, slot: number, failure: string | null): Promise<void> {
    const sql = `UPDATE job_runs SET finished_at = now(), error = $3 WHERE job = $1 AND slot = to_timestamp($2::double precision / 1000)`
    const values = [job, slot, failure]
    if (this.client) {
      await this.query(this.client, sql, values)
      return
    }
    // The lock's session is gone (or we are stopping): a short connection of its own.
    const client = new pg.Client({ connectionString: this.options.databaseUrl, connectionTimeoutMillis: 5_000, application_name: 'poputka-jobs' })
    await client.connect()
    try {
      await client.query(sql, values)
    } finally {
      await client.end().catch(() => undefined)
    }
  }

  private async startTasks(): Promise<void> {
    for (const task of this.registry.tasks.values()) {
      try {
        const handle = await task.start()
        if (handle) this.started.set(task.name, handle)
      } catch (error) {
        log.error(`leader task ${task.name} did not start`, { error })
      }
    }
  }

  private async stopTasks(): Promise<void> {
    const handles = [...this.started.entries()]
    this.started.clear()
    await Promise.all(
      handles.map(async ([name, handle]) => {
        try {
          await handle.stop()
        } catch (error) {
          log.warn(`leader task ${name} did not stop cleanly`, { error: String(error) })
        }
      }),
    )
  }

  private async connection(): Promise<pg.Client | undefined> {
    if (this.client) return this.client
    this.connecting ??= (async () => {
      const client = new pg.Client({
        connectionString: this.options.databaseUrl,
        connectionTimeoutMillis: 5_000,
        // A leader whose host vanishes without closing its socket is noticed by keepalives.
        keepAlive: true,
        application_name: `poputka-jobs ${this.identity}`.slice(0, 63),
      })
      // The session that holds the lock ended (database restart, network): we lead no more.
      client.on('error', () => this.dropConnection(client))
      client.on('end', () => this.dropConnection(client))
      await client.connect()
      if (this.stopped) {
        await client.end().catch(() => undefined)
        return
      }
      this.client = client
    })().finally(() => {
      this.connecting = undefined
    })
    await this.connecting
    return this.client
  }

  private dropConnection(client: pg.Client | undefined = this.client): void {
    if (!client || client !== this.client) return
    this.client = undefined
    client.end().catch(() => undefined)
    if (this.leading) {
      this.leading = false
      log.warn('job leader: lost the lock connection; another process may lead now', { runner: this.identity })
      void this.stopTasks()
    }
  }

  private noteUnavailable(error: unknown): void {
    if (this.unavailableSince !== undefined) return
    this.unavailableSince = Date.now()
    if (isDatabaseUnavailable(error) || (error instanceof Error && /connect|terminat|timeout|ECONN|ETIMEDOUT/i.test(error.message))) log.warn('job runner: database unavailable; retrying every second')
    else log.error('job runner: unexpected error', { error })
  }

  /** No new runs; running ones finish (up to `timeoutMs`); leader tasks stop; the lock is released. */
  async stop(timeoutMs = 10_000): Promise<void> {
    if (this.stopped) return
    this.stopped = true
    clearInterval(this.timer)
    this.timer = undefined
    await this.ticking
    await this.stopTasks()
    const settled = Promise.allSettled([...this.running.values()])
    await Promise.race([settled, new Promise((resolve) => setTimeout(resolve, timeoutMs).unref())])
    const client = this.client
    this.client = undefined
    this.leading = false
    // Ending the session releases the lock at once: a follower takes over on its next tick.
    await client?.end().catch(() => undefined)
  }
}
