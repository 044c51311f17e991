// The server Playwright starts: a fresh embedded database in a temp folder (never the demo data
// in .data/), reference and demo data, the production build. Its database URL is written to a file
// the e2e fixtures read, so tests can create their own rows.
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { startPoputka, type RunningApp } from './lib/poputka'

// One file per port, so two e2e servers (two engineers' runs) never read each other's database.
export const E2E_DATABASE_URL_FILE = path.join(process.cwd(), 'test-results', `e2e-database-url-${process.env.E2E_PORT ?? 3210}`)

async function main() {
  const dir = mkdtempSync(path.join(tmpdir(), 'poputka-e2e-'))
  chmodSync(dir, 0o755) // the server runs as OS user `postgres` when we are root
  const running: { app?: RunningApp } = {}
  const stop = async () => {
    await running.app?.stop()
    rmSync(dir, { recursive: true, force: true })
    process.exit(0)
  }
  process.once('SIGINT', () => void stop())
  process.once('SIGTERM', () => void stop())
  delete process.env.DATABASE_URL
  running.app = await startPoputka({
    dev: false,
    port: Number(process.env.E2E_PORT ?? 3210),
    hostname: '127.0.0.1',
    dataDir: dir,
    embeddedPort: Number(process.env.E2E_PG_PORT ?? 54331),
    demo: true,
    log: () => undefined,
  })
  mkdirSync(path.dirname(E2E_DATABASE_URL_FILE), { recursive: true })
  writeFileSync(E2E_DATABASE_URL_FILE, running.app.databaseUrl)
  console.log(`e2e server ready at ${running.app.url}`)
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
