// What our HTTP server checks before Next.js sees a request: that it is addressed to us (when
// next-auth builds its URLs from the Host header), and that its body is within the limit — refused
// on Content-Length before anything is read, and counted while a chunked body streams in, so that a
// client cannot make the server hold more than the limit of any request in memory.
import type http from 'node:http'
import { networkInterfaces, hostname as machineName } from 'node:os'
import { bodyLimitFor } from '@/lib/body-limits'
import { localeFromHeaders, translatorFor } from '@/lib/i18n/messages'

export type Refusal = { status: number; code: 'PAYLOAD_TOO_LARGE' | 'UNKNOWN_HOST' | 'BAD_REQUEST' }

/** How long a refused connection stays open for reading (and discarding) what the client is still
 * sending, so that it reads our answer instead of a reset (nginx's "lingering close"). */
const LINGER_MS = 5_000

/** Writes a refusal in the API's error shape and closes the connection. The unread body is never
 * kept: Node discards what arrives for an answered request, and once the answer is out the socket is
 * half-closed and dropped after LINGER_MS (or when the client closes its side) — closing it at once
 * while the client is still sending would make the client's system discard our answer (a TCP reset). */
export function refuse(req: http.IncomingMessage, res: http.ServerResponse, refusal: Refusal): void {
  if (res.headersSent) {
    res.destroy()
    return
  }
  const headers = new Headers()
  for (const name of ['cookie', 'accept-language']) {
    const value = req.headers[name]
    if (typeof value === 'string') headers.set(name, value)
  }
  const t = translatorFor(localeFromHeaders(headers))
  const body = JSON.stringify({ error: { code: refusal.code, message: t(`errors.${refusal.code}` as never) } })
  res.writeHead(refusal.status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(body),
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    Connection: 'close',
  })
  const socket = req.socket as typeof req.socket & { destroySoon?: () => void }
  // Node calls destroySoon() on the socket once a `Connection: close` answer is written.
  socket.destroySoon = () => {
    socket.end()
    const timer = setTimeout(() => socket.destroy(), LINGER_MS)
    timer.unref()
    socket.once('end', () => socket.destroy())
    socket.once('close', () => clearTimeout(timer))
  }
  res.end(body)
}

// ── Host names ────────────────────────────────────────────────────────────────────────────────────

/** The host names this server answers to when nothing else says what our address is: the name it
 * listens on, or — listening on every interface — each interface's address, `localhost` and the
 * machine's name. */
export function ownHostNames(listening: string): Set<string> {
  const names = new Set<string>()
  const add = (name: string) => names.add(name.toLowerCase().replace(/^\[|\]$/g, ''))
  const everywhere = listening === '0.0.0.0' || listening === '::' || listening === ''
  if (!everywhere) add(listening)
  if (everywhere || listening === '127.0.0.1' || listening === '::1' || listening === 'localhost') {
    for (const name of ['localhost', '127.0.0.1', '::1']) add(name)
  }
  if (everywhere) {
    for (const list of Object.values(networkInterfaces())) for (const net of list ?? []) add(net.address)
    const machine = machineName()
    if (machine) {
      add(machine)
      add(`${machine}.local`)
    }
  }
  return names
}

/** The name part of a Host header ("Example.kz:3000" → "example.kz", "[::1]:3000" → "::1"), or
 * null when it is not a host name at all. */
export function hostNameOf(host: string | undefined): string | null {
  if (!host || host.length > 255) return null
  const match = /^(\[[0-9a-f:.]+\]|[a-z0-9.-]+)(?::\d{1,5})?$/i.exec(host.trim())
  return match ? match[1]!.toLowerCase().replace(/^\[|\]$/g, '') : null
}

// ── Body size ─────────────────────────────────────────────────────────────────────────────────────

export type BodyCheck =
  | { kind: 'refuse'; refusal: Refusal }
  /** No body, or a declared length within the limit (Node stops reading at Content-Length). */
  | { kind: 'pass' }
  /** A chunked body: read it (up to the limit) before Next.js gets the request. */
  | { kind: 'stream'; limit: number }

export function checkBody(req: http.IncomingMessage): BodyCheck {
  const limit = bodyLimitFor((req.url ?? '/').split('?')[0]!)
  const tooLarge: BodyCheck = { kind: 'refuse', refusal: { status: 413, code: 'PAYLOAD_TOO_LARGE' } }
  if (req.headers['transfer-encoding'] !== undefined) return { kind: 'stream', limit }
  const declared = req.headers['content-length']
  if (declared === undefined) return { kind: 'pass' }
  if (!/^\d{1,15}$/.test(declared)) return { kind: 'refuse', refusal: { status: 400, code: 'BAD_REQUEST' } }
  return Number(declared) > limit ? tooLarge : { kind: 'pass' }
}

/**
 * Holds a chunked body back from its readers until it is complete, counting it as it arrives: over
 * `limit`, `onTooLarge` runs at once and nothing more is kept; complete, the body is handed on
 * unchanged and `onComplete` runs (Next.js then reads it as if it had just arrived).
 *
 * It works one level below the stream's readers: Node's HTTP parser delivers body data by calling
 * the request's `push()`, so that is where the bytes are counted — nothing reads the request before
 * Next.js does.
 */
export function holdChunkedBody(req: http.IncomingMessage, limit: number, onComplete: () => void, onTooLarge: () => void): void {
  const push = req.push.bind(req)
  const chunks: Buffer[] = []
  let size = 0
  let over = false
  req.push = (chunk: unknown, encoding?: BufferEncoding): boolean => {
    if (over) return true
    if (chunk === null) {
      req.push = push
      for (const c of chunks) push(c)
      chunks.length = 0
      push(null)
      onComplete()
      return false
    }
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk), encoding)
    size += buffer.length
    if (size > limit) {
      over = true
      chunks.length = 0
      onTooLarge()
      return true
    }
    chunks.push(buffer)
    return true
  }
}
