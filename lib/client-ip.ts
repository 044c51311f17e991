// The client's address, as set by our HTTP server (scripts/lib/http-server.ts) from the socket, or
// from X-Forwarded-For when TRUST_PROXY is on. Headers a client sends itself are dropped there.
export const CLIENT_IP_HEADER = 'x-poputka-client-ip'

export function clientIpFrom(headers: Headers | Record<string, string | string[] | undefined>): string {
  const value = headers instanceof Headers ? headers.get(CLIENT_IP_HEADER) : headers[CLIENT_IP_HEADER]
  const ip = Array.isArray(value) ? value[0] : value
  return ip && ip.length <= 64 ? ip : 'unknown'
}
