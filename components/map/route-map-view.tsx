'use client'
// The lazy half of RouteMap (route-map.tsx): pickup → checkpoint → destination on the basemap.
import { useMemo } from 'react'
import { Circle, Marker, Polyline } from 'react-leaflet'
import { checkpointIcon, destinationIcon, pickupIcon, togglePopupOnSpace } from './icons'
import { ROAD_LINES } from './basemap-layer'
import { MapFrame, MapPopup, type MapFrameText } from './map-frame'
import { buildRoadGraph, routeAlongRoads, type RoadGraph } from './road-route'
import { PRECISION_RADIUS_METRES, type CheckpointPrecision, type LabelledPoint, type MapTileProps } from './types'
import type { Locale } from '@/lib/i18n/routing'

export interface RouteMapViewText extends MapFrameText {
  pickup: string
  checkpoint: string
  destination: string
  /** The "position is approximate" sentence, when it is. */
  approximate?: string
}

export interface RouteMapViewProps extends MapTileProps {
  pickup: LabelledPoint
  checkpoint: LabelledPoint & { precision: CheckpointPrecision }
  destination: LabelledPoint
  locale: Locale
  text: RouteMapViewText
}

const METRES_PER_DEGREE = 111_320

let graph: RoadGraph | null = null
const roadGraph = () => (graph ??= buildRoadGraph(ROAD_LINES))

export default function RouteMapView({ pickup, checkpoint, destination, locale, text, tileUrl, tileAttribution }: RouteMapViewProps) {
  const radius = PRECISION_RADIUS_METRES[checkpoint.precision]
  const icons = useMemo(() => ({ pickup: pickupIcon(), checkpoint: checkpointIcon(), destination: destinationIcon() }), [])

  const fitPoints: [number, number][] = [
    [pickup.lat, pickup.lng],
    [checkpoint.lat, checkpoint.lng],
    [destination.lat, destination.lng],
  ]
  if (radius) {
    // Keep the whole uncertainty circle in view.
    const dLat = radius / METRES_PER_DEGREE
    const dLng = radius / (METRES_PER_DEGREE * Math.cos((checkpoint.lat * Math.PI) / 180))
    fitPoints.push([checkpoint.lat - dLat, checkpoint.lng - dLng], [checkpoint.lat + dLat, checkpoint.lng + dLng])
  }

  const route = useMemo(() => routeAlongRoads(roadGraph(), fitPoints.slice(0, 3)), [pickup.lat, pickup.lng, checkpoint.lat, checkpoint.lng, destination.lat, destination.lng]) // eslint-disable-line react-hooks/exhaustive-deps

  const stops = [
    { key: 'pickup', point: pickup, icon: icons.pickup, role: text.pickup, note: undefined },
    { key: 'checkpoint', point: checkpoint, icon: icons.checkpoint, role: text.checkpoint, note: radius ? text.approximate : undefined },
    { key: 'destination', point: destination, icon: icons.destination, role: text.destination, note: undefined },
  ]

  return (
    <MapFrame text={text} locale={locale} fitPoints={fitPoints} tileUrl={tileUrl} tileAttribution={tileAttribution}>
      {radius ? (
        <Circle
          center={[checkpoint.lat, checkpoint.lng]}
          radius={radius}
          interactive={false}
          pathOptions={{ color: '#b42318', weight: 1, opacity: 0.6, dashArray: '4 4', fillColor: '#b42318', fillOpacity: 0.1 }}
        />
      ) : null}
      {/* Along the basemap's roads where it can; dashed where a leg has no road to follow. */}
      <Polyline
        positions={route.line}
        interactive={false}
        pathOptions={{ color: '#0b5cad', weight: 4, opacity: 0.85, dashArray: route.onRoad ? undefined : '7 7', lineCap: 'round', lineJoin: 'round' }}
      />
      {stops.map((stop) => (
        <Marker
          key={stop.key}
          position={[stop.point.lat, stop.point.lng]}
          icon={stop.icon}
          title={`${stop.role}: ${stop.point.label}`}
          eventHandlers={{ keydown: togglePopupOnSpace }}
        >
          <MapPopup>
            <p className="pmap-popup-title">{stop.role}</p>
            <p>{stop.point.label}</p>
            {stop.note ? <p className="pmap-popup-note">{stop.note}</p> : null}
          </MapPopup>
        </Marker>
      ))}
    </MapFrame>
  )
}
