// Applies prisma/migrations/<timestamp>_<name>/migration.sql in name order and records each one in
// `_prisma_migrations` exactly as `prisma migrate deploy` does, because Prisma's native migrate
// engine cannot be downloaded on our machines (docs/decisions/001-migration-runner.md).
import { createHash, randomUUID } from 'node:crypto'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import pg from 'pg'

/** Prisma's own advisory-lock key, so this runner and `prisma migrate deploy` exclude each other. */
export const PRISMA_MIGRATE_LOCK_KEY = 72707369

// Prisma's DDL for its bookkeeping table, column for column.
const CREATE_MIGRATIONS_TABLE = `
CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`

export type MigrationFile = { name: string; sql: string; checksum: string }

export type MigrateResult = { applied: string[]; alreadyApplied: number; warnings: string[] }

export class MigrationError extends Error {
  override name = 'MigrationError'
}

export function defaultMigrationsDir(): string {
  return path.join(process.cwd(), 'prisma', 'migrations')
}

export function readMigrations(dir: string = defaultMigrationsDir()): MigrationFile[] {
  if (!existsSync(dir)) return []
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory() && existsSync(path.join(dir, e.name, 'migration.sql')))
    .map((e) => e.name)
    .sort()
    .map((name) => {
      const bytes = readFileSync(path.join(dir, name, 'migration.sql'))
      return { name, sql: bytes.toString('utf8'), checksum: createHash('sha256').update(bytes).digest('hex') }
    })
}

type AppliedRow = {
  migration_name: string
  checksum: string
  finished_at: Date | null
  rolled_back_at: Date | null
}

export async function runMigrations(
  connectionString: string,
  options: { dir?: string; log?: (message: string) => void } = {},
): Promise<MigrateResult> {
  const log = options.log ?? (() => undefined)
  const migrations = readMigrations(options.dir)
  const client = new pg.Client({ connectionString })
  await client.connect()
  const result: MigrateResult = { applied: [], alreadyApplied: 0, warnings: [] }
  try {
    // Session-level lock: a second process waits here until the first has finished, then finds
    // every migration recorded and applies nothing.
    await client.query('SELECT pg_advisory_lock($1)', [PRISMA_MIGRATE_LOCK_KEY])
    await client.query(CREATE_MIGRATIONS_TABLE)
    const rows = (
      await client.query<AppliedRow>(
        'SELECT migration_name, checksum, finished_at, rolled_back_at FROM "_prisma_migrations" ORDER BY started_at',
      )
    ).rows
    const failed = rows.find((r) => r.finished_at === null && r.rolled_back_at === null)
    if (failed) {
      throw new MigrationError(
        `Migration ${failed.migration_name} failed earlier and was not resolved. Fix the database, then run ` +
          `"npm run db:migrate -- --rolled-back ${failed.migration_name}" (or "prisma migrate resolve").`,
      )
    }
    const done = new Map(rows.filter((r) => r.finished_at !== null).map((r) => [r.migration_name, r]))
    for (const name of done.keys()) {
      if (!migrations.some((m) => m.name === name)) result.warnings.push(`Applied migration ${name} is missing locally.`)
    }
    for (const migration of migrations) {
      const previous = done.get(migration.name)
      if (previous) {
        result.alreadyApplied++
        if (previous.checksum !== migration.checksum) {
          result.warnings.push(`Migration ${migration.name} was modified after it was applied.`)
        }
        continue
      }
      const id = randomUUID()
      try {
        // The migration and its bookkeeping row commit together or not at all.
        await client.query('BEGIN')
        await client.query(
          'INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, applied_steps_count) VALUES ($1, $2, $3, now(), 0)',
          [id, migration.checksum, migration.name],
        )
        await client.query(migration.sql)
        await client.query(
          'UPDATE "_prisma_migrations" SET finished_at = clock_timestamp(), applied_steps_count = 1 WHERE id = $1',
          [id],
        )
        await client.query('COMMIT')
        result.applied.push(migration.name)
        log(`Applied migration ${migration.name}`)
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined)
        const message = error instanceof Error ? error.message : String(error)
        // Recorded like Prisma records a failed migration, so nothing runs past it unnoticed.
        await client.query(
          'INSERT INTO "_prisma_migrations" (id, checksum, migration_name, logs, started_at, applied_steps_count) VALUES ($1, $2, $3, $4, now(), 0)',
          [id, migration.checksum, migration.name, message],
        )
        throw new MigrationError(`Migration ${migration.name} failed and was rolled back: ${message}`)
      }
    }
    return result
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [PRISMA_MIGRATE_LOCK_KEY]).catch(() => undefined)
    await client.end()
  }
}

/** Marks a failed migration as rolled back (what `prisma migrate resolve --rolled-back` does). */
export async function markRolledBack(connectionString: string, name: string): Promise<number> {
  const client = new pg.Client({ connectionString })
  await client.connect()
  try {
    const res = await client.query(
      'UPDATE "_prisma_migrations" SET rolled_back_at = now() WHERE migration_name = $1 AND finished_at IS NULL AND rolled_back_at IS NULL',
      [name],
    )
    return res.rowCount ?? 0
  } finally {
    await client.end()
  }
}
