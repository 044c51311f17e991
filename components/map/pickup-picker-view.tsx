'use client'
// The lazy half of PickupPicker (pickup-picker.tsx): choose a curated point, or drop a pin.
import type L from 'leaflet'
import { useEffect, useMemo } from 'react'
import { Marker, useMap, useMapEvents } from 'react-leaflet'
import { customPinIcon, onActivateKey, pointIcon } from './icons'
import { MapFrame, type MapFrameText } from './map-frame'
import type { LatLng, MapTileProps, PickupValue } from './types'
import type { Locale } from '@/lib/i18n/routing'

export interface PickupPoint extends LatLng {
  id: string
  label: string
}

export interface PickupPickerViewText extends MapFrameText {
  /** Title of the rider's own pin. */
  customPoint: string
}

export interface PickupPickerViewProps extends MapTileProps {
  cityCenter: LatLng
  points: PickupPoint[]
  value: PickupValue | null
  onChange: (value: PickupValue) => void
  locale: Locale
  text: PickupPickerViewText
}

/** About a metre: enough for a pickup spot, and it keeps stored values short. */
const round = (v: number) => Math.round(v * 1e5) / 1e5

export default function PickupPickerView({ cityCenter, points, value, onChange, locale, text, tileUrl, tileAttribution }: PickupPickerViewProps) {
  const icons = useMemo(() => ({ point: pointIcon(false), selected: pointIcon(true), pin: customPinIcon() }), [])
  const selectedId = value && 'pointId' in value ? value.pointId : null
  const custom = value && !('pointId' in value) ? value : null

  // The city and its curated points, once; a choice made in the caller's <select> pans the map.
  const fitPoints = useMemo<[number, number][]>(
    () => [[cityCenter.lat, cityCenter.lng], ...points.map((p): [number, number] => [p.lat, p.lng])],
    [cityCenter.lat, cityCenter.lng, points],
  )
  const selectedAt = custom ?? points.find((p) => p.id === selectedId) ?? null

  return (
    <MapFrame
      text={text}
      locale={locale}
      fitPoints={fitPoints}
      fit={{ maxZoom: 13, padding: 32 }}
      dragging
      tileUrl={tileUrl}
      tileAttribution={tileAttribution}
    >
      <ClickToPin onPick={(at) => onChange({ label: custom?.label ?? '', lat: round(at.lat), lng: round(at.lng) })} />
      <KeepInView at={selectedAt} />
      {points.map((p) => (
        <Marker
          key={p.id}
          position={[p.lat, p.lng]}
          icon={p.id === selectedId ? icons.selected : icons.point}
          title={p.label}
          zIndexOffset={p.id === selectedId ? 1000 : 0}
          eventHandlers={{ click: () => onChange({ pointId: p.id }), keydown: onActivateKey(() => onChange({ pointId: p.id })) }}
        />
      ))}
      {custom ? (
        <Marker
          position={[custom.lat, custom.lng]}
          icon={icons.pin}
          title={custom.label ? `${text.customPoint}: ${custom.label}` : text.customPoint}
          zIndexOffset={2000}
          draggable
          eventHandlers={{
            dragend: (e) => {
              const at = (e.target as L.Marker).getLatLng()
              onChange({ label: custom.label, lat: round(at.lat), lng: round(at.lng) })
            },
          }}
        />
      ) : null}
    </MapFrame>
  )
}

function ClickToPin({ onPick }: { onPick: (at: L.LatLng) => void }) {
  useMapEvents({ click: (e) => onPick(e.latlng) })
  return null
}

/** Pans (without zooming) when the chosen place is off screen, e.g. after a <select> change. */
function KeepInView({ at }: { at: LatLng | null }) {
  const map = useMap()
  const lat = at?.lat
  const lng = at?.lng
  useEffect(() => {
    if (lat === undefined || lng === undefined) return
    if (!map.getBounds().contains([lat, lng])) map.panTo([lat, lng])
  }, [map, lat, lng])
  return null
}
