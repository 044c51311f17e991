// Our HTTP server's front door over real HTTP: a plain http.Server with createFrontHandler in front
// of a stand-in for Next.js that reads the whole body (as a route handler or a server action would)
// and reports what it got. The e2e suite checks the same against the real app
// (e2e/hardening.spec.ts); here the edge cases are cheap to reach.
import { createHash } from 'node:crypto'
import http from 'node:http'
import net from 'node:net'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { MAX_FORM_BYTES, MAX_JSON_BYTES } from '@/lib/body-limits'
import { createServer } from './http-server'
import { hostNameOf, ownHostNames } from './request-guard'

type Seen = { url: string; bytes: number; sha: string; headers: http.IncomingHttpHeaders }

async function startServer(options: { trustProxy?: boolean; allowedHosts?: Set<string> | null } = {}) {
  const seen: Seen[] = []
  const handle = (req: http.IncomingMessage, res: http.ServerResponse) => {
    const hash = createHash('sha256')
    let bytes = 0
    req.on('data', (c: Buffer) => {
      bytes += c.length
      hash.update(c)
    })
    req.on('end', () => {
      const entry = { url: req.url ?? '', bytes, sha: hash.digest('hex'), headers: req.headers }
      seen.push(entry)
      const answer = JSON.stringify({ bytes: entry.bytes, sha: entry.sha })
      res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(answer) })
      res.end(answer)
    })
  }
  const server = createServer({ trustProxy: options.trustProxy ?? false, allowedHosts: options.allowedHosts ?? null }, handle)
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const port = (server.address() as AddressInfo).port
  return { server, port, seen, close: () => new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()) }) }
}

type Answer = { status: number; headers: Record<string, string>; body: string; requestBytesSent: number }

/** Sends a raw HTTP request: the head, then `body` (if any), then keeps the socket open (a client
 * whose body never finishes) until the server answers or closes. */
function rawRequest(port: number, head: string, body: Buffer | string = '', options: { keepSending?: { chunk: Buffer; everyMs: number; chunked: boolean } } = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1')
    let received = ''
    let sent = 0
    let timer: NodeJS.Timeout | undefined
    const done = () => {
      clearInterval(timer)
      const [headPart, ...rest] = received.split('\r\n\r\n')
      const lines = (headPart ?? '').split('\r\n')
      const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(lines[0] ?? '')?.[1] ?? 0)
      const headers = Object.fromEntries(lines.slice(1).map((l) => [l.slice(0, l.indexOf(':')).toLowerCase(), l.slice(l.indexOf(':') + 1).trim()]))
      socket.destroy()
      resolve({ status, headers, body: rest.join('\r\n\r\n'), requestBytesSent: sent })
    }
    socket.on('connect', () => {
      socket.write(head)
      if (body.length) {
        socket.write(body)
        sent += Buffer.byteLength(body)
      }
      if (options.keepSending) {
        const { chunk, everyMs, chunked } = options.keepSending
        timer = setInterval(() => {
          if (socket.destroyed || !socket.writable) return
          socket.write(chunked ? Buffer.concat([Buffer.from(`${chunk.length.toString(16)}\r\n`), chunk, Buffer.from('\r\n')]) : chunk)
          sent += chunk.length
        }, everyMs)
      }
    })
    socket.on('data', (d: Buffer) => {
      received += d.toString('latin1')
      // The whole answer is in once its Content-Length has arrived.
      const end = received.indexOf('\r\n\r\n')
      const length = Number(/content-length:\s*(\d+)/i.exec(received)?.[1] ?? -1)
      if (end >= 0 && length >= 0 && Buffer.byteLength(received.slice(end + 4), 'latin1') >= length) done()
    })
    // A write into a connection the server has closed (EPIPE, ECONNRESET) is what a client still
    // sending a refused body sees; the answer may still be in the receive buffer: wait for close.
    socket.on('error', () => undefined)
    socket.on('close', () => (received ? done() : reject(new Error('closed without an answer'))))
  })
}

const chunk = (data: Buffer) => Buffer.concat([Buffer.from(`${data.length.toString(16)}\r\n`), data, Buffer.from('\r\n')])

