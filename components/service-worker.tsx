'use client'
// Registers public/sw.js (production builds only). On the first visit, before the worker controls
// the page, it hands the worker what this page already loaded, so the page also opens offline.
import { useEffect } from 'react'

export function ServiceWorkerRegistration() {
  useEffect(() => {
    if (process.env.NODE_ENV !== 'production' || !('serviceWorker' in navigator)) return
    const controlled = Boolean(navigator.serviceWorker.controller)
    navigator.serviceWorker
      .register('/sw.js', { scope: '/' })
      .then(() => navigator.serviceWorker.ready)
      .then((registration) => {
        if (controlled) return
        const urls = performance.getEntriesByType('resource').map((entry) => entry.name)
        registration.active?.postMessage({ type: 'cache-static', urls })
        registration.active?.postMessage({ type: 'cache-page', url: location.href })
      })
      .catch(() => undefined)
  }, [])
  return null
}

/** Deletes the pages the worker kept for the signed-in account (sign-out, and sign-in as someone
 *  else on the same phone). Resolves when done, or at once when there is no worker. */
export async function clearPrivateCaches(): Promise<void> {
  if (typeof caches !== 'undefined') {
    const keys = await caches.keys().catch(() => [] as string[])
    await Promise.all(keys.filter((k) => k.startsWith('poputka-pages-')).map((k) => caches.delete(k)))
  }
}
