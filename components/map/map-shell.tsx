'use client'
// The part of every map that is on the page from the first byte: a box of the final height (so
// nothing shifts when the lazy map arrives) with a quiet "loading" line until it does.
import { useTranslations } from 'next-intl'
import type { ReactNode } from 'react'
import type { MapHeight } from './types'

export function MapShell({ height, children }: { height: MapHeight; children: ReactNode }) {
  return (
    <div
      className="pmap-shell"
      style={{
        position: 'relative',
        height,
        // Leaflet's panes and controls use z-indexes up to 1000: keep them inside the map.
        isolation: 'isolate',
        overflow: 'hidden',
        borderRadius: 'var(--radius, 10px)',
        border: '1px solid var(--border, #d5dae1)',
        background: '#dbe5ec',
      }}
    >
      {children}
    </div>
  )
}

/** Shown by next/dynamic while the map chunk loads. */
export function MapLoading() {
  const t = useTranslations('map')
  return (
    <div style={{ display: 'grid', placeItems: 'center', height: '100%', color: '#434952', fontSize: '0.875rem' }}>{t('loading')}</div>
  )
}
