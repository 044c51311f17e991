// Samples pg_stat_activity while a scenario runs: how many of the app's connections are running a
// query, idle in a transaction, or waiting on a lock (a queue behind a run's row) — the figures that
// say whether the pool, the database or the app's CPU is the limit. Tolerates the database being away.
import pg from 'pg'

export type ActivityPeak = { connections: number; active: number; idleInTransaction: number; waitingOnLock: number; samples: number }

export function startActivitySampler(url: string, everyMs: number) {
  const peak: ActivityPeak = { connections: 0, active: 0, idleInTransaction: 0, waitingOnLock: 0, samples: 0 }
  let running = true
  let client: pg.Client | undefined
  const loop = (async () => {
    while (running) {
      try {
        if (!client) {
          const fresh = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1_000 })
          fresh.on('error', () => undefined) // the database going away mid-run is expected in scenario B
          await fresh.connect()
          client = fresh
        }
        const { rows } = await client.query<{ connections: number; active: number; idle_in_tx: number; waiting_on_lock: number }>(
          `SELECT count(*)::int AS connections,
                  count(*) FILTER (WHERE state = 'active')::int AS active,
                  count(*) FILTER (WHERE state LIKE 'idle in transaction%')::int AS idle_in_tx,
                  count(*) FILTER (WHERE wait_event_type = 'Lock')::int AS waiting_on_lock
           FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND backend_type = 'client backend'`,
        )
        const r = rows[0]!
        peak.connections = Math.max(peak.connections, r.connections)
        peak.active = Math.max(peak.active, r.active)
        peak.idleInTransaction = Math.max(peak.idleInTransaction, r.idle_in_tx)
        peak.waitingOnLock = Math.max(peak.waitingOnLock, r.waiting_on_lock)
        peak.samples++
      } catch {
        await client?.end().catch(() => undefined)
        client = undefined
      }
      await new Promise((r) => setTimeout(r, everyMs))
    }
  })()
  return {
    peak,
    stop: async () => {
      running = false
      await loop
      await client?.end().catch(() => undefined)
    },
  }
}
