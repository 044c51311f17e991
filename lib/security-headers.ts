// Security headers. The Content-Security-Policy allows only our own scripts, each page's with a
// fresh nonce (Next.js reads it from the request's CSP header and stamps its own <script> tags);
// no 'unsafe-inline' scripts. Styles may be inline (React style props, Leaflet's positioning).

export function buildContentSecurityPolicy(options: { nonce: string; dev: boolean; tileUrl?: string }): string {
  let tileOrigin = ''
  if (options.tileUrl) {
    try {
      tileOrigin = new URL(options.tileUrl.replace(/\{[a-z]\}/g, 'a').replace(/\{[a-z]+\}/g, '0')).origin
    } catch {
      tileOrigin = ''
    }
  }
  const directives = [
    `default-src 'self'`,
    `script-src 'self' 'nonce-${options.nonce}' 'strict-dynamic'${options.dev ? ` 'unsafe-eval'` : ''}`,
    `style-src 'self' 'unsafe-inline'`,
    `img-src 'self' data: blob:${tileOrigin ? ` ${tileOrigin}` : ''}`,
    `font-src 'self'`,
    `connect-src 'self'${options.dev ? ' ws: wss:' : ''}`,
    // The service worker (/sw.js). Named on its own: with 'strict-dynamic' in script-src, 'self'
    // there no longer counts, and worker-src would otherwise fall back to it.
    `worker-src 'self'`,
    `manifest-src 'self'`,
    `object-src 'none'`,
    `base-uri 'self'`,
    `form-action 'self'`,
    `frame-ancestors 'none'`,
  ]
  return directives.join('; ')
}

// The static security headers (nosniff, frame denial, referrer and permissions policies, HSTS…)
// are set for every response in next.config.js.
