// Starts the app (bench/app-server.ts) as a child process and waits until it answers.
import { spawn, type ChildProcess } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { findFreePort } from '@/scripts/lib/embedded-postgres'

export type BenchApp = { url: string; secret: string; pid: number; workers: number; stop: () => Promise<void> }

/** `workers`: processes serving (WEB_CONCURRENCY); 1 unless asked, so figures stay comparable. */
export async function startBenchApp(databaseUrl: string, options: { workers?: number } = {}): Promise<BenchApp> {
  const port = await findFreePort()
  const secret = randomBytes(32).toString('base64url')
  // BENCH_APP_NODE_ARGS: extra flags for the app's node, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof".
  const nodeArgs = (process.env.BENCH_APP_NODE_ARGS ?? '').split(' ').filter(Boolean)
  const child: ChildProcess = spawn(process.execPath, [...nodeArgs, '--import', 'tsx', 'bench/app-server.ts'], {
    cwd: process.cwd(),
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      NODE_ENV: 'production',
      NEXT_TELEMETRY_DISABLED: '1',
      DATABASE_URL: databaseUrl,
      NEXTAUTH_SECRET: secret,
      PORT: String(port),
      LOG_LEVEL: 'warn',
      WEB_CONCURRENCY: String(options.workers ?? 1),
      // The bench's database allows 300 connections: every process keeps the default pool.
      DATABASE_POOL_SIZE: '10',
      // Limits far above what the bench sends: it measures the work, not the limiter's refusals.
      RATE_LIMIT_SEARCH_PER_MIN: '100000000',
      RATE_LIMIT_BOOKINGS_PER_10_MIN: '100000000',
      // The jobs the bench was measured with: reminders and delivery would add their own work.
      POPUTKA_JOBS: process.env.POPUTKA_JOBS ?? 'expire-requests,extend-series',
    },
  })
  const output: string[] = []
  const remember = (chunk: Buffer) => {
    output.push(chunk.toString())
    if (output.length > 200) output.shift()
  }
  child.stderr!.on('data', remember)
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the app did not start in 120 s:\n${output.join('')}`)), 120_000)
    child.stdout!.on('data', (chunk: Buffer) => {
      remember(chunk)
      const match = /ready (\S+)/.exec(chunk.toString())
      if (match) {
        clearTimeout(timer)
        resolve(match[1]!)
      }
    })
    child.once('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`the app exited (${code}) while starting:\n${output.join('')}`))
    })
  })
  return {
    url,
    secret,
    pid: child.pid!,
    workers: options.workers ?? 1,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve()
        const timer = setTimeout(() => child.kill('SIGKILL'), 10_000)
        child.once('exit', () => {
          clearTimeout(timer)
          resolve()
        })
        child.kill('SIGTERM')
      }),
  }
}
