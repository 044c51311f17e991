// The line from a worker of `npm start` (node:cluster, scripts/lib/cluster.ts) to its primary
// process, for what must be counted once across all workers: the per-address search limit. Calls
// made in the same turn of the event loop travel as one message (a busy worker sends one message
// per turn, not one per request). Off a cluster (dev, tests, one process) there is no primary:
// callers count locally.
import type { RateLimitResult } from '@/lib/rate-limit'

export type LimitHit = { rule: string; limit: number; windowSeconds: number; subject: string }

/** Messages between workers and the primary ("poputka" keeps them apart from anyone else's). */
export type LimitRequest = { poputka: 'limit'; id: number; hits: LimitHit[] }
export type LimitReply = { poputka: 'limit'; id: number; results: RateLimitResult[] }

/** How long a worker waits for the primary before it counts locally (it never should). */
const REPLY_TIMEOUT_MS = 1_000

type Channel = {
  nextId: number
  queue: { hit: LimitHit; resolve: (r: RateLimitResult) => void; reject: (e: Error) => void }[]
  pending: Map<number, { resolve: (r: RateLimitResult[]) => void; reject: (e: Error) => void; timer: NodeJS.Timeout }>
  flushScheduled: boolean
}

/** True in a worker of the cluster, while its primary is there. */
export function hasPrimary(): boolean {
  return process.env.POPUTKA_CLUSTER_WORKER === '1' && typeof process.send === 'function' && process.connected
}

// One channel per process, on globalThis: Next.js bundles its own copies of our modules.
function channel(): Channel {
  const key = Symbol.for('poputka.primaryChannel')
  const g = globalThis as unknown as { [k: symbol]: Channel | undefined }
  let c = g[key]
  if (c) return c
  c = { nextId: 1, queue: [], pending: new Map(), flushScheduled: false }
  g[key] = c
  const own = c
  process.on('message', (message: unknown) => {
    const reply = message as Partial<LimitReply> | null
    if (!reply || reply.poputka !== 'limit' || typeof reply.id !== 'number' || !Array.isArray(reply.results)) return
    const waiting = own.pending.get(reply.id)
    if (!waiting) return
    own.pending.delete(reply.id)
    clearTimeout(waiting.timer)
    waiting.resolve(reply.results)
  })
  process.on('disconnect', () => {
    for (const [id, waiting] of own.pending) {
      own.pending.delete(id)
      clearTimeout(waiting.timer)
      waiting.reject(new Error('the primary process is gone'))
    }
  })
  return c
}

function flush(c: Channel): void {
  c.flushScheduled = false
  const batch = c.queue.splice(0)
  if (batch.length === 0) return
  const id = c.nextId++
  const fail = (error: Error) => {
    for (const item of batch) item.reject(error)
  }
  const timer = setTimeout(() => {
    c.pending.delete(id)
    fail(new Error('the primary process did not answer'))
  }, REPLY_TIMEOUT_MS)
  timer.unref()
  c.pending.set(id, {
    resolve: (results) => batch.forEach((item, i) => (results[i] ? item.resolve(results[i]) : item.reject(new Error('no result')))),
    reject: fail,
    timer,
  })
  const message: LimitRequest = { poputka: 'limit', id, hits: batch.map((item) => item.hit) }
  process.send!(message, undefined, undefined, (error) => {
    if (!error) return
    const waiting = c.pending.get(id)
    if (!waiting) return
    c.pending.delete(id)
    clearTimeout(waiting.timer)
    fail(error)
  })
}

/** Counts one hit of `rule` for `subject` at the primary; rejects when there is no answer. */
export function hitLimitAtPrimary(hit: LimitHit): Promise<RateLimitResult> {
  const c = channel()
  return new Promise((resolve, reject) => {
    c.queue.push({ hit, resolve, reject })
    if (!c.flushScheduled) {
      c.flushScheduled = true
      setImmediate(() => flush(c))
    }
  })
}
