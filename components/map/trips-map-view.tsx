'use client'
// The lazy half of TripsMap (trips-map.tsx): where search results board, and their checkpoints.
import type L from 'leaflet'
import Link from 'next/link'
import { Fragment, useMemo, useState } from 'react'
import { Marker, Polyline, useMap, useMapEvents } from 'react-leaflet'
import { checkpointIcon, pickupIcon, togglePopupOnSpace } from './icons'
import { MapFrame, MapPopup, type MapFrameText } from './map-frame'
import type { LatLng, MapTileProps } from './types'
import type { Locale } from '@/lib/i18n/routing'

export interface TripsMapTrip {
  id: string
  /** Where the run's page is, locale prefix included (e.g. `/en/trips/abc`). */
  href: string
  /** The link text: date, time, route. */
  label: string
  /** `label` names the place, when the caller knows it. */
  pickup: LatLng & { label?: string }
  checkpoint: LatLng
}

export interface TripsMapCheckpoint extends LatLng {
  id: string
  label: string
}

export interface TripsMapViewText extends MapFrameText {
  pickup: string
  checkpoint: string
  /** "3 runs from here" for a given count. */
  runsHere: (count: number) => string
}

export interface TripsMapViewProps extends MapTileProps {
  trips: TripsMapTrip[]
  checkpoints?: TripsMapCheckpoint[]
  locale: Locale
  text: TripsMapViewText
}

const keyOf = (p: LatLng) => `${p.lat.toFixed(5)},${p.lng.toFixed(5)}`

/** Markers closer than this on screen would cover each other: they merge until you zoom in. */
const MERGE_PIXELS = 30

/** The runs that board at one spot (identical coordinates). */
interface Place {
  key: string
  at: LatLng
  label?: string
  trips: TripsMapTrip[]
  checkpointKeys: Set<string>
}

/** One marker: a place, plus any others too close to it at the current zoom. */
interface Cluster {
  key: string
  at: LatLng
  places: Place[]
  count: number
}

function groupByPlace(trips: TripsMapTrip[]): Place[] {
  const places = new Map<string, Place>()
  for (const trip of trips) {
    const key = keyOf(trip.pickup)
    const place = places.get(key) ?? { key, at: trip.pickup, label: trip.pickup.label, trips: [], checkpointKeys: new Set<string>() }
    place.trips.push(trip)
    place.checkpointKeys.add(keyOf(trip.checkpoint))
    places.set(key, place)
  }
  return [...places.values()]
}

/** Greedy: the busiest places anchor clusters; each other place joins the first anchor in reach. */
function clusterPlaces(places: Place[], project: (at: LatLng) => L.Point): Cluster[] {
  const clusters: (Cluster & { point: L.Point })[] = []
  for (const place of [...places].sort((a, b) => b.trips.length - a.trips.length)) {
    const point = project(place.at)
    const near = clusters.find((c) => c.point.distanceTo(point) < MERGE_PIXELS)
    if (near) {
      near.places.push(place)
      near.count += place.trips.length
    } else {
      clusters.push({ key: place.key, at: place.at, places: [place], count: place.trips.length, point })
    }
  }
  return clusters
}

export default function TripsMapView({ trips, checkpoints, locale, text, tileUrl, tileAttribution }: TripsMapViewProps) {
  const places = useMemo(() => groupByPlace(trips), [trips])
  const checkpointIconOnce = useMemo(() => checkpointIcon(), [])
  const checkpointMarkers = useMemo(() => {
    const byKey = new Map<string, { key: string; at: LatLng; label?: string }>()
    for (const c of checkpoints ?? []) byKey.set(keyOf(c), { key: keyOf(c), at: c, label: c.label })
    for (const t of trips) if (!byKey.has(keyOf(t.checkpoint))) byKey.set(keyOf(t.checkpoint), { key: keyOf(t.checkpoint), at: t.checkpoint })
    return [...byKey.values()]
  }, [trips, checkpoints])

  const fitPoints: [number, number][] = [
    ...places.map((p): [number, number] => [p.at.lat, p.at.lng]),
    ...checkpointMarkers.map((c): [number, number] => [c.at.lat, c.at.lng]),
  ]
  // A faint line from each boarding place to each checkpoint its runs cross.
  const legs = places.flatMap((p) =>
    [...p.checkpointKeys].map((ck) => {
      const [lat, lng] = ck.split(',').map(Number)
      return { key: `${p.key}>${ck}`, positions: [[p.at.lat, p.at.lng], [lat!, lng!]] as [number, number][] }
    }),
  )

  return (
    <MapFrame text={text} locale={locale} fitPoints={fitPoints} fit={{ maxZoom: 12 }} tileUrl={tileUrl} tileAttribution={tileAttribution}>
      {legs.map((leg) => (
        <Polyline key={leg.key} positions={leg.positions} interactive={false} pathOptions={{ color: '#0b5cad', weight: 2, opacity: 0.45, dashArray: '5 7' }} />
      ))}
      {checkpointMarkers.map((c) => (
        <Marker
          key={c.key}
          position={[c.at.lat, c.at.lng]}
          icon={checkpointIconOnce}
          title={c.label ? `${text.checkpoint}: ${c.label}` : text.checkpoint}
          eventHandlers={{ keydown: togglePopupOnSpace }}
        >
          <MapPopup>
            <p className="pmap-popup-title">{text.checkpoint}</p>
            {c.label ? <p>{c.label}</p> : null}
          </MapPopup>
        </Marker>
      ))}
      <PickupMarkers places={places} text={text} />
    </MapFrame>
  )
}

/** Icons by run count, made once each (a new icon object would redraw the marker). */
const pickupIcons = new Map<number, L.DivIcon>()
function iconFor(count: number): L.DivIcon {
  let icon = pickupIcons.get(count)
  if (!icon) pickupIcons.set(count, (icon = pickupIcon(count)))
  return icon
}

function PickupMarkers({ places, text }: { places: Place[]; text: TripsMapViewText }) {
  const map = useMap()
  const [zoom, setZoom] = useState(() => map.getZoom())
  useMapEvents({ zoomend: () => setZoom(map.getZoom()) })
  const clusters = useMemo(() => clusterPlaces(places, (at) => map.project([at.lat, at.lng], zoom)), [places, map, zoom])

  return clusters.map((cluster) => {
    const names = cluster.places.flatMap((p) => (p.label ? [p.label] : []))
    const title = `${names.length ? `${text.pickup}: ${names.join(', ')}` : text.pickup} · ${text.runsHere(cluster.count)}`
    return (
      <Marker
        key={`${cluster.key}+${cluster.places.length}`}
        position={[cluster.at.lat, cluster.at.lng]}
        icon={iconFor(cluster.count)}
        title={title}
        zIndexOffset={cluster.count * 10}
        eventHandlers={{ keydown: togglePopupOnSpace }}
      >
        <MapPopup fitHeight>
          {cluster.places.map((place) => (
            <Fragment key={place.key}>
              <p className="pmap-popup-title">{place.label ? `${text.pickup}: ${place.label}` : text.pickup}</p>
              <p className="pmap-popup-count">{text.runsHere(place.trips.length)}</p>
              <ul className="pmap-popup-list">
                {place.trips.map((t) => (
                  <li key={t.id}>
                    <Link href={t.href}>{t.label}</Link>
                  </li>
                ))}
              </ul>
            </Fragment>
          ))}
        </MapPopup>
      </Marker>
    )
  })
}
