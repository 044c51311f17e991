'use client'
// <RouteMap>: a run's pickup → border checkpoint → destination. This wrapper is tiny; Leaflet, the
// basemap and the markers load lazily (route-map-view.tsx) and only in the browser.
import dynamic from 'next/dynamic'
import { useLocale, useTranslations } from 'next-intl'
import { CHECKPOINT_GLYPH, DESTINATION_GLYPH, PICKUP_GLYPH } from './glyphs'
import { MapLoading, MapShell } from './map-shell'
import { PRECISION_RADIUS_METRES, type CheckpointPrecision, type LabelledPoint, type MapHeight, type MapTileProps } from './types'
import type { Locale } from '@/lib/i18n/routing'

/** The marker pictures at legend size. */
const small = (glyph: string) => glyph.replace(/width="\d+" height="\d+"/, 'width="18" height="18"')

const RouteMapView = dynamic(() => import('./route-map-view'), { ssr: false, loading: () => <MapLoading /> })

export interface RouteMapProps extends MapTileProps {
  pickup: LabelledPoint
  checkpoint: LabelledPoint & { precision: CheckpointPrecision }
  destination: LabelledPoint
  /** Pixels, or any CSS length; default 300. */
  height?: MapHeight
}

export function RouteMap({ pickup, checkpoint, destination, tileUrl, tileAttribution, height = 300 }: RouteMapProps) {
  const t = useTranslations('map')
  const locale = useLocale() as Locale
  const radius = PRECISION_RADIUS_METRES[checkpoint.precision]
  const approximate = radius ? t('approximate', { km: radius / 1000 }) : undefined
  const text = {
    region: t('routeRegion', { pickup: pickup.label, checkpoint: checkpoint.label, destination: destination.label }),
    zoomIn: t('zoomIn'),
    zoomOut: t('zoomOut'),
    closePopup: t('closePopup'),
    pickup: t('pickup'),
    checkpoint: t('checkpoint'),
    destination: t('destination'),
    approximate,
  }
  const legend = [
    { glyph: small(PICKUP_GLYPH), text: t('pickup') },
    { glyph: small(CHECKPOINT_GLYPH), text: t('checkpoint') },
    { glyph: small(DESTINATION_GLYPH), text: t('destination') },
  ]
  return (
    <div className="pmap-block">
      <MapShell height={height}>
        <RouteMapView
          pickup={pickup}
          checkpoint={checkpoint}
          destination={destination}
          locale={locale}
          text={text}
          tileUrl={tileUrl}
          tileAttribution={tileAttribution}
        />
      </MapShell>
      <ul className="small muted" style={{ display: 'flex', flexWrap: 'wrap', gap: '4px 16px', listStyle: 'none', margin: '8px 0 0', padding: 0 }}>
        {legend.map((item) => (
          <li key={item.text} style={{ display: 'inline-flex', alignItems: 'center', gap: 6 }}>
            <span style={{ display: 'inline-flex' }} dangerouslySetInnerHTML={{ __html: item.glyph }} />
            {item.text}
          </li>
        ))}
      </ul>
      {approximate ? (
        <p className="small muted" style={{ margin: '4px 0 0' }}>
          {approximate}
        </p>
      ) : null}
    </div>
  )
}
