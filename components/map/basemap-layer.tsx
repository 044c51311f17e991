'use client'
// The offline basemap: land, country borders and a few names, in panes *below* the tile pane, so
// that when a tile server is configured its tiles cover the basemap and any tile that fails to load
// shows the basemap instead of a hole.
import type { Feature, FeatureCollection, MultiLineString, MultiPolygon, Point } from 'geojson'
import type { PathOptions } from 'leaflet'
import { memo, useEffect, useMemo } from 'react'
import { GeoJSON, Marker, Pane, useMap } from 'react-leaflet'
import basemapJson from './basemap.json'
import { labelIcon } from './icons'
import type { Locale } from '@/lib/i18n/routing'

type LabelKind = 'country' | 'neighbour' | 'city'
type BasemapFeature =
  | Feature<MultiPolygon, { kind: 'land'; focus?: string }>
  | Feature<MultiLineString, { kind: 'border' }>
  | Feature<Point, { kind: LabelKind; ru: string; en: string }>

const basemap = basemapJson as unknown as { bbox: [number, number, number, number]; features: BasemapFeature[] }

const land: FeatureCollection = { type: 'FeatureCollection', features: basemap.features.filter((f) => f.properties.kind === 'land') }
const borders: FeatureCollection = { type: 'FeatureCollection', features: basemap.features.filter((f) => f.properties.kind === 'border') }
const labels = basemap.features.filter((f): f is Extract<BasemapFeature, { geometry: Point }> => f.geometry.type === 'Point')

/** [[south, west], [north, east]]: the area the basemap covers (the map won't pan far past it). */
export const BASEMAP_BOUNDS: [[number, number], [number, number]] = [
  [basemap.bbox[1], basemap.bbox[0]],
  [basemap.bbox[3], basemap.bbox[2]],
]

// Calm land: Kazakhstan, Kyrgyzstan and Uzbekistan warmer than their neighbours, and a shade
// apart from each other so the side of a border reads even where no name is in view.
const FOCUS_FILL: Record<string, string> = { KZ: '#f6f1e4', KG: '#efe8d8', UZ: '#f1eadb' }
const landStyle = (feature?: Feature): PathOptions => ({
  stroke: false,
  fillColor: FOCUS_FILL[String(feature?.properties?.focus)] ?? '#e7e4dc',
  fillOpacity: 1,
})
const borderStyle: PathOptions = { color: '#8c8172', weight: 1.2, opacity: 0.9, lineJoin: 'round', fill: false }

function BasemapLayerImpl({ locale }: { locale: Locale }) {
  const icons = useMemo(
    () => labels.map((f) => labelIcon(f.properties.kind, locale === 'ru' ? f.properties.ru : f.properties.en)),
    [locale],
  )
  const map = useMap()
  useEffect(() => {
    // Scenery, not content: screen readers should not read twenty place names inside the map.
    for (const pane of ['pmap-basemap', 'pmap-basemap-labels']) map.getPane(pane)?.setAttribute('aria-hidden', 'true')
  }, [map])
  return (
    <>
      <Pane name="pmap-basemap" style={{ zIndex: 150 }}>
        <GeoJSON data={land} style={landStyle} interactive={false} />
        <GeoJSON data={borders} style={borderStyle} interactive={false} />
      </Pane>
      <Pane name="pmap-basemap-labels" style={{ zIndex: 160 }}>
        {labels.map((f, i) => {
          const [lng, lat] = f.geometry.coordinates
          return (
            <Marker
              key={f.properties.en}
              position={[lat!, lng!]}
              icon={icons[i]!}
              interactive={false}
              keyboard={false}
              pane="pmap-basemap-labels"
            />
          )
        })}
      </Pane>
    </>
  )
}

export const BasemapLayer = memo(BasemapLayerImpl)
