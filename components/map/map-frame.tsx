'use client'
// The Leaflet map every view shares: offline basemap, optional tiles, localised zoom buttons, an
// accessible container. Only the lazy map chunk imports this file, so Leaflet and its CSS never
// reach pages without a map.
import 'leaflet/dist/leaflet.css'
import './map.css'
import L from 'leaflet'
import { useEffect, useRef, type ReactNode } from 'react'
import { MapContainer, Popup, TileLayer, ZoomControl, useMap } from 'react-leaflet'
import { BASEMAP_BOUNDS, BasemapLayer } from './basemap-layer'
import type { MapTileProps } from './types'
import type { Locale } from '@/lib/i18n/routing'

export interface MapFrameText {
  /** The map's accessible name (the container is a labelled region). */
  region: string
  zoomIn: string
  zoomOut: string
  closePopup: string
}

/** A popup that fits the map: narrow maps get narrower popups, and opening one pans the map clear
 *  of the zoom buttons (top left). `fitHeight` makes long content scroll inside the map. */
export function MapPopup({ children, fitHeight }: { children: ReactNode; fitHeight?: boolean }) {
  const size = useMap().getSize()
  const narrow = size.x < 420
  return (
    <Popup
      maxWidth={Math.max(160, Math.min(280, size.x - (narrow ? 24 : 68) - 36))}
      maxHeight={fitHeight ? Math.max(120, size.y - 60) : undefined}
      autoPanPaddingTopLeft={L.point(narrow ? 12 : 56, 12)}
      autoPanPaddingBottomRight={L.point(12, 12)}
    >
      {children}
    </Popup>
  )
}

export interface FitOptions {
  padding?: number
  maxZoom?: number
}

interface MapFrameProps extends MapTileProps {
  text: MapFrameText
  locale: Locale
  /** Points the view must show ([lat, lng]); the map refits whenever they change. */
  fitPoints: [number, number][]
  fit?: FitOptions
  /** One-finger panning; off by default on touch screens so the page scrolls past the map. */
  dragging?: boolean
  children?: ReactNode
}

/** Cities are unreadable below this zoom; at and above 15 there is nothing more the basemap can show. */
const CITY_LABELS_FROM_ZOOM = 5
const TOWN_LABELS_FROM_ZOOM = 7.5
const OFFLINE_MAX_ZOOM = 15
const TILES_MAX_ZOOM = 19
/** With nothing to show: Shymkent, Tashkent, Bishkek and Almaty, the product's home ground. */
const DEFAULT_VIEW: [number, number][] = [
  [41.2, 69.2],
  [43.4, 77.1],
]

export function MapFrame({ text, locale, fitPoints, fit, dragging, tileUrl, tileAttribution, children }: MapFrameProps) {
  const hasTiles = Boolean(tileUrl)
  const fitOptions = { padding: L.point(fit?.padding ?? 28, fit?.padding ?? 28), maxZoom: fit?.maxZoom ?? 11 }
  const padded = L.latLngBounds(BASEMAP_BOUNDS).pad(0.15)
  const bounds = fitPoints.length ? L.latLngBounds(fitPoints) : L.latLngBounds(DEFAULT_VIEW)
  return (
    <MapContainer
      className="pmap"
      bounds={bounds}
      boundsOptions={fitOptions}
      minZoom={3}
      maxZoom={hasTiles ? TILES_MAX_ZOOM : OFFLINE_MAX_ZOOM}
      maxBounds={hasTiles ? undefined : padded}
      maxBoundsViscosity={0.8}
      zoomControl={false}
      attributionControl={hasTiles}
      scrollWheelZoom={false}
      dragging={dragging ?? !L.Browser.mobile}
      zoomSnap={0.5}
    >
      <MapBehaviour text={text} fitPoints={fitPoints} fit={fitOptions} />
      <ZoomControl zoomInTitle={text.zoomIn} zoomOutTitle={text.zoomOut} />
      <BasemapLayer locale={locale} />
      {hasTiles ? <TileLayer url={tileUrl!} attribution={tileAttribution ?? ''} maxZoom={TILES_MAX_ZOOM} /> : null}
      {children}
    </MapContainer>
  )
}

type Box = { left: number; top: number; right: number; bottom: number }
const overlaps = (a: Box, b: Box, gap = 2) => a.left < b.right + gap && b.left < a.right + gap && a.top < b.bottom + gap && b.top < a.bottom + gap

