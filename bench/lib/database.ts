// A throwaway embedded PostgreSQL for one bench run: its own temp folder and port (never the demo
// data in .data/), durability off (the bench measures work, not disks), migrated with our runner
// and seeded with the reference data (cities, checkpoints, pickup points).
import { chmodSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { PrismaPg } from '@prisma/adapter-pg'
import pg from 'pg'
import { PrismaClient } from '@/lib/generated/prisma/client'
import { runMigrations } from '@/lib/migrations/run-migrations'
import { seedReferenceData } from '@/prisma/seed'
import { findFreePort, startEmbeddedPostgres } from '@/scripts/lib/embedded-postgres'

export type BenchDatabase = { url: string; stop: () => Promise<void> }

export async function startBenchDatabase(): Promise<BenchDatabase> {
  const dir = mkdtempSync(path.join(tmpdir(), 'poputka-bench-'))
  chmodSync(dir, 0o755) // the server runs as OS user `postgres` when we are root
  const database = await startEmbeddedPostgres({
    dataDir: path.join(dir, 'pg'),
    port: await findFreePort(),
    password: 'bench-password',
    database: 'poputka_bench',
    persistent: false,
    quiet: true,
    serverFlags: [
      '-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off',
      '-c', 'max_connections=300', '-c', 'shared_buffers=512MB', '-c', 'maintenance_work_mem=256MB',
      '-c', 'max_wal_size=4GB', '-c', 'checkpoint_timeout=30min', '-c', 'autovacuum=off',
      '-c', 'shared_preload_libraries=pg_stat_statements',
    ],
  })
  try {
    await runMigrations(database.url, { log: () => undefined })
    const admin = new pg.Client({ connectionString: database.url })
    await admin.connect()
    await admin.query('CREATE EXTENSION IF NOT EXISTS pg_stat_statements').finally(() => admin.end())
    const db = new PrismaClient({ adapter: new PrismaPg({ connectionString: database.url, max: 2 }) })
    try {
      await seedReferenceData(db)
    } finally {
      await db.$disconnect()
    }
  } catch (error) {
    await database.stop().catch(() => undefined)
    rmSync(dir, { recursive: true, force: true })
    throw error
  }
  return {
    url: database.url,
    stop: async () => {
      await database.stop().catch(() => undefined)
      rmSync(dir, { recursive: true, force: true })
    },
  }
}

/** A copy of the database at `url` named `name` (nobody may be connected to it meanwhile). */
export async function copyDatabase(url: string, name: string): Promise<string> {
  const source = new URL(url)
  const sourceName = decodeURIComponent(source.pathname.slice(1))
  const admin = new URL(url)
  admin.pathname = '/postgres'
  const client = new pg.Client({ connectionString: admin.toString() })
  await client.connect()
  try {
    await client.query(`CREATE DATABASE ${client.escapeIdentifier(name)} TEMPLATE ${client.escapeIdentifier(sourceName)} STRATEGY FILE_COPY`)
  } finally {
    await client.end()
  }
  const copy = new URL(url)
  copy.pathname = `/${name}`
  return copy.toString()
}
