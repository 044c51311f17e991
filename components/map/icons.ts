// Marker icons drawn as inline SVG: no image files (Turbopack turns Leaflet's PNG imports into
// strings, and offline there is nothing to fetch anyway). Loaded only inside the lazy map chunk.
import L from 'leaflet'
import { CHECKPOINT_GLYPH, DESTINATION_GLYPH, PICKUP_GLYPH, svg } from './glyphs'

function escapeText(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)
}

/** Pickup: a blue disc; with `count` > 1 (several runs from one place) it grows and shows the count
 *  (hidden from screen readers: the marker's title says it in words). */
export function pickupIcon(count = 1): L.DivIcon {
  if (count <= 1) {
    return L.divIcon({
      className: 'pmap-icon pmap-icon-pickup',
      html: PICKUP_GLYPH,
      iconSize: [24, 24],
      iconAnchor: [12, 12],
      popupAnchor: [0, -12],
    })
  }
  const label = count > 99 ? '99+' : String(count)
  return L.divIcon({
    className: 'pmap-icon pmap-icon-pickup',
    html:
      svg(30, 30, '<circle cx="15" cy="15" r="12.5" fill="#0b5cad" stroke="#fff" stroke-width="3"/>') +
      `<span class="pmap-count" aria-hidden="true">${label}</span>`,
    iconSize: [30, 30],
    iconAnchor: [15, 15],
    popupAnchor: [0, -15],
  })
}

/** Checkpoint: a white badge with a red-and-white boom barrier on a post. */
export function checkpointIcon(): L.DivIcon {
  return L.divIcon({
    className: 'pmap-icon pmap-icon-checkpoint',
    html: CHECKPOINT_GLYPH,
    iconSize: [30, 30],
    iconAnchor: [15, 15],
    popupAnchor: [0, -15],
  })
}

/** Destination: a dark dot with a white ring. */
export function destinationIcon(): L.DivIcon {
  return L.divIcon({
    className: 'pmap-icon pmap-icon-destination',
    html: DESTINATION_GLYPH,
    iconSize: [22, 22],
    iconAnchor: [11, 11],
    popupAnchor: [0, -11],
  })
}

/** A curated pickup point in the picker; the chosen one is filled. */
export function pointIcon(selected: boolean): L.DivIcon {
  return selected
    ? L.divIcon({
        className: 'pmap-icon pmap-icon-point pmap-selected',
        html: svg(26, 26, '<circle cx="13" cy="13" r="10" fill="#0b5cad" stroke="#fff" stroke-width="3"/><circle cx="13" cy="13" r="3.5" fill="#fff"/>'),
        iconSize: [26, 26],
        iconAnchor: [13, 13],
      })
    : L.divIcon({
        className: 'pmap-icon pmap-icon-point',
        html: svg(20, 20, '<circle cx="10" cy="10" r="7" fill="#fff" stroke="#0b5cad" stroke-width="3"/>'),
        iconSize: [20, 20],
        iconAnchor: [10, 10],
      })
}

/** The rider's own pin: a teardrop whose tip is the spot. */
export function customPinIcon(): L.DivIcon {
  return L.divIcon({
    className: 'pmap-icon pmap-icon-pin',
    html: svg(
      28,
      40,
      '<path d="M14 39C14 39 26 24.5 26 14A12 12 0 0 0 2 14C2 24.5 14 39 14 39Z" fill="#0b5cad" stroke="#fff" stroke-width="2.5"/><circle cx="14" cy="14" r="4.5" fill="#fff"/>',
    ),
    iconSize: [28, 40],
    iconAnchor: [14, 39],
  })
}

/** Text on the basemap: a country or city name (cities get a small dot). Never interactive. */
export function labelIcon(kind: 'country' | 'neighbour' | 'city' | 'town', text: string): L.DivIcon {
  const dotted = kind === 'city' || kind === 'town'
  return L.divIcon({
    className: `pmap-label pmap-label-${kind}${dotted ? ' pmap-label-dotted' : ''}`,
    html: dotted ? `<span class="pmap-city-dot"></span><span class="pmap-label-text">${escapeText(text)}</span>` : `<span class="pmap-label-text">${escapeText(text)}</span>`,
    // Zero size: the CSS centres country names on the point and puts city names beside their dot.
    iconSize: [0, 0],
    iconAnchor: [0, 0],
  })
}

/** Keyboard activation for a focused marker (Leaflet makes them role="button"). Leaflet already
 *  toggles a bound popup on Enter, so markers with popups pass `[' ']` to add only Space. */
export function onActivateKey(activate: (marker: L.Marker) => void, keys: readonly string[] = [' ', 'Enter']) {
  return (e: L.LeafletKeyboardEvent) => {
    if (!keys.includes(e.originalEvent.key)) return
    e.originalEvent.preventDefault()
    activate(e.target as L.Marker)
  }
}

/** Space opens or closes the marker's popup, as Enter does. */
export const togglePopupOnSpace = onActivateKey((marker) => marker.togglePopup(), [' '])