/**
 * Keeps the map readable at any size: a place name that would run past the right edge goes to the
 * left of its dot; a name that still would not fit, or that would sit under a marker or an earlier
 * (more important) name, is hidden; markers that land on each other are nudged apart.
 */
export function declutter(container: HTMLElement): void {
  const frame = container.getBoundingClientRect()
  const markers = [...container.querySelectorAll<HTMLElement>('.leaflet-marker-pane .pmap-icon')]
  // Markers first: each one that overlaps an earlier one moves down-right until it is clear.
  const placed: Box[] = []
  for (const marker of markers) {
    marker.style.translate = ''
    let box: Box = marker.getBoundingClientRect()
    let shift = 0
    while (placed.some((p) => overlaps(box, p, 0)) && shift < 4) {
      shift++
      marker.style.translate = `${shift * 12}px ${shift * 12}px`
      box = marker.getBoundingClientRect()
    }
    placed.push(box)
  }
  const taken: Box[] = [...placed]
  for (const label of container.querySelectorAll<HTMLElement>('.pmap-label')) {
    label.classList.remove('pmap-label-hidden', 'pmap-label-flip')
    const text = label.querySelector<HTMLElement>('.pmap-label-text')
    if (!text || text.offsetParent === null) continue
    const outside = (b: Box) => b.left < frame.left + 2 || b.right > frame.right - 2 || b.top < frame.top || b.bottom > frame.bottom
    const blocked = (b: Box) => outside(b) || taken.some((t) => overlaps(b, t))
    let box: Box = text.getBoundingClientRect()
    const inside = box.right > frame.left && box.left < frame.right && box.bottom > frame.top && box.top < frame.bottom
    if (!inside) continue
    // Right of the dot first; else left of it; else not at all (never clipped, never over a marker).
    if (blocked(box) && label.classList.contains('pmap-label-dotted')) {
      label.classList.add('pmap-label-flip')
      box = text.getBoundingClientRect()
    }
    if (blocked(box)) label.classList.add('pmap-label-hidden')
    else taken.push(box)
  }
}

/** What react-leaflet has no props for: ARIA on the container, refitting, wheel zoom on focus. */
function MapBehaviour({ text, fitPoints, fit }: { text: MapFrameText; fitPoints: [number, number][]; fit: L.FitBoundsOptions }) {
  const map = useMap()
  const pointsKey = JSON.stringify(fitPoints)
  const firstFit = useRef(true)

  useEffect(() => {
    const container = map.getContainer()
    container.setAttribute('role', 'region')
    container.setAttribute('aria-label', text.region)
  }, [map, text.region])

  useEffect(() => {
    // Leaflet's popup close button says "Close popup" in English whatever the page language.
    const onPopupOpen = (e: L.PopupEvent) => {
      e.popup.getElement()?.querySelector('.leaflet-popup-close-button')?.setAttribute('aria-label', text.closePopup)
    }
    // The wheel scrolls the page until the visitor clicks or tabs into the map.
    const enableWheel = () => map.scrollWheelZoom.enable()
    const disableWheel = () => map.scrollWheelZoom.disable()
    const onZoom = () => {
      map.getContainer().classList.toggle('pmap-z-low', map.getZoom() < CITY_LABELS_FROM_ZOOM)
      map.getContainer().classList.toggle('pmap-z-mid', map.getZoom() < TOWN_LABELS_FROM_ZOOM)
    }
    const tidy = () => declutter(map.getContainer())
    onZoom()
    tidy()
    map.on('popupopen', onPopupOpen).on('focus', enableWheel).on('blur', disableWheel).on('zoomend', onZoom).on('moveend zoomend resize', tidy)
    return () => {
      map.off('popupopen', onPopupOpen).off('focus', enableWheel).off('blur', disableWheel).off('zoomend', onZoom).off('moveend zoomend resize', tidy)
    }
  }, [map, text.closePopup])

  useEffect(() => {
    // MapContainer already fitted the first bounds; later changes (new search results) refit.
    if (firstFit.current) {
      firstFit.current = false
      return
    }
    const points = JSON.parse(pointsKey) as [number, number][]
    map.fitBounds(L.latLngBounds(points.length ? points : DEFAULT_VIEW), fit)
    // Refit when the points change, not when a new (equal) options object arrives.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [map, pointsKey])

  return null
}
