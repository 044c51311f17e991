// The migration runner against a real PostgreSQL: each test gets its own empty database (and its own
// migrations folder where the real ones will not do), so nothing here touches poputka_test.
import { createHash } from 'node:crypto'
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, inject, test } from 'vitest'
import { loadDatabaseCatalog } from '@/lib/migrations/database-catalog'
import {
  MigrationError,
  PRISMA_MIGRATE_LOCK_KEY,
  defaultMigrationsDir,
  markRolledBack,
  runMigrations,
} from '@/lib/migrations/run-migrations'
import { createScratchDatabase, withClient, type ScratchDatabase } from '@/lib/migrations/scratch-database'

const adminUrl = inject('adminDatabaseUrl')
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/

type MigrationRow = {
  id: string
  checksum: string
  finished_at: Date | null
  migration_name: string
  logs: string | null
  rolled_back_at: Date | null
  started_at: Date
  applied_steps_count: number
}

const cleanups: (() => Promise<void> | void)[] = []
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
})

async function emptyDatabase(): Promise<ScratchDatabase> {
  const db = await createScratchDatabase(adminUrl, 'migrate')
  cleanups.push(db.drop)
  return db
}

/** A temp migrations folder; `files` maps folder name → migration.sql, created in the given order. */
function migrationsFolder(files: [string, string][]): { dir: string; write: (name: string, sql: string) => void; remove: (name: string) => void } {
  const dir = mkdtempSync(path.join(tmpdir(), 'poputka-migrations-'))
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }))
  const write = (name: string, sql: string) => {
    mkdirSync(path.join(dir, name), { recursive: true })
    writeFileSync(path.join(dir, name, 'migration.sql'), sql)
  }
  for (const [name, sql] of files) write(name, sql)
  return { dir, write, remove: (name) => rmSync(path.join(dir, name), { recursive: true, force: true }) }
}

function rows(url: string): Promise<MigrationRow[]> {
  return withClient(url, async (c) => (await c.query<MigrationRow>('SELECT * FROM "_prisma_migrations" ORDER BY started_at, migration_name')).rows)
}

function tableExists(url: string, table: string): Promise<boolean> {
  return withClient(url, async (c) => (await c.query<{ t: string | null }>('SELECT to_regclass($1) AS t', [table])).rows[0]?.t != null)
}

const realMigrationNames = readdirSync(defaultMigrationsDir(), { withFileTypes: true })
  .filter((e) => e.isDirectory())
  .map((e) => e.name)
  .sort()

