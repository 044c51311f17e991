// One worker process of `npm start` on several cores (forked by scripts/lib/cluster.ts): Next.js
// behind our HTTP server on the shared port. The primary has prepared the database and the build
// and passed everything in the environment. It drains and exits when the primary asks, on
// SIGINT/SIGTERM (a Ctrl-C reaches every process of the terminal), and when the primary is gone.
import { EnvError, parseEnv } from '@/lib/env'
import type { PrimaryMessage, WorkerMessage } from './cluster'
import { allowedHostsFor, startHttpServer, type RunningServer } from './http-server'

async function main() {
  const env = parseEnv(process.env)
  const running: { server?: RunningServer } = {}
  let draining: Promise<void> | undefined
  const drain = () => {
    draining ??= (async () => {
      await running.server?.close()
      process.exit(0)
    })()
  }
  process.on('message', (message: unknown) => {
    if ((message as Partial<PrimaryMessage> | null)?.poputka === 'drain') drain()
  })
  process.on('SIGINT', drain)
  process.on('SIGTERM', drain)
  // The primary died (even by SIGKILL): never serve on without it.
  process.on('disconnect', drain)
  const hostname = process.env.HOST ?? '0.0.0.0'
  running.server = await startHttpServer({
    dev: false,
    port: Number(process.env.PORT),
    hostname,
    trustProxy: env.TRUST_PROXY,
    allowedHosts: allowedHostsFor({ hostname, trustProxy: env.TRUST_PROXY, nextauthUrl: env.NEXTAUTH_URL }),
  })
  if (draining) return
  const ready: WorkerMessage = { poputka: 'ready' }
  process.send?.(ready)
}

main().catch((error: unknown) => {
  console.error(error instanceof EnvError ? error.message : error)
  process.exit(1)
})
