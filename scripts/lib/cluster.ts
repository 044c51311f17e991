// The primary process of `npm start` on several cores: it forks N workers (node:cluster), each
// serving the app on the same port (the primary hands connections out in turn), keeps the
// counters that must hold across them (the search limit), replaces a worker that dies, and on
// close() asks every worker to drain and waits for it. The database, migrations, seed and build
// are done once, before this (scripts/lib/poputka.ts). See docs/decisions/011-multi-process-serving.md.
import cluster, { type Worker } from 'node:cluster'
import path from 'node:path'
import { createMemoryLimiter, type RateLimitResult } from '@/lib/rate-limit'
import type { LimitReply, LimitRequest } from '@/lib/primary-channel'
import { DRAIN_TIMEOUT_MS, type RunningServer } from './http-server'

export type ClusterOptions = {
  workers: number
  port: number
  hostname: string
  trustProxy: boolean
  log: (message: string) => void
}

/** Messages a worker sends its primary (besides limit requests). */
export type WorkerMessage = { poputka: 'ready' }
/** Messages the primary sends a worker. */
export type PrimaryMessage = { poputka: 'drain' }

/** A worker that dies this soon after starting counts as a crash loop: replacements slow down. */
const EARLY_EXIT_MS = 10_000

/** The primary's side of the shared limits: one memory limiter per rule, for every worker. */
export function createLimitAnswerer(): (request: LimitRequest) => LimitReply {
  const limiters = new Map<string, (subject: string) => RateLimitResult>()
  return (request) => ({
    poputka: 'limit',
    id: request.id,
    results: request.hits.map((hit) => {
      const key = `${hit.rule}:${hit.limit}:${hit.windowSeconds}`
      let limiter = limiters.get(key)
      if (!limiter) {
        limiter = createMemoryLimiter(hit.limit, hit.windowSeconds)
        limiters.set(key, limiter)
      }
      return limiter(hit.subject)
    }),
  })
}

export async function startCluster(options: ClusterOptions): Promise<RunningServer & { workerPids: () => number[] }> {
  const { log } = options
  cluster.setupPrimary({ exec: path.join(__dirname, 'worker.ts'), silent: false })
  const limit = createLimitAnswerer()

  let closing = false
  let crashes = 0
  const workers = new Set<Worker>()
  const env = { POPUTKA_CLUSTER_WORKER: '1', PORT: String(options.port), HOST: options.hostname, TRUST_PROXY: options.trustProxy ? '1' : '0' }

  // A worker that fails during the first start fails the start; after that, every worker that
  // stops (crashes, is killed, or fails to start as a replacement) is replaced.
  const fork = (index: number, initial: boolean): Promise<Worker> =>
    new Promise((resolve, reject) => {
      const worker = cluster.fork({ ...env, POPUTKA_WORKER_INDEX: String(index) })
      const startedAt = Date.now()
      let ready = false
      workers.add(worker)
      worker.on('message', (message: unknown) => {
        const m = message as Partial<LimitRequest | WorkerMessage> | null
        if (m?.poputka === 'limit' && Array.isArray((m as LimitRequest).hits)) {
          if (worker.isConnected()) worker.send(limit(m as LimitRequest))
        } else if (m?.poputka === 'ready') {
          ready = true
          resolve(worker)
        }
      })
      worker.once('exit', (code, signal) => {
        workers.delete(worker)
        if (!ready) reject(new Error(`a worker exited while starting (${signal ?? `code ${code}`})`))
        if (closing || (initial && !ready)) return
        crashes = Date.now() - startedAt < EARLY_EXIT_MS ? crashes + 1 : 0
        const delay = Math.min(30_000, crashes === 0 ? 200 : 1_000 * 2 ** Math.min(crashes, 5))
        log(`Worker ${worker.process.pid} stopped (${signal ?? `code ${code}`}); starting another in ${(delay / 1000).toFixed(1)} s.`)
        setTimeout(() => {
          if (closing) return
          fork(index, false).then(
            (replacement) => log(`Worker ${replacement.process.pid} replaces ${worker.process.pid}.`),
            (error: unknown) => log(`A replacement worker failed to start: ${String(error)}`),
          )
        }, delay).unref()
      })
    })

  try {
    await Promise.all(Array.from({ length: options.workers }, (_, i) => fork(i, true)))
  } catch (error) {
    closing = true
    for (const w of workers) w.process.kill('SIGKILL')
    throw error
  }

  return {
    url: `http://${options.hostname === '0.0.0.0' ? 'localhost' : options.hostname}:${options.port}`,
    workerPids: () => [...workers].map((w) => w.process.pid!).filter(Boolean),
    close: async () => {
      closing = true
      await Promise.all(
        [...workers].map(
          (worker) =>
            new Promise<void>((resolve) => {
              if (worker.process.exitCode !== null || worker.process.signalCode !== null) return resolve()
              worker.once('exit', () => resolve())
              const drain: PrimaryMessage = { poputka: 'drain' }
              if (worker.isConnected()) worker.send(drain)
              else worker.process.kill('SIGTERM')
              // A worker that does not finish its drain in time is stopped.
              setTimeout(() => worker.process.kill('SIGKILL'), DRAIN_TIMEOUT_MS + 5_000).unref()
            }),
        ),
      )
    },
  }
}
