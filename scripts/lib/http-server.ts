// Our HTTP server around Next.js: it assigns every request an id, records the client's address
// from the socket (a client cannot spoof it with X-Forwarded-For unless TRUST_PROXY is on), refuses
// requests addressed to a host that is not ours (when next-auth would build URLs from the Host
// header) and bodies over the limit before Next.js reads them (scripts/lib/request-guard.ts), logs
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
import { checkBody, holdChunkedBody, hostNameOf, ownHostNames, refuse } from './request-guard'

export type RunningServer = { url: string; close: () => Promise<void> }

/** How long a drain waits for the requests in flight (a booking takes well under a second). */
export const DRAIN_TIMEOUT_MS = 10_000

const REQUEST_ID = /^[A-Za-z0-9._-]{8,64}$/

export type ServerOptions = {
  dev: boolean
  port: number
  hostname: string
  trustProxy: boolean
  /** Host names the Host header may carry; null when anything goes (NEXTAUTH_URL names our address,
   * or a trusted proxy in front decides). */
  allowedHosts: Set<string> | null
}

/** The Host names to allow: with neither NEXTAUTH_URL nor TRUST_PROXY, next-auth builds its URLs
 * (sign-in page, redirects) from the Host header, so only the server's own names are answered. */
export function allowedHostsFor(options: { hostname: string; trustProxy: boolean; nextauthUrl: string | undefined }): Set<string> | null {
  return options.nextauthUrl || options.trustProxy ? null : ownHostNames(options.hostname)
}

/** The request handler in front of `handle` (Next.js's, or a test's). */
export function createFrontHandler(options: Pick<ServerOptions, 'trustProxy' | 'allowedHosts'>, handle: (req: http.IncomingMessage, res: http.ServerResponse) => unknown) {
  return (req: http.IncomingMessage, res: http.ServerResponse): void => {
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

    if (options.allowedHosts) {
      const name = hostNameOf(req.headers.host)
      if (!name || !options.allowedHosts.has(name)) return refuse(req, res, { status: 400, code: 'UNKNOWN_HOST' })
    }
    const body = checkBody(req)
    if (body.kind === 'refuse') return refuse(req, res, body.refusal)
    if (body.kind === 'stream') {
      holdChunkedBody(req, body.limit, () => void handle(req, res), () => refuse(req, res, { status: 413, code: 'PAYLOAD_TOO_LARGE' }))
      return
    }
    void handle(req, res)
  }
}

/** An http.Server with the front handler in front of `handle`. */
export function createServer(options: Pick<ServerOptions, 'trustProxy' | 'allowedHosts'>, handle: (req: http.IncomingMessage, res: http.ServerResponse) => unknown): http.Server {
  const front = createFrontHandler(options, handle)
  const server = http.createServer(front)
  // `Expect: 100-continue`: an oversized body is refused before the client is asked to send it.
  server.on('checkContinue', (req: http.IncomingMessage, res: http.ServerResponse) => {
    const body = checkBody(req)
    if (body.kind === 'refuse') return refuse(req, res, body.refusal)
    res.writeContinue()
    front(req, res)
  })
  return server
}

export async function startHttpServer(options: ServerOptions): Promise<RunningServer> {
  const { default: next } = await import('next')
  // No hostname here: Next would then treat its own rewrites (next-intl's / → /ru) as external.
  const app = next({ dev: options.dev, dir: process.cwd(), port: options.port })
  const handle = app.getRequestHandler()
  await app.prepare()

  const active = new Set<http.ServerResponse>()
  let draining = false
  let drained: (() => void) | undefined
  const server = createServer(options, (req, res) => {
    active.add(res)
    res.once('close', () => {
      active.delete(res)
      if (draining && active.size === 0) drained?.()
    })
    // While draining, answer what arrived on an open connection and close it after the answer.
    if (draining) res.setHeader('Connection', 'close')
    return handle(req, res)
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
