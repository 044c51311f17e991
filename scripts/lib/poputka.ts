// Starting the whole app: database (embedded unless DATABASE_URL is set), migrate, seed, build when
// needed — once — then serve: on every core in production (one worker process per core, or
// WEB_CONCURRENCY; scripts/lib/cluster.ts), in this process in development or with one worker.
// Used by `npm start`, `npm run dev`, the e2e server, the bench and the load test.
import { EnvError, envSchema, parseEnv } from '@/lib/env'
import { ensureProductionBuild } from './build'
import { startCluster } from './cluster'
import { allowedHostsFor, startHttpServer, type RunningServer } from './http-server'
import { resolveDataDir, startLocalDatabase } from './local-database'
import { embeddedMaxConnections, planPool, readConnectionLimits, workerCount } from './pool-plan'
import { prepareDatabase } from './prepare-database'

export type StartOptions = {
  dev: boolean
  port: number
  hostname?: string
  dataDir?: string
  embeddedPort?: number
  demo: boolean
  log?: (message: string) => void
}

export type RunningApp = {
  url: string
  databaseUrl: string
  embedded: boolean
  /** Processes serving requests (1: this one). */
  workers: number
  /** Their pids (this process's when it serves alone). */
  workerPids: () => number[]
  /** Drains every worker (requests in flight are answered), then stops the embedded database. */
  stop: () => Promise<void>
}

export async function startPoputka(options: StartOptions): Promise<RunningApp> {
  const log = options.log ?? console.log
  Object.assign(process.env, { NODE_ENV: options.dev ? 'development' : 'production', NEXT_TELEMETRY_DISABLED: '1' })
  const workers = workerCount({ dev: options.dev, webConcurrency: parseWebConcurrency(process.env.WEB_CONCURRENCY) })
  let stopDatabase: (() => Promise<void>) | undefined
  if (!process.env.DATABASE_URL) {
    const database = await startLocalDatabase({
      dataDir: options.dataDir ?? resolveDataDir(),
      port: options.embeddedPort ?? Number(process.env.EMBEDDED_PG_PORT ?? 54320),
      maxConnections: embeddedMaxConnections(workers),
    })
    stopDatabase = database.stop
    process.env.DATABASE_URL = database.url
    process.env.NEXTAUTH_SECRET ??= database.secrets.nextauthSecret
    log(`Embedded PostgreSQL on port ${database.port}, data in ${database.dataDir}`)
  }
  // Without NEXTAUTH_URL, next-auth builds its URLs from the request's Host header (our server
  // drops client-sent X-Forwarded-* unless TRUST_PROXY is on), so localhost, 127.0.0.1 and a LAN
  // address all work — and our server answers only Host names that are its own (allowedHostsFor),
  // so a request for "Host: evil.example" never gets a sign-in URL on evil.example. Deployments
  // behind a domain set NEXTAUTH_URL; behind a proxy, TRUST_PROXY (the proxy's X-Forwarded-Host).
  if (!process.env.NEXTAUTH_URL) process.env.AUTH_TRUST_HOST ??= 'true'
  try {
    const env = parseEnv(process.env) // names the offending variable before anything is served
    await prepareDatabase(env.DATABASE_URL, { demo: options.demo, log })
    if (!options.dev) await ensureProductionBuild({ log })
    // Every process's pool and jobs session together stay inside max_connections with room.
    const plan = planPool({ workers, ...(await readConnectionLimits(env.DATABASE_URL)), requestedPoolSize: process.env.DATABASE_POOL_SIZE ? env.DATABASE_POOL_SIZE : undefined })
    if (plan.warning) log(`Warning: ${plan.warning}`)
    process.env.DATABASE_POOL_SIZE = String(plan.poolSize)
    const hostname = options.hostname ?? '0.0.0.0'
    let server: RunningServer & { workerPids?: () => number[] }
    if (workers > 1) {
      server = await startCluster({ workers, port: options.port, hostname, trustProxy: env.TRUST_PROXY, log })
      log(`Serving with ${workers} worker processes, ${plan.poolSize} database connections each (${plan.connections} of max_connections ${plan.maxConnections} with the jobs' sessions)`)
    } else {
      server = await startHttpServer({
        dev: options.dev,
        port: options.port,
        hostname,
        trustProxy: env.TRUST_PROXY,
        allowedHosts: allowedHostsFor({ hostname, trustProxy: env.TRUST_PROXY, nextauthUrl: env.NEXTAUTH_URL }),
      })
    }
    return {
      url: `http://localhost:${options.port}`,
      databaseUrl: env.DATABASE_URL,
      embedded: Boolean(stopDatabase),
      workers,
      workerPids: server.workerPids ?? (() => [process.pid]),
      stop: async () => {
        await server.close().catch(() => undefined)
        await stopDatabase?.().catch(() => undefined)
      },
    }
  } catch (error) {
    await stopDatabase?.().catch(() => undefined)
    throw error
  }
}

/** WEB_CONCURRENCY is needed before the database exists (it sizes max_connections). */
function parseWebConcurrency(value: string | undefined): number | undefined {
  if (value === undefined || value.trim() === '') return undefined
  const parsed = envSchema.shape.WEB_CONCURRENCY.safeParse(value)
  if (!parsed.success) throw new EnvError(`Invalid environment:\n  WEB_CONCURRENCY: ${parsed.error.issues[0]?.message ?? 'not a number of processes'} (got "${value}")`)
  return parsed.data
}
