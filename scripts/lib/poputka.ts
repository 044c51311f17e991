// Starting the whole app in one process: database (embedded unless DATABASE_URL is set), migrate,
// seed, build when needed, serve. Used by `npm start`, `npm run dev` and the e2e server.
import { parseEnv } from '@/lib/env'
import { ensureProductionBuild } from './build'
import { allowedHostsFor, startHttpServer } from './http-server'
import { resolveDataDir, startLocalDatabase } from './local-database'
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

export type RunningApp = { url: string; databaseUrl: string; embedded: boolean; stop: () => Promise<void> }

export async function startPoputka(options: StartOptions): Promise<RunningApp> {
  const log = options.log ?? console.log
  Object.assign(process.env, { NODE_ENV: options.dev ? 'development' : 'production', NEXT_TELEMETRY_DISABLED: '1' })
  let stopDatabase: (() => Promise<void>) | undefined
  if (!process.env.DATABASE_URL) {
    const database = await startLocalDatabase({
      dataDir: options.dataDir ?? resolveDataDir(),
      port: options.embeddedPort ?? Number(process.env.EMBEDDED_PG_PORT ?? 54320),
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
    const hostname = options.hostname ?? '0.0.0.0'
    const server = await startHttpServer({
      dev: options.dev,
      port: options.port,
      hostname,
      trustProxy: env.TRUST_PROXY,
      allowedHosts: allowedHostsFor({ hostname, trustProxy: env.TRUST_PROXY, nextauthUrl: env.NEXTAUTH_URL }),
    })
    return {
      url: `http://localhost:${options.port}`,
      databaseUrl: env.DATABASE_URL,
      embedded: Boolean(stopDatabase),
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
