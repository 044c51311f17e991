'use client'
// The offline basemap: land, borders, lakes and rivers, main roads, city and town names, in panes
// *below* the tile pane, so
// that when a tile server is configured its tiles cover the basemap and any tile that fails to load
// shows the basemap instead of a hole.
import type { Feature, FeatureCollection, LineString, MultiLineString, MultiPolygon, Point } from 'geojson'
import type { PathOptions } from 'leaflet'
import { memo, useEffect, useMemo } from 'react'
import { GeoJSON, Marker, Pane, useMap } from 'react-leaflet'
import basemapJson from './basemap.json'
import { labelIcon } from './icons'
import type { Locale } from '@/lib/i18n/routing'

type LabelKind = 'country' | 'neighbour' | 'city' | 'town'
type BasemapFeature =
  | Feature<MultiPolygon, { kind: 'land'; focus?: string }>
  | Feature<MultiPolygon, { kind: 'lake' }>
  | Feature<MultiLineString, { kind: 'border' | 'river' }>
  | Feature<LineString, { kind: 'road'; name: string }>
  | Feature<Point, { kind: LabelKind; ru: string; kk: string; en: string }>

const basemap = basemapJson as unknown as { bbox: [number, number, number, number]; features: BasemapFeature[] }

const land: FeatureCollection = { type: 'FeatureCollection', features: basemap.features.filter((f) => f.properties.kind === 'land') }
const borders: FeatureCollection = { type: 'FeatureCollection', features: basemap.features.filter((f) => f.properties.kind === 'border') }
const water: FeatureCollection = { type: 'FeatureCollection', features: basemap.features.filter((f) => f.properties.kind === 'lake' || f.properties.kind === 'river') }
const roadFeatures = basemap.features.filter((f): f is Extract<BasemapFeature, { geometry: LineString }> => f.properties.kind === 'road')
const roads: FeatureCollection = { type: 'FeatureCollection', features: roadFeatures }

/** The road lines ([lng, lat] points), for routes that follow them (road-route.ts). */
export const ROAD_LINES = roadFeatures.map((f) => f.geometry.coordinates as [number, number][])
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
const WATER = '#9cc3dc'
const waterStyle = (feature?: Feature): PathOptions =>
  feature?.properties?.kind === 'lake' ? { stroke: false, fillColor: '#c3dbea', fillOpacity: 1 } : { color: WATER, weight: 1.3, opacity: 1, fill: false, lineJoin: 'round' }
// Roads: a white casing under an amber line, the usual look of a main road.
const roadCasing: PathOptions = { color: '#ffffff', weight: 4.5, opacity: 0.9, lineJoin: 'round', lineCap: 'round' }
const roadLine: PathOptions = { color: '#d9a441', weight: 2.2, opacity: 0.95, lineJoin: 'round', lineCap: 'round' }

function BasemapLayerImpl({ locale }: { locale: Locale }) {
  const icons = useMemo(() => labels.map((f) => labelIcon(f.properties.kind, f.properties[locale])), [locale])
  const map = useMap()
  useEffect(() => {
    // Scenery, not content: screen readers should not read twenty place names inside the map.
    for (const pane of ['pmap-basemap', 'pmap-basemap-labels']) map.getPane(pane)?.setAttribute('aria-hidden', 'true')
  }, [map])
  return (
    <>
      <Pane name="pmap-basemap" style={{ zIndex: 150 }}>
        <GeoJSON data={land} style={landStyle} interactive={false} />
        <GeoJSON data={water} style={waterStyle} interactive={false} />
        <GeoJSON data={borders} style={borderStyle} interactive={false} />
        <GeoJSON data={roads} style={roadCasing} interactive={false} />
        <GeoJSON data={roads} style={roadLine} interactive={false} />
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