describe('runMigrations with the real prisma/migrations', () => {
  test('applies every migration to an empty database in name order, one finished row each', async () => {
    const db = await emptyDatabase()
    const result = await runMigrations(db.url)

    expect(realMigrationNames.length).toBeGreaterThan(0)
    expect(result).toEqual({ applied: realMigrationNames, alreadyApplied: 0, warnings: [] })
    const recorded = await rows(db.url)
    expect(recorded.map((r) => r.migration_name)).toEqual(realMigrationNames)
    for (const row of recorded) {
      const bytes = readFileSync(path.join(defaultMigrationsDir(), row.migration_name, 'migration.sql'))
      expect(row, row.migration_name).toMatchObject({
        checksum: createHash('sha256').update(bytes).digest('hex'),
        logs: null,
        rolled_back_at: null,
        applied_steps_count: 1,
      })
      expect(row.id).toMatch(UUID)
      expect(row.finished_at).toBeInstanceOf(Date)
    }
  })

  test('a second run applies nothing and warns about nothing', async () => {
    const db = await emptyDatabase()
    await runMigrations(db.url)
    const before = await rows(db.url)

    const second = await runMigrations(db.url)

    expect(second).toEqual({ applied: [], alreadyApplied: realMigrationNames.length, warnings: [] })
    expect(await rows(db.url)).toEqual(before)
  })

  test('_prisma_migrations has exactly the columns, types and defaults Prisma creates', async () => {
    const db = await emptyDatabase()
    await runMigrations(db.url)
    const columns = await withClient(db.url, async (c) => {
      const result = await c.query(`
        SELECT column_name AS name, data_type AS type, character_maximum_length AS length,
               is_nullable = 'YES' AS nullable, column_default AS "default"
        FROM information_schema.columns
        WHERE table_schema = current_schema() AND table_name = '_prisma_migrations'
        ORDER BY ordinal_position`)
      return result.rows
    })
    const primaryKey = await withClient(db.url, async (c) => {
      const result = await c.query<{ name: string; columns: string[] }>(`
        SELECT con.conname AS name, ARRAY(SELECT a.attname::text FROM unnest(con.conkey) k(n)
               JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.n) AS columns
        FROM pg_constraint con WHERE con.conrelid = '"_prisma_migrations"'::regclass AND con.contype = 'p'`)
      return result.rows
    })

    // The DDL of Prisma's schema engine (checked against @prisma/schema-engine-wasm 7.10.0-4).
    expect(columns).toEqual([
      { name: 'id', type: 'character varying', length: 36, nullable: false, default: null },
      { name: 'checksum', type: 'character varying', length: 64, nullable: false, default: null },
      { name: 'finished_at', type: 'timestamp with time zone', length: null, nullable: true, default: null },
      { name: 'migration_name', type: 'character varying', length: 255, nullable: false, default: null },
      { name: 'logs', type: 'text', length: null, nullable: true, default: null },
      { name: 'rolled_back_at', type: 'timestamp with time zone', length: null, nullable: true, default: null },
      { name: 'started_at', type: 'timestamp with time zone', length: null, nullable: false, default: 'now()' },
      { name: 'applied_steps_count', type: 'integer', length: null, nullable: false, default: '0' },
    ])
    expect(primaryKey).toEqual([{ name: '_prisma_migrations_pkey', columns: ['id'] }])
  })

  test.each([{ runners: 2 }, { runners: 5 }])(
    '$runners runners started at once on an empty database apply each migration exactly once',
    async ({ runners }) => {
      const db = await emptyDatabase()

      const results = await Promise.all(Array.from({ length: runners }, () => runMigrations(db.url)))

      expect(results.flatMap((r) => r.applied).sort()).toEqual(realMigrationNames)
      // The lock serialises them: one runner applies everything, the others find it all applied.
      expect(results.filter((r) => r.applied.length > 0)).toHaveLength(1)
      expect(results.every((r) => r.warnings.length === 0)).toBe(true)
      expect((await rows(db.url)).map((r) => r.migration_name)).toEqual(realMigrationNames)
      // Schema intact: the same tables, columns, indexes and keys as a database migrated alone.
      const reference = await emptyDatabase()
      await runMigrations(reference.url)
      expect(await withClient(db.url, loadDatabaseCatalog)).toEqual(await withClient(reference.url, loadDatabaseCatalog))
    },
  )

  test(`waits for Prisma's advisory lock (key ${PRISMA_MIGRATE_LOCK_KEY}) held by another session`, async () => {
    expect(PRISMA_MIGRATE_LOCK_KEY).toBe(72707369)
    const db = await emptyDatabase()
    await withClient(db.url, async (holder) => {
      await holder.query('SELECT pg_advisory_lock(72707369)')
      let settled = false
      const run = runMigrations(db.url).finally(() => {
        settled = true
      })
      await new Promise((resolve) => setTimeout(resolve, 400))
      expect(settled).toBe(false)
      expect(await tableExists(db.url, '_prisma_migrations')).toBe(false)
      await holder.query('SELECT pg_advisory_unlock(72707369)')
      expect((await run).applied).toEqual(realMigrationNames)
    })
  })
})

