// Vitest global setup: a throwaway embedded PostgreSQL for this run (never the demo data),
// migrated with our runner; its URL reaches tests through provide/inject.
import { chmodSync, mkdtempSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import path from 'node:path'
import type { TestProject } from 'vitest/node'
import { runMigrations } from '@/lib/migrations/run-migrations'
import { findFreePort, startEmbeddedPostgres } from '@/scripts/lib/embedded-postgres'

declare module 'vitest' {
  export interface ProvidedContext {
    databaseUrl: string
    adminDatabaseUrl: string
  }
}

export default async function setup(project: TestProject) {
  const dir = mkdtempSync(path.join(tmpdir(), 'poputka-vitest-'))
  chmodSync(dir, 0o755) // the server runs as OS user `postgres` when we are root
  const database = await startEmbeddedPostgres({
    dataDir: path.join(dir, 'pg'),
    port: await findFreePort(),
    password: 'test-password',
    database: 'poputka_test',
    persistent: false,
    quiet: true,
    // Durability is pointless for a throwaway cluster; speed is not.
    serverFlags: ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off', '-c', 'max_connections=300'],
  })
  await runMigrations(database.url)
  project.provide('databaseUrl', database.url)
  project.provide('adminDatabaseUrl', database.url.replace(/\/poputka_test$/, '/postgres'))
  return async () => {
    await database.stop()
    rmSync(dir, { recursive: true, force: true })
    // embedded-postgres registers async-exit-hook, whose beforeExit handler calls process.exit(0)
    // and would turn a failed run into exit code 0. The database is stopped: unhook it.
    const exitHook = createRequire(import.meta.url)('async-exit-hook') as { unhookEvent: (event: string) => void }
    exitHook.unhookEvent('beforeExit')
    exitHook.unhookEvent('exit')
  }
}