describe('bodies over the limit are refused before they are read', () => {
  let s: Awaited<ReturnType<typeof startServer>>
  beforeAll(async () => {
    s = await startServer()
  })
  afterAll(async () => s.close())

  test('a PATCH that declares 50 MB and sends 10 bytes gets 413 at once (the rest is never waited for)', async () => {
    const answer = await rawRequest(s.port, `PATCH /api/trips/x HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: ${50 * 1024 * 1024}\r\nAccept-Language: en\r\n\r\n`, '{"notes":"')
    expect(answer.status).toBe(413)
    expect(answer.headers.connection).toBe('close')
    expect(JSON.parse(answer.body)).toEqual({ error: { code: 'PAYLOAD_TOO_LARGE', message: 'The request is too large.' } })
    expect(answer.requestBytesSent).toBe(10)
    expect(s.seen.filter((r) => r.url === '/api/trips/x')).toEqual([])
  })

  test('a server action (a page path) may declare up to 1 MB, not more', async () => {
    const over = await rawRequest(s.port, `POST /stay HTTP/1.1\r\nHost: 127.0.0.1\r\nNext-Action: 00ab\r\nContent-Type: multipart/form-data; boundary=x\r\nContent-Length: ${MAX_FORM_BYTES + 1}\r\n\r\n`, '--x\r\n')
    expect(over.status).toBe(413)
    const body = Buffer.alloc(MAX_FORM_BYTES, 'a')
    const within = await rawRequest(s.port, `POST /stay HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: text/plain\r\nContent-Length: ${body.length}\r\nConnection: close\r\n\r\n`, body)
    expect(within.status).toBe(200)
    expect(JSON.parse(within.body)).toEqual({ bytes: body.length, sha: createHash('sha256').update(body).digest('hex') })
  })

  test('a chunked body that never ends is refused as soon as it passes the limit, and is not handed on', async () => {
    const piece = Buffer.alloc(16 * 1024, 'x')
    const answer = await rawRequest(
      s.port,
      'PATCH /api/trips/chunked HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n',
      chunk(piece),
      { keepSending: { chunk: piece, everyMs: 5, chunked: true } },
    )
    expect(answer.status).toBe(413)
    expect(JSON.parse(answer.body).error.code).toBe('PAYLOAD_TOO_LARGE')
    // Refused once past 64 kB: it had sent a few 16 kB pieces more at most, never the megabytes a
    // server that reads to the end would wait for.
    expect(answer.requestBytesSent).toBeGreaterThan(MAX_JSON_BYTES)
    expect(answer.requestBytesSent).toBeLessThan(2 * 1024 * 1024)
    expect(s.seen.filter((r) => r.url === '/api/trips/chunked')).toEqual([])
  })

  test('a chunked body within the limit reaches the handler byte for byte', async () => {
    const data = Buffer.from(JSON.stringify({ notes: 'ё'.repeat(10_000) }))
    const parts = [data.subarray(0, 1000), data.subarray(1000, 15_000), data.subarray(15_000)]
    const answer = await rawRequest(
      s.port,
      'PATCH /api/trips/ok HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n',
      Buffer.concat([...parts.map(chunk), Buffer.from('0\r\n\r\n')]),
    )
    expect(answer.status).toBe(200)
    expect(JSON.parse(answer.body)).toEqual({ bytes: data.length, sha: createHash('sha256').update(data).digest('hex') })
  })

  test('a chunked body one byte over the API limit is refused, one at the limit is not', async () => {
    const send = (size: number) =>
      rawRequest(s.port, 'POST /api/x HTTP/1.1\r\nHost: 127.0.0.1\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n', Buffer.concat([chunk(Buffer.alloc(size, 'a')), Buffer.from('0\r\n\r\n')]))
    expect((await send(MAX_JSON_BYTES)).status).toBe(200)
    expect((await send(MAX_JSON_BYTES + 1)).status).toBe(413)
  })

  test('Expect: 100-continue with an oversized length is refused without asking for the body', async () => {
    const answer = await rawRequest(s.port, `POST /api/x HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: ${MAX_JSON_BYTES + 1}\r\nExpect: 100-continue\r\n\r\n`)
    expect(answer.status).toBe(413)
  })

  test('several concurrent 20 MB uploads leave the server’s memory where it was', async () => {
    const before = process.memoryUsage().rss
    const piece = Buffer.alloc(256 * 1024, 'y')
    const answers = await Promise.all(
      Array.from({ length: 4 }, () =>
        rawRequest(s.port, 'PATCH /api/trips/big HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n', chunk(piece), {
          keepSending: { chunk: piece, everyMs: 1, chunked: true },
        }),
      ),
    )
    expect(answers.map((a) => a.status)).toEqual([413, 413, 413, 413])
    // Generous: only the test's own sending buffers and GC noise; reading 4 × 20 MB would be 80 MB.
    expect(process.memoryUsage().rss - before).toBeLessThan(40 * 1024 * 1024)
  })
})

