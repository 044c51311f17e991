'use client'
// The header's menu on phones: one row (brand and this button), the navigation, language and
// account links folded behind it. From 960 px the same links stand in the header row and the
// button is hidden (CSS). Labels come from the server: no client-side translator on public pages.
import { useState, type ReactNode } from 'react'
import { usePathname } from '@/lib/i18n/use-pathname'

export function HeaderMenu({ openLabel, closeLabel, children }: { openLabel: string; closeLabel: string; children: ReactNode }) {
  const pathname = usePathname()
  // Open for the page it was opened on: following a link closes it without an effect.
  const [openOn, setOpenOn] = useState<string | null>(null)
  const open = openOn === pathname
  return (
    <>
      <button
        type="button"
        className="menu-toggle button secondary"
        aria-expanded={open}
        aria-controls="site-menu"
        onClick={() => setOpenOn(open ? null : pathname)}
      >
        <span className="menu-icon" aria-hidden="true" />
        {open ? closeLabel : openLabel}
      </button>
      <div
        id="site-menu"
        className="site-menu"
        data-open={open ? 'true' : 'false'}
        onKeyDown={(e) => {
          if (e.key === 'Escape' && open) {
            setOpenOn(null)
            ;(document.querySelector('.menu-toggle') as HTMLButtonElement | null)?.focus()
          }
        }}
      >
        {children}
      </div>
    </>
  )
}
