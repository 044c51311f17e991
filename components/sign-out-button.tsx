'use client'

import { clearPrivateCaches } from '@/components/service-worker'

/** Signs out through next-auth's own endpoint (CSRF token, then POST) without shipping
 * next-auth's client library on every page that shows the header. */
export function SignOutButton({ label, homeHref }: { label: string; homeHref: string }) {
  async function signOut() {
    const { csrfToken } = (await fetch('/api/auth/csrf').then((r) => r.json())) as { csrfToken: string }
    await fetch('/api/auth/signout', {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ csrfToken, callbackUrl: homeHref, json: 'true' }),
    })
    // The pages kept for offline use hold this account's bookings and phones: gone with the session.
    await clearPrivateCaches()
    window.location.href = homeHref
  }
  return (
    <button type="button" className="button secondary small" onClick={() => void signOut()}>
      {label}
    </button>
  )
}
