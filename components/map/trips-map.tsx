'use client'
// <TripsMap>: where the runs in a search result board (runs from the same spot share a marker
// whose popup links to each) and the checkpoints they cross. Leaflet loads lazily
// (trips-map-view.tsx) and only in the browser.
import dynamic from 'next/dynamic'
import { useLocale, useTranslations } from 'next-intl'
import { MapLoading, MapShell } from './map-shell'
import type { TripsMapCheckpoint, TripsMapTrip } from './trips-map-view'
import type { MapHeight, MapTileProps } from './types'
import type { Locale } from '@/lib/i18n/routing'

const TripsMapView = dynamic(() => import('./trips-map-view'), { ssr: false, loading: () => <MapLoading /> })

export type { TripsMapCheckpoint, TripsMapTrip }

export interface TripsMapProps extends MapTileProps {
  trips: TripsMapTrip[]
  /** Named checkpoints; a trip's checkpoint not listed here is drawn without a name. */
  checkpoints?: TripsMapCheckpoint[]
  /** Pixels, or any CSS length; default 320. */
  height?: MapHeight
}

export function TripsMap({ trips, checkpoints, tileUrl, tileAttribution, height = 320 }: TripsMapProps) {
  const t = useTranslations('map')
  const locale = useLocale() as Locale
  const text = {
    region: t('tripsRegion'),
    zoomIn: t('zoomIn'),
    zoomOut: t('zoomOut'),
    closePopup: t('closePopup'),
    pickup: t('pickup'),
    checkpoint: t('checkpoint'),
    runsHere: (count: number) => t('runsHere', { count }),
  }
  return (
    <MapShell height={height}>
      <TripsMapView trips={trips} checkpoints={checkpoints} locale={locale} text={text} tileUrl={tileUrl} tileAttribution={tileAttribution} />
    </MapShell>
  )
}
