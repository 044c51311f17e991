// HTTP over a bare socket, for what ordinary clients will not send: a Content-Length that the body
// never reaches, a chunked body that never ends, any Host header. The answer is read while the
// request is still being sent — the point of these tests is that it arrives before the body does.
import net from 'node:net'

export type RawAnswer = { status: number; headers: Record<string, string>; body: string; bytesSent: number }

export function rawRequest(
  baseURL: string,
  head: string,
  options: { body?: Buffer | string; keepSending?: { chunk: Buffer; everyMs: number; chunked: boolean }; timeoutMs?: number } = {},
): Promise<RawAnswer> {
  const url = new URL(baseURL)
  return new Promise((resolve, reject) => {
    const socket = net.connect(Number(url.port), url.hostname)
    let received = Buffer.alloc(0)
    let sent = 0
    let timer: NodeJS.Timeout | undefined
    let settled = false
    const finish = () => {
      if (settled) return
      settled = true
      clearInterval(timer)
      clearTimeout(deadline)
      socket.destroy()
      const text = received.toString('utf8')
      const end = text.indexOf('\r\n\r\n')
      const lines = text.slice(0, end < 0 ? text.length : end).split('\r\n')
      const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(lines[0] ?? '')?.[1] ?? 0)
      const headers = Object.fromEntries(lines.slice(1).map((l) => [l.slice(0, l.indexOf(':')).toLowerCase(), l.slice(l.indexOf(':') + 1).trim()]))
      const raw = end < 0 ? Buffer.alloc(0) : received.subarray(Buffer.byteLength(text.slice(0, end + 4)))
      resolve({ status, headers, body: (headers['transfer-encoding'] === 'chunked' ? dechunk(raw) : raw).toString('utf8'), bytesSent: sent })
    }
    const deadline = setTimeout(() => {
      if (received.length) finish()
      else {
        settled = true
        clearInterval(timer)
        socket.destroy()
        reject(new Error(`no answer within ${options.timeoutMs ?? 20_000} ms (${sent} bytes of the body sent)`))
      }
    }, options.timeoutMs ?? 20_000)
    socket.on('connect', () => {
      socket.write(head)
      if (options.body !== undefined) {
        socket.write(options.body)
        sent += Buffer.byteLength(options.body)
      }
      if (options.keepSending) {
        const { chunk, everyMs, chunked } = options.keepSending
        timer = setInterval(() => {
          if (!socket.writable) return
          socket.write(chunked ? Buffer.concat([Buffer.from(`${chunk.length.toString(16)}\r\n`), chunk, Buffer.from('\r\n')]) : chunk)
          sent += chunk.length
        }, everyMs)
      }
    })
    socket.on('data', (d: Buffer) => {
      received = Buffer.concat([received, d])
      const text = received.toString('latin1')
      const end = text.indexOf('\r\n\r\n')
      const head = text.slice(0, end)
      const length = Number(/content-length:\s*(\d+)/i.exec(head)?.[1] ?? -1)
      if (end >= 0 && length >= 0 && received.length - (end + 4) >= length) finish()
      else if (end >= 0 && /transfer-encoding:\s*chunked/i.test(head) && text.endsWith('0\r\n\r\n')) finish()
    })
    // Writing into a connection the server closed after answering (EPIPE / reset) is expected.
    socket.on('error', () => undefined)
    socket.on('close', () => (received.length ? finish() : undefined))
  })
}

/** The body of a chunked answer. */
function dechunk(data: Buffer): Buffer {
  const parts: Buffer[] = []
  let at = 0
  while (at < data.length) {
    const lineEnd = data.indexOf('\r\n', at)
    if (lineEnd < 0) break
    const size = parseInt(data.subarray(at, lineEnd).toString('latin1'), 16)
    if (!size) break
    parts.push(data.subarray(lineEnd + 2, lineEnd + 2 + size))
    at = lineEnd + 2 + size + 2
  }
  return Buffer.concat(parts)
}

/** A chunk of a chunked body. */
export function chunkOf(data: Buffer): Buffer {
  return Buffer.concat([Buffer.from(`${data.length.toString(16)}\r\n`), data, Buffer.from('\r\n')])
}
