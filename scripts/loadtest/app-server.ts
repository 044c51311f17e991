// The app under load: a production server in its own process (so the load generator and the app do
// not share an event loop, and the database can be stopped under it). The database is the load
// test's (DATABASE_URL is always set here, so nothing embedded starts in this process). Started by
// scripts/loadtest/run.ts as `node --import tsx`, one process, stopped with SIGTERM or when the
// load test's IPC channel closes.
import { startPoputka, type RunningApp } from '../lib/poputka'

async function main() {
  const port = Number(process.env.LOADTEST_APP_PORT)
  if (!process.env.DATABASE_URL || !port) throw new Error('DATABASE_URL and LOADTEST_APP_PORT are required')
  const running: { app?: RunningApp } = {}
  const stop = async () => {
    await running.app?.stop()
    process.exit(0)
  }
  process.once('SIGINT', () => void stop())
  process.once('SIGTERM', () => void stop())
  // The IPC channel closes when the load test ends in any way, even SIGKILL: never outlive it.
  process.once('disconnect', () => void stop())
  running.app = await startPoputka({ dev: false, port, hostname: '127.0.0.1', demo: false, log: () => undefined })
  process.stdout.write(`load-test app ready at http://127.0.0.1:${port}\n`)
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