describe('Host names (no NEXTAUTH_URL, no trusted proxy)', () => {
  let s: Awaited<ReturnType<typeof startServer>>
  beforeAll(async () => {
    s = await startServer({ allowedHosts: ownHostNames('127.0.0.1') })
  })
  afterAll(async () => s.close())

  test.each([
    { host: 'evil.example', status: 400 },
    { host: 'evil.example:3000', status: 400 },
    { host: '127.0.0.1.evil.example', status: 400 },
    { host: 'localhost@evil.example', status: 400 },
    { host: '127.0.0.1', status: 200 },
    { host: '127.0.0.1:3000', status: 200 },
    { host: 'LOCALHOST:3000', status: 200 },
    { host: '[::1]:3000', status: 200 },
  ])('Host: $host → $status', async ({ host, status }) => {
    const answer = await rawRequest(s.port, `GET /api/auth/providers HTTP/1.1\r\nHost: ${host}\r\nConnection: close\r\n\r\n`)
    expect(answer.status).toBe(status)
    if (status === 400) expect(JSON.parse(answer.body).error.code).toBe('UNKNOWN_HOST')
  })

  test('listening on every interface: the machine’s own addresses and name are ours, nothing else', () => {
    const names = ownHostNames('0.0.0.0')
    expect(names.has('localhost')).toBe(true)
    expect(names.has('127.0.0.1')).toBe(true)
    expect(names.has('evil.example')).toBe(false)
    expect([...ownHostNames('10.1.2.3')]).toEqual(['10.1.2.3'])
  })

  test.each([
    { host: 'Poputka.KZ:443', name: 'poputka.kz' },
    { host: '[::1]:3000', name: '::1' },
    { host: 'a b', name: null },
    { host: 'x/y', name: null },
    { host: undefined, name: null },
  ])('hostNameOf($host) = $name', ({ host, name }) => {
    expect(hostNameOf(host)).toBe(name)
  })
})

describe('forwarded headers', () => {
  test('without TRUST_PROXY a client’s X-Forwarded-* are dropped; the address is the socket’s', async () => {
    const s = await startServer()
    try {
      await rawRequest(s.port, 'GET /a HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Forwarded-For: 1.2.3.4\r\nX-Forwarded-Host: evil.example\r\nX-Forwarded-Proto: https\r\nConnection: close\r\n\r\n')
      const headers = s.seen.find((r) => r.url === '/a')!.headers
      expect(headers['x-forwarded-host']).toBeUndefined()
      expect(headers['x-forwarded-proto']).toBeUndefined()
      expect(headers['x-poputka-client-ip']).toBe('127.0.0.1')
    } finally {
      await s.close()
    }
  })

  test('with TRUST_PROXY they reach the app (the proxy’s word on the client, host and scheme)', async () => {
    const s = await startServer({ trustProxy: true })
    try {
      await rawRequest(s.port, 'GET /b HTTP/1.1\r\nHost: upstream:3000\r\nX-Forwarded-For: 1.2.3.4, 10.0.0.1\r\nX-Forwarded-Host: poputka.kz\r\nX-Forwarded-Proto: https\r\nConnection: close\r\n\r\n')
      const headers = s.seen.find((r) => r.url === '/b')!.headers
      expect(headers['x-forwarded-host']).toBe('poputka.kz')
      expect(headers['x-forwarded-proto']).toBe('https')
      expect(headers['x-poputka-client-ip']).toBe('1.2.3.4')
    } finally {
      await s.close()
    }
  })
})
