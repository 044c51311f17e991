// One Prisma client per process, created on first use with the pg driver adapter (Prisma 7 needs
// no engine binary this way) over a pg pool of our own, which the hot paths also use directly
// (queryPrepared below). Created lazily because `next build` imports route modules while it
// collects page data, when no database exists.
import { createHash } from 'node:crypto'
import { PrismaPg } from '@prisma/adapter-pg'
import pg from 'pg'
import { PrismaClient, type Prisma } from '@/lib/generated/prisma/client'
import { env } from '@/lib/env'

const globalForPrisma = globalThis as unknown as { poputkaPrisma?: PrismaClient; poputkaPool?: pg.Pool }

function createClient(): PrismaClient {
  const pool = new pg.Pool({
    connectionString: env.DATABASE_URL,
    max: env.DATABASE_POOL_SIZE,
    // Fail while the database is away instead of queueing requests for ever — but not within a
    // moment of CPU starvation: on two busy cores a new connection's handshake alone took over 5 s.
    connectionTimeoutMillis: 10_000,
  })
  globalForPrisma.poputkaPool = pool
  // The client owns the pool: $disconnect ends it.
  const adapter = new PrismaPg(pool, { disposeExternalPool: true })
  // A transaction waits up to 5 s for a pooled connection (Prisma's default, 2 s, turns a busy
  // moment into refusals) and may run 10 s; beyond that the caller gets a clear 503.
  return new PrismaClient({ adapter, transactionOptions: { maxWait: 5_000, timeout: 10_000 } })
}

export function getDb(): PrismaClient {
  globalForPrisma.poputkaPrisma ??= createClient()
  return globalForPrisma.poputkaPrisma
}

/** The shared client. Reused across hot reloads in development. */
export const db: PrismaClient = new Proxy({} as PrismaClient, {
  get: (_target, key) => {
    const client = getDb()
    const value = Reflect.get(client, key, client) as unknown
    return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(client) : value
  },
})

/** The pg pool under the shared client (the same connections), for a statement that needs none of
 * Prisma's mapping: `getPool().query({ text, values, rowMode: 'array' })` (the search). */
export function getPool(): pg.Pool {
  getDb()
  return globalForPrisma.poputkaPool!
}

const statementNames = new Map<string, string>()

/**
 * A statement of the hot paths (the session's user, the booking) straight through the pool Prisma
 * uses — the same connections, so the same budget — as a named prepared statement: each connection
 * parses and plans it once, later calls send only the values, and Prisma's per-query work is not
 * paid (`npm run bench`, README Performance). Built with Prisma.sql like $queryRaw; the rows come as
 * pg gives them (timestamps as Date, json parsed, int8 as strings: cast counts to int). Behind
 * PgBouncer in transaction mode this needs PgBouncer ≥ 1.21 with `max_prepared_statements` set.
 */
export async function queryPrepared<R>(label: string, query: Prisma.Sql): Promise<R[]> {
  const text = query.text
  let name = statementNames.get(text)
  if (!name) {
    name = `${label}_${createHash('sha1').update(text).digest('hex').slice(0, 16)}`
    statementNames.set(text, name)
  }
  const result = await getPool().query<R & pg.QueryResultRow>({ name, text, values: query.values as unknown[] })
  return result.rows
}