describe('runMigrations with a temporary migrations folder', () => {
  test('applies folders in name order, not creation order, and ignores folders without migration.sql', async () => {
    const db = await emptyDatabase()
    const folder = migrationsFolder([
      ['20260103000000_third', 'ALTER TABLE "notes" ADD COLUMN "c" INTEGER;'],
      ['20260101000000_first', 'CREATE TABLE "notes" ("a" INTEGER);'],
      ['20260102000000_second', 'ALTER TABLE "notes" ADD COLUMN "b" INTEGER;'],
    ])
    mkdirSync(path.join(folder.dir, '20260104000000_empty'))
    writeFileSync(path.join(folder.dir, 'migration_lock.toml'), 'provider = "postgresql"\n')

    const result = await runMigrations(db.url, { dir: folder.dir })

    expect(result.applied).toEqual(['20260101000000_first', '20260102000000_second', '20260103000000_third'])
    expect((await rows(db.url)).map((r) => r.migration_name)).toEqual(result.applied)
  })

  test('a failing migration is rolled back entirely, recorded as failed, and blocks later runs until marked rolled back', async () => {
    const db = await emptyDatabase()
    const good = '20260101000000_good'
    const bad = '20260102000000_bad'
    const later = '20260103000000_later'
    const folder = migrationsFolder([
      [good, 'CREATE TABLE "kept" ("id" INTEGER PRIMARY KEY);'],
      // Changes an existing table and creates a new one before it fails: all of it must vanish.
      [bad, 'ALTER TABLE "kept" ADD COLUMN "extra" TEXT;\nINSERT INTO "kept" VALUES (1, \'x\');\nCREATE TABLE "half_done" ("id" INTEGER);\nSELECT 1 / 0;'],
      [later, 'CREATE TABLE "later" ("id" INTEGER);'],
    ])

    const failure = await runMigrations(db.url, { dir: folder.dir }).catch((error: unknown) => error)

    expect(failure).toBeInstanceOf(MigrationError)
    expect((failure as MigrationError).message).toContain(bad)
    expect((failure as MigrationError).message).toContain('division by zero')
    expect(await tableExists(db.url, 'half_done')).toBe(false)
    expect(await tableExists(db.url, 'later')).toBe(false)
    const kept = await withClient(db.url, async (c) => ({
      columns: (await c.query("SELECT column_name FROM information_schema.columns WHERE table_name = 'kept'")).rows,
      count: (await c.query<{ n: number }>('SELECT count(*)::int AS n FROM "kept"')).rows[0]?.n,
    }))
    expect(kept).toEqual({ columns: [{ column_name: 'id' }], count: 0 })

    const afterFailure = await rows(db.url)
    expect(afterFailure.map((r) => [r.migration_name, r.finished_at !== null])).toEqual([
      [good, true],
      [bad, false],
    ])
    expect(afterFailure[1]).toMatchObject({ rolled_back_at: null, applied_steps_count: 0 })
    expect(afterFailure[1]?.id).toMatch(UUID)
    expect(afterFailure[1]?.logs).toContain('division by zero')

    // Even with the SQL corrected, nothing runs past an unresolved failure.
    folder.write(bad, 'CREATE TABLE "fixed" ("id" INTEGER);')
    const refusal = await runMigrations(db.url, { dir: folder.dir }).catch((error: unknown) => error)
    expect(refusal).toBeInstanceOf(MigrationError)
    expect((refusal as MigrationError).message).toContain(bad)
    expect((refusal as MigrationError).message).toContain(`--rolled-back ${bad}`)
    expect(await tableExists(db.url, 'fixed')).toBe(false)

    expect(await markRolledBack(db.url, 'no_such_migration')).toBe(0)
    expect(await markRolledBack(db.url, bad)).toBe(1)
    const resumed = await runMigrations(db.url, { dir: folder.dir })

    expect(resumed).toEqual({ applied: [bad, later], alreadyApplied: 1, warnings: [] })
    expect(await tableExists(db.url, 'fixed')).toBe(true)
    const final = await rows(db.url)
    expect(final.map((r) => [r.migration_name, r.finished_at !== null, r.rolled_back_at !== null])).toEqual([
      [good, true, false],
      [bad, false, true],
      [bad, true, false],
      [later, true, false],
    ])
  })

  test.each([
    {
      label: 'an applied migration edited later',
      change: (folder: ReturnType<typeof migrationsFolder>) => folder.write('20260101000000_a', 'CREATE TABLE "a" ("id" BIGINT);'),
      warning: 'Migration 20260101000000_a was modified after it was applied.',
    },
    {
      label: 'an applied migration missing locally',
      change: (folder: ReturnType<typeof migrationsFolder>) => folder.remove('20260102000000_b'),
      warning: 'Applied migration 20260102000000_b is missing locally.',
    },
  ])('$label → a warning naming it, and nothing applied', async ({ change, warning }) => {
    const db = await emptyDatabase()
    const folder = migrationsFolder([
      ['20260101000000_a', 'CREATE TABLE "a" ("id" INTEGER);'],
      ['20260102000000_b', 'CREATE TABLE "b" ("id" INTEGER);'],
    ])
    await runMigrations(db.url, { dir: folder.dir })
    const before = await rows(db.url)

    change(folder)
    const result = await runMigrations(db.url, { dir: folder.dir })

    expect(result.warnings).toEqual([warning])
    expect(result.applied).toEqual([])
    expect(await rows(db.url)).toEqual(before)
  })
})
