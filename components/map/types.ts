// Shapes shared by the map wrappers (server-safe: no Leaflet import here).

export interface LatLng {
  lat: number
  lng: number
}

export interface LabelledPoint extends LatLng {
  label: string
}

/** How well we know where a checkpoint is: a settlement's coordinates, an estimate, or a guess. */
export type CheckpointPrecision = 'SETTLEMENT' | 'ESTIMATE' | 'ROUGH'

/** Tiles are optional: with no URL the map draws only the offline basemap and requests nothing. */
export interface MapTileProps {
  /** A template such as `https://tile.openstreetmap.org/{z}/{x}/{y}.png`; empty = no tile layer. */
  tileUrl?: string
  /** Shown in the attribution control, which appears only when there are tiles. */
  tileAttribution?: string
}

/** A fixed height keeps the page from shifting when the map arrives; a number is pixels. */
export type MapHeight = number | string

/** The pickup choice: one of the city's curated points, or a pin of the rider's own. */
export type PickupValue = { pointId: string } | { label: string; lat: number; lng: number }

/** Radius of the "somewhere here" circle drawn around a checkpoint whose position is not exact. */
export const PRECISION_RADIUS_METRES: Record<CheckpointPrecision, number> = {
  SETTLEMENT: 0,
  ESTIMATE: 2_000,
  ROUGH: 15_000,
}
