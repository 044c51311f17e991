// Behind a reverse proxy (TRUST_PROXY) the Host header is the proxy's upstream name: the same-origin
// check of every mutation must compare the browser's Origin with X-Forwarded-Host/-Proto, or every
// legitimate change through nginx (which rewrites Host by default) is a 403.
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { NextRequest, NextResponse } from 'next/server'
import { afterAll, describe, expect, test, vi } from 'vitest'
import { createServer } from '@/scripts/lib/http-server'
import { isSameOrigin, requestOrigin } from './request-origin'

// This file's app runs behind a proxy (read once, on first use of lib/env).
vi.hoisted(() => {
  process.env.TRUST_PROXY = '1'
})
const { route } = await import('@/lib/route')
afterAll(() => {
  delete process.env.TRUST_PROXY
})

const headers = (h: Record<string, string | undefined>) => new Headers(Object.entries(h).filter((e): e is [string, string] => e[1] !== undefined))

describe('isSameOrigin', () => {
  test.each([
    { label: 'no proxy: Origin host = Host', origin: 'http://127.0.0.1:3000', h: { host: '127.0.0.1:3000' }, trust: false, same: true },
    { label: 'no proxy: another host', origin: 'https://evil.example', h: { host: '127.0.0.1:3000' }, trust: false, same: false },
    { label: 'no proxy: forwarded headers are not believed', origin: 'https://evil.example', h: { host: '127.0.0.1:3000', 'x-forwarded-host': 'evil.example' }, trust: false, same: false },
    { label: 'no proxy: "null"', origin: 'null', h: { host: '127.0.0.1:3000' }, trust: false, same: false },
    { label: 'no proxy: a suffix of ours', origin: 'http://127.0.0.1:3000.evil.example', h: { host: '127.0.0.1:3000' }, trust: false, same: false },
    { label: 'proxy: Host rewritten, forwarded host and scheme match', origin: 'https://poputka.kz', h: { host: '127.0.0.1:3000', 'x-forwarded-host': 'poputka.kz', 'x-forwarded-proto': 'https' }, trust: true, same: true },
    { label: 'proxy: default port written out', origin: 'https://poputka.kz', h: { host: 'upstream', 'x-forwarded-host': 'poputka.kz:443', 'x-forwarded-proto': 'https' }, trust: true, same: true },
    { label: 'proxy: a chain of proxies (the first is the browser’s)', origin: 'https://poputka.kz', h: { host: 'upstream', 'x-forwarded-host': 'poputka.kz, edge.internal', 'x-forwarded-proto': 'https, http' }, trust: true, same: true },
    { label: 'proxy: scheme differs (http page posting to https)', origin: 'http://poputka.kz', h: { host: 'upstream', 'x-forwarded-host': 'poputka.kz', 'x-forwarded-proto': 'https' }, trust: true, same: false },
    { label: 'proxy: another site', origin: 'https://evil.example', h: { host: 'upstream', 'x-forwarded-host': 'poputka.kz', 'x-forwarded-proto': 'https' }, trust: true, same: false },
    { label: 'proxy without X-Forwarded-Host: Host is what the proxy passed on', origin: 'https://poputka.kz', h: { host: 'poputka.kz', 'x-forwarded-proto': 'https' }, trust: true, same: true },
    { label: 'proxy: a forwarded host that is not a host name', origin: 'https://evil.example', h: { host: 'upstream', 'x-forwarded-host': 'evil.example/x@y' }, trust: true, same: false },
  ])('$label → $same', ({ origin, h, trust, same }) => {
    expect(isSameOrigin(origin, headers(h), trust)).toBe(same)
  })

  test('our origin for a request', () => {
    expect(requestOrigin(headers({ host: 'upstream:3000', 'x-forwarded-host': 'poputka.kz', 'x-forwarded-proto': 'https' }), true)).toBe('https://poputka.kz')
    expect(requestOrigin(headers({ host: 'upstream:3000', 'x-forwarded-host': 'poputka.kz', 'x-forwarded-proto': 'https' }), false)).toBe('http://upstream:3000')
    expect(requestOrigin(headers({ host: 'a@b' }), false)).toBeNull()
  })
})

test('over HTTP, behind a proxy that rewrites Host: a mutation from our site passes the API’s check, one from elsewhere is 403', async () => {
  const handler = route(async () => NextResponse.json({ changed: true }))
  const server = createServer({ trustProxy: true, allowedHosts: null }, (req, res) => {
    const request = new NextRequest(`http://${req.headers.host}${req.url}`, { method: req.method, headers: req.headers as Record<string, string> })
    void handler(request, { params: Promise.resolve({}) }).then(async (response) => {
      res.writeHead(response.status, { 'Content-Type': 'application/json' })
      res.end(await response.text())
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const port = (server.address() as AddressInfo).port
  // What nginx sends with `proxy_pass http://127.0.0.1:<port>` and the usual X-Forwarded-* lines.
  const post = (origin: string) =>
    new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = http.request(
        { host: '127.0.0.1', port, method: 'POST', path: '/api/bookings/x/payment', headers: { Host: `127.0.0.1:${port}`, Origin: origin, 'X-Forwarded-Host': 'poputka.kz', 'X-Forwarded-Proto': 'https', 'X-Forwarded-For': '203.0.113.7' } },
        (res) => {
          let body = ''
          res.on('data', (c: Buffer) => (body += c.toString()))
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body }))
        },
      )
      req.on('error', reject)
      req.end()
    })
  try {
    expect(await post('https://poputka.kz')).toEqual({ status: 200, body: '{"changed":true}' })
    const foreign = await post('https://evil.example')
    expect(foreign.status).toBe(403)
    expect(JSON.parse(foreign.body).error.code).toBe('CROSS_ORIGIN')
    expect((await post('http://poputka.kz')).status).toBe(403)
  } finally {
    server.closeAllConnections()
    await new Promise<void>((resolve) => server.close(() => resolve()))
  }
})
