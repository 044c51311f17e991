// How many processes serve the app and how many database connections each may hold, so that all
// of them together stay inside PostgreSQL's max_connections with room to spare (psql, backups,
// migrations, a second deployment starting while the first stops).
import { availableParallelism } from 'node:os'
import pg from 'pg'

/** Connections each app process holds besides its pool: the background jobs' lock session. */
export const EXTRA_CONNECTIONS_PER_PROCESS = 1
/** The pool size when nothing says otherwise (lib/env.ts's default). */
export const DEFAULT_POOL_SIZE = 10
/** Share of the usable connections the app may plan for; the rest is room. */
export const CONNECTION_BUDGET_SHARE = 0.8

/** N = WEB_CONCURRENCY, else the cores this process may use; 1 in development (hot reload). */
export function workerCount(options: { dev: boolean; webConcurrency?: number }): number {
  if (options.dev) return 1
  return options.webConcurrency ?? availableParallelism()
}

/** max_connections for the embedded server: the default 100, or more when N processes need it. */
export function embeddedMaxConnections(workers: number): number {
  return Math.max(100, Math.ceil((workers * (DEFAULT_POOL_SIZE + EXTRA_CONNECTIONS_PER_PROCESS)) / CONNECTION_BUDGET_SHARE) + 10)
}

export type PoolPlan = {
  workers: number
  poolSize: number
  /** workers × (pool + the jobs' session) */
  connections: number
  /** the share of usable connections planned for */
  budget: number
  maxConnections: number
  warning?: string
}

export function planPool(options: { workers: number; maxConnections: number; reservedConnections: number; requestedPoolSize?: number }): PoolPlan {
  const { workers, maxConnections } = options
  const budget = Math.floor((maxConnections - options.reservedConnections) * CONNECTION_BUDGET_SHARE)
  const fits = Math.floor(budget / workers) - EXTRA_CONNECTIONS_PER_PROCESS
  const poolSize = options.requestedPoolSize ?? Math.max(2, Math.min(DEFAULT_POOL_SIZE, fits))
  const connections = workers * (poolSize + EXTRA_CONNECTIONS_PER_PROCESS)
  const plan: PoolPlan = { workers, poolSize, connections, budget, maxConnections }
  if (connections > budget) {
    plan.warning =
      `${workers} processes × (${poolSize} pooled + ${EXTRA_CONNECTIONS_PER_PROCESS}) = ${connections} database connections, ` +
      `more than ${Math.round(CONNECTION_BUDGET_SHARE * 100)} % of what PostgreSQL allows (max_connections ${maxConnections}). ` +
      'Lower WEB_CONCURRENCY or DATABASE_POOL_SIZE, raise max_connections, or put PgBouncer in front.'
  }
  return plan
}

/** max_connections and the slots PostgreSQL keeps for superusers (and, from 16, reserved roles). */
export async function readConnectionLimits(databaseUrl: string): Promise<{ maxConnections: number; reservedConnections: number }> {
  const client = new pg.Client({ connectionString: databaseUrl, connectionTimeoutMillis: 10_000 })
  await client.connect()
  try {
    const { rows } = await client.query<{ name: string; setting: string }>(
      `SELECT name, setting FROM pg_settings WHERE name IN ('max_connections', 'superuser_reserved_connections', 'reserved_connections')`,
    )
    const value = (name: string) => Number(rows.find((r) => r.name === name)?.setting ?? 0)
    return { maxConnections: value('max_connections'), reservedConnections: value('superuser_reserved_connections') + value('reserved_connections') }
  } finally {
    await client.end()
  }
}
