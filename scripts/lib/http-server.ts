// Our HTTP server around Next.js: it assigns every request an id, records the client's address
// from the socket (a client cannot spoof it with X-Forwarded-For unless TRUST_PROXY is on), logs
// one structured line per request, and drains on close(): no new connections, the requests in
// flight answered (up to DRAIN_TIMEOUT_MS), keep-alive connections closed after their answer, then
// this process's background jobs stopped and their lock released. The same server runs once per
// worker process under `npm start` (scripts/lib/cluster.ts) or alone (dev, WEB_CONCURRENCY=1).
import { randomUUID } from 'node:crypto'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { CLIENT_IP_HEADER } from '@/lib/client-ip'
import { stopJobRunner } from '@/lib/jobs/job-runner'
import { log } from '@/lib/log'

export type RunningServer = { url: string; close: () => Promise<void> }

/** How long a drain waits for the requests in flight (a booking takes well under a second). */
export const DRAIN_TIMEOUT_MS = 10_000

const REQUEST_ID = /^[A-Za-z0-9._-]{8,64}$/

export async function startHttpServer(options: { dev: boolean; port: number; hostname: string; trustProxy: boolean }): Promise<RunningServer> {
  const { default: next } = await import('next')
  // No hostname here: Next would then treat its own rewrites (next-intl's / → /ru) as external.
  const app = next({ dev: options.dev, dir: process.cwd(), port: options.port })
  const handle = app.getRequestHandler()
  await app.prepare()

  const active = new Set<http.ServerResponse>()
  let draining = false
  let drained: (() => void) | undefined
  const server = http.createServer((req, res) => {
    active.add(res)
    res.once('close', () => {
      active.delete(res)
      if (draining && active.size === 0) drained?.()
    })
    // While draining, answer what arrived on an open connection and close it after the answer.
    if (draining) res.setHeader('Connection', 'close')
    const incomingId = req.headers['x-request-id']
    const requestId = typeof incomingId === 'string' && REQUEST_ID.test(incomingId) ? incomingId : randomUUID()
    req.headers['x-request-id'] = requestId
    res.setHeader('X-Request-Id', requestId)

    const forwarded = req.headers['x-forwarded-for']
    const clientIp =
      options.trustProxy && typeof forwarded === 'string' && forwarded.trim()
        ? forwarded.split(',')[0]!.trim()
        : (req.socket.remoteAddress ?? 'unknown')
    if (!options.trustProxy) {
      for (const h of ['x-forwarded-for', 'x-forwarded-host', 'x-forwarded-proto', 'x-forwarded-port', 'x-real-ip']) delete req.headers[h]
    }
    req.headers[CLIENT_IP_HEADER] = clientIp

    const started = performance.now()
    res.on('finish', () => {
      const path = (req.url ?? '').split('?')[0]
      if (path?.startsWith('/_next/')) return
      const fields = { requestId, method: req.method, path, status: res.statusCode, ms: Math.round(performance.now() - started) }
      if (res.statusCode >= 500) log.error('request', fields)
      else log.info('request', fields)
    })
    void handle(req, res)
  })
  server.keepAliveTimeout = 65_000
  server.headersTimeout = 66_000
  server.requestTimeout = 30_000

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port, options.hostname, () => resolve())
  })
  const port = (server.address() as AddressInfo).port
  return {
    url: `http://${options.hostname === '0.0.0.0' ? 'localhost' : options.hostname}:${port}`,
    close: async () => {
      if (draining) return
      draining = true
      for (const res of active) if (!res.headersSent) res.setHeader('Connection', 'close')
      const requests = new Promise<void>((resolve) => {
        drained = resolve
        if (active.size === 0) resolve()
      })
      const closed = new Promise<void>((resolve) => server.close(() => resolve()))
      // Keep-alive connections go as soon as they are idle (their request answered).
      server.closeIdleConnections()
      const sweep = setInterval(() => server.closeIdleConnections(), 50)
      const timeout = new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), DRAIN_TIMEOUT_MS).unref())
      const jobs = stopJobRunner(DRAIN_TIMEOUT_MS)
      if ((await Promise.race([requests, timeout])) === 'timeout') log.warn('drain: requests still running after the timeout were cut', { inFlight: active.size })
      clearInterval(sweep)
      server.closeAllConnections()
      await Promise.race([closed, new Promise((resolve) => setTimeout(resolve, 1_000).unref())])
      await jobs
    },
  }
}
