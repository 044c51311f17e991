// npm start: embedded PostgreSQL (unless DATABASE_URL is set) → migrate → seed demo data into an
// empty database → build if the sources changed → serve in production mode on PORT (3000), one
// worker process per core (WEB_CONCURRENCY to choose). npm run dev (--dev): one process with hot
// reload instead of a build. Ctrl-C or SIGTERM: the workers drain their requests, then the
// database stops.
import { EnvError } from '@/lib/env'
import { demoAccounts, DEMO_PASSWORD } from '@/prisma/seed'
import { startPoputka, type RunningApp } from './lib/poputka'

async function main() {
  const dev = process.argv.includes('--dev')
  const port = Number(process.env.PORT ?? 3000)
  const demo = process.env.SEED_DEMO !== '0'
  const running: { app?: RunningApp; stopping?: boolean } = {}
  const stop = async (signal: string) => {
    if (running.stopping) return
    running.stopping = true
    console.log(`\n${signal}: finishing the requests in flight, then stopping…`)
    await running.app?.stop()
    process.exit(0)
  }
  process.on('SIGINT', () => void stop('SIGINT'))
  process.on('SIGTERM', () => void stop('SIGTERM'))

  running.app = await startPoputka({ dev, port, demo, hostname: process.env.HOST })
  if (running.stopping) return
  console.log(`\nPoputka is running at ${running.app.url} (${dev ? 'development' : `production, ${running.app.workers} ${running.app.workers === 1 ? 'process' : 'processes'}`})`)
  if (demo) {
    console.log(`\nDemo accounts (password for all: ${DEMO_PASSWORD}):`)
    for (const a of demoAccounts) console.log(`  ${a.roles.at(-1)!.toLowerCase().padEnd(12)} ${a.email}`)
  }
  console.log('\nPress Ctrl-C to stop.')
}

main().catch((error: unknown) => {
  console.error(error instanceof EnvError ? error.message : error)
  process.exit(1)
})
