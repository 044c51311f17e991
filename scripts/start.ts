// npm start: embedded PostgreSQL (unless DATABASE_URL is set) → migrate → seed → build if needed →
// serve in production mode. `npm run dev` (--dev) serves with hot reload instead of building.
import { parseEnv, EnvError } from '@/lib/env'
import { demoAccounts, DEMO_PASSWORD } from '@/prisma/seed'
import { ensureProductionBuild } from './lib/build'
import { startHttpServer } from './lib/http-server'
import { resolveDataDir, startLocalDatabase } from './lib/local-database'
import { prepareDatabase } from './lib/prepare-database'

const dev = process.argv.includes('--dev')
Object.assign(process.env, { NODE_ENV: dev ? 'development' : 'production', NEXT_TELEMETRY_DISABLED: '1' })

async function main() {
  const port = Number(process.env.PORT ?? 3000)
  const hostname = process.env.HOST ?? '0.0.0.0'
  let stopDatabase: (() => Promise<void>) | undefined

  if (!process.env.DATABASE_URL) {
    const dataDir = resolveDataDir()
    const db = await startLocalDatabase({ dataDir, port: Number(process.env.EMBEDDED_PG_PORT ?? 54320) })
    stopDatabase = db.stop
    process.env.DATABASE_URL = db.url
    process.env.NEXTAUTH_SECRET ??= db.secrets.nextauthSecret
    console.log(`Embedded PostgreSQL on port ${db.port}, data in ${db.dataDir}`)
  }
  process.env.NEXTAUTH_URL ??= `http://localhost:${port}`

  const shutdown = async (signal: string) => {
    console.log(`\n${signal}: stopping…`)
    await running.server?.close().catch(() => undefined)
    await stopDatabase?.().catch(() => undefined)
    process.exit(0)
  }
  const running: { server?: Awaited<ReturnType<typeof startHttpServer>> } = {}
  process.once('SIGINT', () => void shutdown('SIGINT'))
  process.once('SIGTERM', () => void shutdown('SIGTERM'))

  const env = parseEnv(process.env) // fails here, naming the variable, before anything is served
  await prepareDatabase(env.DATABASE_URL, { demo: process.env.SEED_DEMO !== '0' })
  if (!dev) await ensureProductionBuild()

  running.server = await startHttpServer({ dev, port, hostname, trustProxy: env.TRUST_PROXY })
  const url = `http://localhost:${port}`
  console.log(`\nPoputka is running at ${url} (${dev ? 'development' : 'production'})`)
  if (process.env.SEED_DEMO !== '0') {
    console.log(`\nDemo accounts (password for all: ${DEMO_PASSWORD}):`)
    for (const a of demoAccounts) console.log(`  ${a.roles.at(-1)!.toLowerCase().padEnd(12)} ${a.email}`)
  }
  console.log('\nPress Ctrl-C to stop.')
}

main().catch(async (error: unknown) => {
  console.error(error instanceof EnvError ? error.message : error)
  process.exit(1)
})
