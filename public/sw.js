// Poputka's service worker: hand-written, no build step (docs/decisions/010-offline-and-kazakh.md).
//
// - Pages (HTML navigations): network first; every page that loads is kept, so with no signal the
//   last copy of My bookings, a booked run, its receipt and My stay still opens — with the
//   "offline, as of …" note the server rendered hidden into it switched on. Kept 14 days, 60 pages.
//   These copies are private (names, phones): signing in or out deletes them.
// - /_next/static (content-hashed, immutable), icons and the manifest: cache first.
// - Everything else — API calls, server actions, any POST — is never cached and never queued: the
//   page refuses a mutation made offline and says so (components/ui/use-form-action.ts).
const VERSION = 'v1'
const STATIC = `poputka-static-${VERSION}`
const PAGES = `poputka-pages-${VERSION}`
const MAX_PAGES = 60
const MAX_AGE_MS = 14 * 24 * 60 * 60 * 1000
const OFFLINE_PAGES = ['/offline', '/en/offline', '/kk/offline']
const NEVER_CACHED = /^\/(?:(?:en|kk|ru)\/)?(?:sign-in|register|offline)(?:\/|$)/

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(STATIC)
      // Signed-out copies (credentials omitted): these stay across sign-outs, so nothing private.
      .then((cache) => cache.addAll(OFFLINE_PAGES.map((u) => new Request(u, { credentials: 'omit' }))))
      .catch(() => undefined)
      .then(() => self.skipWaiting()),
  )
})

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith('poputka-') && k !== STATIC && k !== PAGES).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  )
})

self.addEventListener('message', (event) => {
  const data = event.data || {}
  if (data.type === 'clear-private') {
    event.waitUntil(caches.delete(PAGES).then(() => event.ports[0] && event.ports[0].postMessage('cleared')))
  } else if (data.type === 'cache-static' && Array.isArray(data.urls)) {
    // What the page loaded before this worker controlled it.
    event.waitUntil(
      caches.open(STATIC).then((cache) =>
        Promise.all(data.urls.filter(isStatic).map((u) => cache.match(u).then((hit) => hit || cache.add(u).catch(() => undefined)))),
      ),
    )
  } else if (data.type === 'cache-page' && typeof data.url === 'string') {
    const url = new URL(data.url, self.location.origin)
    if (url.origin === self.location.origin && !NEVER_CACHED.test(url.pathname)) {
      event.waitUntil(fetch(url.href, { credentials: 'same-origin' }).then((res) => keepPage(new Request(url.href), res)).catch(() => undefined))
    }
  }
})

function isStatic(u) {
  try {
    const url = new URL(u, self.location.origin)
    return (
      url.origin === self.location.origin &&
      (url.pathname.startsWith('/_next/static/') || url.pathname.startsWith('/icons/') || url.pathname === '/manifest.webmanifest')
    )
  } catch {
    return false
  }
}

self.addEventListener('fetch', (event) => {
  const request = event.request
  if (request.method !== 'GET') return
  const url = new URL(request.url)
  if (url.origin !== self.location.origin || url.pathname.startsWith('/api/')) return
  if (isStatic(request.url)) {
    event.respondWith(cacheFirst(request))
  } else if (request.mode === 'navigate') {
    event.respondWith(networkFirstPage(event, request, url))
  }
  // Anything else (RSC payloads of client-side navigations…) goes to the network as usual; offline
  // it fails, and Next.js then loads the page as a whole navigation, which the cache answers.
})

async function cacheFirst(request) {
  const cache = await caches.open(STATIC)
  const hit = await cache.match(request)
  if (hit) return hit
  const response = await fetch(request)
  if (response.ok) await cache.put(request, response.clone())
  return response
}

async function networkFirstPage(event, request, url) {
  try {
    const response = await fetch(request)
    if (!NEVER_CACHED.test(url.pathname)) event.waitUntil(keepPage(request, response.clone()))
    return response
  } catch (error) {
    const cache = await caches.open(PAGES)
    const hit = await cache.match(request.url, { ignoreVary: true })
    const cachedAt = hit ? Number(hit.headers.get('x-poputka-cached-at')) : 0
    if (hit && Date.now() - cachedAt < MAX_AGE_MS) return showOfflineNote(hit)
    const locale = /^\/(en|kk)(\/|$)/.exec(url.pathname)
    const fallback = await caches.match(locale ? `/${locale[1]}/offline` : '/offline')
    if (fallback) return fallback
    throw error
  }
}

async function keepPage(request, response) {
  const type = response.headers.get('content-type') || ''
  if (!response.ok || response.redirected || response.type !== 'basic' || !type.includes('text/html')) return
  const headers = new Headers(response.headers)
  headers.set('x-poputka-cached-at', String(Date.now()))
  const body = await response.arrayBuffer()
  const cache = await caches.open(PAGES)
  await cache.put(request.url, new Response(body, { status: response.status, statusText: response.statusText, headers }))
  const keys = await cache.keys()
  for (const old of keys.slice(0, Math.max(0, keys.length - MAX_PAGES))) await cache.delete(old)
}

/** The page carries a hidden "offline — as of <time it was rendered>" note; a cached copy shows it. */
async function showOfflineNote(hit) {
  const html = await hit.text()
  // The attribute for the first paint, and a style rule that survives React re-rendering the note.
  const shown = html
    .replace(/(<[^>]*\bdata-offline-note\b[^>]*?)\shidden(?:="")?/, '$1')
    .replace('</head>', '<style>[data-offline-note]{display:block!important}</style></head>')
  const headers = new Headers(hit.headers)
  headers.delete('content-length')
  return new Response(shown, { status: 200, headers })
}
