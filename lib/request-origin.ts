// Our own origin as the browser sees it, and whether a request's Origin is it. Behind a reverse proxy
// (TRUST_PROXY) the Host header is the proxy's idea of the upstream ("127.0.0.1:3000" with nginx's
// default `proxy_set_header Host $proxy_host`), so the browser's host and scheme come from the
// proxy's X-Forwarded-Host and X-Forwarded-Proto. Without TRUST_PROXY our server drops those headers
// (scripts/lib/http-server.ts) and they are ignored here too.

/** The first value of a list header ("a, b" → "a"): the proxy nearest the browser wrote it. */
function first(value: string | null): string | null {
  const v = value?.split(',')[0]?.trim()
  return v ? v : null
}

/** Our origin for this request ("https://poputka.kz"), or null when the request does not say. The
 * scheme is `fallbackScheme` unless a trusted proxy names it. */
export function requestOrigin(headers: Headers, trustProxy: boolean, fallbackScheme: 'http' | 'https' = 'http'): string | null {
  const host = (trustProxy ? first(headers.get('x-forwarded-host')) : null) ?? headers.get('host')
  const proto = (trustProxy ? first(headers.get('x-forwarded-proto')) : null) ?? fallbackScheme
  if (!host || !/^(\[[0-9a-f:.]+\]|[a-z0-9.-]+)(:\d{1,5})?$/i.test(host) || !/^https?$/i.test(proto)) return null
  try {
    return new URL(`${proto.toLowerCase()}://${host}`).origin
  } catch {
    return null
  }
}

/** Is `origin` (a request's Origin header) our own? Host always; the scheme too when a trusted proxy
 * names it (our own server speaks plain HTTP and cannot tell what the browser used). */
export function isSameOrigin(origin: string, headers: Headers, trustProxy: boolean): boolean {
  let from: URL
  try {
    from = new URL(origin)
  } catch {
    return false
  }
  if (from.origin === 'null') return false
  const forwardedProto = trustProxy ? first(headers.get('x-forwarded-proto')) : null
  const ours = requestOrigin(headers, trustProxy, from.protocol === 'https:' ? 'https' : 'http')
  if (!ours) return false
  const expected = new URL(ours)
  if (from.host !== expected.host) return false
  return forwardedProto ? from.protocol === expected.protocol : true
}
