// HTTP from another loopback address. Limits per client address (search, registration, sign-in)
// are shared by every test talking to the e2e server from 127.0.0.1; a test that exhausts one talks
// from an address of its own (127.0.0.x: all of 127/8 is this machine) and leaves the others alone.
import http from 'node:http'

export type Reply = { status: number; headers: http.IncomingHttpHeaders; text: string }

export function requestFrom(
  localAddress: string,
  baseURL: string,
  path: string,
  options: { method?: string; headers?: Record<string, string>; body?: Buffer | string } = {},
): Promise<Reply> {
  const url = new URL(path, baseURL)
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: url.hostname, port: url.port, path: url.pathname + url.search, method: options.method ?? 'GET', headers: options.headers, localAddress },
      (res) => {
        const chunks: Buffer[] = []
        res.on('data', (c: Buffer) => chunks.push(c))
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text: Buffer.concat(chunks).toString('utf8') }))
        res.on('error', reject)
      },
    )
    req.on('error', reject)
    if (options.body !== undefined) req.write(options.body)
    req.end()
  })
}

/** A FormData as the bytes and content type a browser would send. */
export async function multipartOf(form: FormData): Promise<{ body: Buffer; contentType: string }> {
  const request = new Request('http://local/', { method: 'POST', body: form })
  return { body: Buffer.from(await request.arrayBuffer()), contentType: request.headers.get('content-type')! }
}

/** A loopback address no other test uses (127.0.0.10–250), different in each call. */
export function spareLoopbackAddress(): string {
  return `127.0.0.${10 + Math.floor(Math.random() * 240)}`
}
