// The reference data a driver's form needs, in the reader's language and as plain values a client
// component can take: origin cities, their curated pickup points, checkpoints with today's
// availability (closed, cargo-only and unconfirmed ones stay listed, not choosable) and the
// destinations across each checkpoint.
import { statusOn } from '@/lib/trips/checkpoint-status'
import type { ReferenceData } from '@/lib/trips/get-reference-data'
import type { Locale } from '@/lib/i18n/routing'
import { localText, placeName, type PlaceNames } from '@/lib/i18n/place-name'

export type OriginOption = { id: string; name: string; lat: number; lng: number }
export type PickupPointOption = { id: string; cityId: string; name: string; lat: number; lng: number }
export type CheckpointOption = {
  id: string
  name: string
  otherSide: string
  countryCode: string
  destinationCityId: string
  lat: number
  lng: number
  /** Takes passenger runs today (an OPEN, verified period). */
  open: boolean
  reason: 'CLOSED' | 'CARGO_ONLY' | 'UNCONFIRMED' | 'NO_STATUS' | null
  /** An announced (re)opening after today, ISO date, if any. */
  reopensOn: string | null
  /** Today's status note, from the sourced status period. */
  note: string
}
export type DestinationOption = { id: string; name: string; countryCode: string }

export type RouteOptions = {
  today: string
  origins: OriginOption[]
  pickupPoints: PickupPointOption[]
  checkpoints: CheckpointOption[]
  destinations: DestinationOption[]
}

export function buildRouteOptions(ref: ReferenceData, locale: Locale): RouteOptions {
  const name = (v: PlaceNames) => placeName(locale, v)
  return {
    today: ref.on,
    origins: ref.cities.filter((c) => c.isOrigin).map((c) => ({ id: c.id, name: name(c), lat: c.lat, lng: c.lng })),
    pickupPoints: ref.pickupPoints.map((p) => ({ id: p.id, cityId: p.cityId, name: name(p), lat: p.lat, lng: p.lng })),
    checkpoints: ref.checkpoints.map((c) => {
      const current = statusOn(c.statuses, ref.on)
      const period = c.statuses.find((s) => s === current)
      const a = c.availability
      return {
        id: c.id,
        name: name(c),
        otherSide: localText(locale, c.otherSideRu, c.otherSideEn),
        countryCode: c.countryCode,
        destinationCityId: c.destinationCityId,
        lat: c.lat,
        lng: c.lng,
        open: a.open,
        reason: a.open ? null : a.reason,
        reopensOn: !a.open && a.reopensOn && a.reopensOn > ref.on ? a.reopensOn : null,
        note: period ? localText(locale, period.noteRu, period.noteEn) : '',
      }
    }),
    destinations: ref.cities.filter((c) => !c.isOrigin).map((c) => ({ id: c.id, name: name(c), countryCode: c.countryCode })),
  }
}

/** The open checkpoint nearest to a city: the natural default when a driver picks where they start. */
export function nearestOpenCheckpoint(checkpoints: CheckpointOption[], from: { lat: number; lng: number }): CheckpointOption | undefined {
  const d = (c: CheckpointOption) => (c.lat - from.lat) ** 2 + ((c.lng - from.lng) * Math.cos((from.lat * Math.PI) / 180)) ** 2
  return checkpoints.filter((c) => c.open).sort((a, b) => d(a) - d(b))[0]
}
