// One Prisma client per process, created on first use with the pg driver adapter (Prisma 7 needs
// no engine binary this way). Created lazily because `next build` imports route modules while it
// collects page data, when no database exists.
//
// The adapter runs on a pg pool of our own, so that a hot read (the search) can send its one
// statement through the same connections without Prisma's per-query work (getPool): one pool,
// DATABASE_POOL_SIZE connections per process, whichever way a query goes.
import { PrismaPg } from '@prisma/adapter-pg'
import pg from 'pg'
import { PrismaClient } from '@/lib/generated/prisma/client'
import { env } from '@/lib/env'

const globalForPrisma = globalThis as unknown as { poputkaPrisma?: PrismaClient; poputkaPool?: pg.Pool }

function createClient(): { client: PrismaClient; pool: pg.Pool } {
  const pool = new pg.Pool({
    connectionString: env.DATABASE_URL,
    max: env.DATABASE_POOL_SIZE,
    // Fail while the database is away instead of queueing requests for ever — but not within a
    // moment of CPU starvation: on two busy cores a new connection's handshake alone took over 5 s.
    connectionTimeoutMillis: 10_000,
  })
  // $disconnect() ends the pool too (tests that switch databases, scripts that finish).
  const adapter = new PrismaPg(pool, { disposeExternalPool: true })
  // A transaction waits up to 5 s for a pooled connection (Prisma's default, 2 s, turns a busy
  // moment into refusals) and may run 10 s; beyond that the caller gets a clear 503.
  return { client: new PrismaClient({ adapter, transactionOptions: { maxWait: 5_000, timeout: 10_000 } }), pool }
}

export function getDb(): PrismaClient {
  if (!globalForPrisma.poputkaPrisma || !globalForPrisma.poputkaPool) {
    const { client, pool } = createClient()
    globalForPrisma.poputkaPrisma = client
    globalForPrisma.poputkaPool = pool
  }
  return globalForPrisma.poputkaPrisma
}

/** The pg pool under the shared client (the same connections), for a statement that needs none of
 * Prisma's mapping: `getPool().query({ text, values, rowMode: 'array' })`. */
export function getPool(): pg.Pool {
  getDb()
  return globalForPrisma.poputkaPool!
}

/** The shared client. Reused across hot reloads in development. */
export const db: PrismaClient = new Proxy({} as PrismaClient, {
  get: (_target, key) => {
    const client = getDb()
    const value = Reflect.get(client, key, client) as unknown
    return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(client) : value
  },
})
