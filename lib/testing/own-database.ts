// For test files that run a delivery worker (or the bot): a migrated database of their own, so the
// worker's claims see only this file's outbox — another test file's notices, written at the same
// time in poputka_test, are not theirs to send. Call at the top of the file, before anything uses
// the database: lib/env and lib/db read DATABASE_URL on first use.
import { afterAll, beforeAll, inject } from 'vitest'
import { runMigrations } from '@/lib/migrations/run-migrations'
import { createScratchDatabase, type ScratchDatabase } from '@/lib/migrations/scratch-database'

export function withOwnDatabase(prefix: string): { url: () => string } {
  let scratch: ScratchDatabase | undefined
  beforeAll(async () => {
    if ((globalThis as { poputkaPrisma?: unknown }).poputkaPrisma) throw new Error('withOwnDatabase: the shared database was used before this file switched to its own')
    scratch = await createScratchDatabase(inject('adminDatabaseUrl'), prefix)
    await runMigrations(scratch.url)
    process.env.DATABASE_URL = scratch.url
  }, 60_000)
  afterAll(async () => {
    const client = (globalThis as { poputkaPrisma?: { $disconnect: () => Promise<void> } }).poputkaPrisma
    await client?.$disconnect() // ends its pool too (lib/db.ts)
    delete (globalThis as { poputkaPrisma?: unknown }).poputkaPrisma
    delete (globalThis as { poputkaPool?: unknown }).poputkaPool
    await scratch?.drop()
  })
  return { url: () => scratch!.url }
}
