'use client'
// <PickupPicker>: tap one of the city's curated pickup points, or anywhere else to drop a pin of
// your own. An enhancement only: the form that uses it also offers a <select> of the same points
// and a text field for the pin's name, so everything works by keyboard and without the map.
import dynamic from 'next/dynamic'
import { useLocale, useTranslations } from 'next-intl'
import { MapLoading, MapShell } from './map-shell'
import type { PickupPoint } from './pickup-picker-view'
import type { LatLng, MapHeight, MapTileProps, PickupValue } from './types'
import type { Locale } from '@/lib/i18n/routing'

const PickupPickerView = dynamic(() => import('./pickup-picker-view'), { ssr: false, loading: () => <MapLoading /> })

export type { PickupPoint, PickupValue }

export interface PickupPickerProps extends MapTileProps {
  cityCenter: LatLng
  points: PickupPoint[]
  value: PickupValue | null
  /** A curated point → `{ pointId }`; a click elsewhere or a dragged pin → `{ label, lat, lng }`,
   *  keeping the label the rider already typed (empty at first). */
  onChange: (value: PickupValue) => void
  /** Pixels, or any CSS length; default 300. */
  height?: MapHeight
}

export function PickupPicker({ cityCenter, points, value, onChange, tileUrl, tileAttribution, height = 300 }: PickupPickerProps) {
  const t = useTranslations('map')
  const locale = useLocale() as Locale
  const text = {
    region: t('pickerRegion'),
    zoomIn: t('zoomIn'),
    zoomOut: t('zoomOut'),
    closePopup: t('closePopup'),
    customPoint: t('customPoint'),
  }
  return (
    <div className="pmap-block">
      <MapShell height={height}>
        <PickupPickerView
          cityCenter={cityCenter}
          points={points}
          value={value}
          onChange={onChange}
          locale={locale}
          text={text}
          tileUrl={tileUrl}
          tileAttribution={tileAttribution}
        />
      </MapShell>
      <p className="small muted" style={{ margin: '6px 0 0' }}>
        {t('pickerHint')}
      </p>
    </div>
  )
}
