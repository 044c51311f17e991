// One Prisma client per process, created on first use with the pg driver adapter (Prisma 7 needs
// no engine binary this way). Created lazily because `next build` imports route modules while it
// collects page data, when no database exists.
import { PrismaPg } from '@prisma/adapter-pg'
import { PrismaClient } from '@/lib/generated/prisma/client'
import { env } from '@/lib/env'

const globalForPrisma = globalThis as unknown as { poputkaPrisma?: PrismaClient }

function createClient(): PrismaClient {
  const adapter = new PrismaPg({
    connectionString: env.DATABASE_URL,
    max: env.DATABASE_POOL_SIZE,
    // Fail while the database is away instead of queueing requests for ever — but not within a
    // moment of CPU starvation: on two busy cores a new connection's handshake alone took over 5 s.
    connectionTimeoutMillis: 10_000,
  })
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
