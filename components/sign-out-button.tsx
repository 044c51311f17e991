'use client'

import { signOut } from 'next-auth/react'

export function SignOutButton({ label, homeHref }: { label: string; homeHref: string }) {
  return (
    <button type="button" className="button secondary small" onClick={() => void signOut({ callbackUrl: homeHref })}>
      {label}
    </button>
  )
}
