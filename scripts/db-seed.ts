// npm run db:seed: reference data, and demo data when the database has no users yet.
import { prepareDatabase } from './lib/prepare-database'
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
    await prepareDatabase(url, { demo: true })
    console.log('Seed done.')
  } finally {
    await stop?.()
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error)
  process.exit(1)
})
