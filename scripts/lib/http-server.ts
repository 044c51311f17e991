// Our HTTP server around Next.js: it assigns every request an id, records the client's address
// from the socket (a client cannot spoof it with X-Forwarded-For unless TRUST_PROXY is on), logs
// one structured line per request, and shuts down cleanly on SIGINT/SIGTERM.
import { randomUUID } from 'node:crypto'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { CLIENT_IP_HEADER } from '@/lib/client-ip'
import { log } from '@/lib/log'

export type RunningServer = { url: string; close: () => Promise<void> }

const REQUEST_ID = /^[A-Za-z0-9._-]{8,64}$/

export async function startHttpServer(options: { dev: boolean; port: number; hostname: string; trustProxy: boolean }): Promise<RunningServer> {
  const { default: next } = await import('next')
  // No hostname here: Next would then treat its own rewrites (next-intl's / → /ru) as external.
  const app = next({ dev: options.dev, dir: process.cwd(), port: options.port })
  const handle = app.getRequestHandler()
  await app.prepare()

  const server = http.createServer((req, res) => {
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
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve())
        server.closeIdleConnections()
        setTimeout(() => {
          server.closeAllConnections()
          resolve()
        }, 3_000).unref()
      }),
  }
}
