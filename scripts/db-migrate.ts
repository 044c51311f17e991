// npm run db:migrate [-- --rolled-back NAME]: applies pending migrations to DATABASE_URL, or to the
// embedded database when DATABASE_URL is unset.
import { markRolledBack, runMigrations } from '@/lib/migrations/run-migrations'
import { resolveDataDir, startLocalDatabase } from './lib/local-database'

async function main() {
  let url = process.env.DATABASE_URL
  let stop: (() => Promise<void>) | undefined
  if (!url) {
    const db = await startLocalDatabase({ dataDir: resolveDataDir(), port: Number(process.env.EMBEDDED_PG_PORT ?? 54320) })
    url = db.url
    stop = db.stop
  }
  try {
    const index = process.argv.indexOf('--rolled-back')
    if (index > 0) {
      const name = process.argv[index + 1]
      if (!name) throw new Error('--rolled-back needs a migration name')
      const n = await markRolledBack(url, name)
      console.log(n ? `Marked ${name} as rolled back.` : `No failed migration named ${name}.`)
      return
    }
    const result = await runMigrations(url, { log: console.log })
    for (const w of result.warnings) console.warn(`warning: ${w}`)
    console.log(`${result.applied.length} applied, ${result.alreadyApplied} already applied.`)
  } finally {
    await stop?.()
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error)
  process.exit(1)
})
