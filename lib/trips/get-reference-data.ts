// Cities, checkpoints (with their status on a date) and curated pickup points, for forms, maps and
// outside clients. Small and read often: cached in memory for a minute.
import { isoFromDbDate, todayInKz } from '@/lib/dates/kz-date'
import { db } from '@/lib/db'
import { availabilityOn } from '@/lib/trips/checkpoint-status'

let cache: { at: number; on: string; value: Awaited<ReturnType<typeof load>> } | undefined

async function load(on: string) {
  const [cities, checkpoints, pickupPoints] = await Promise.all([
    db.city.findMany({ orderBy: { sortOrder: 'asc' }, select: { id: true, nameRu: true, nameEn: true, countryCode: true, lat: true, lng: true, isOrigin: true } }),
    db.checkpoint.findMany({
      orderBy: { sortOrder: 'asc' },
      select: {
        id: true, nameRu: true, nameEn: true, otherSideRu: true, otherSideEn: true, countryCode: true, destinationCityId: true,
        lat: true, lng: true, coordinatePrecision: true,
        statuses: { orderBy: { fromOn: 'asc' }, select: { state: true, fromOn: true, toOn: true, verified: true, noteRu: true, noteEn: true, source: true } },
      },
    }),
    db.pickupPoint.findMany({ orderBy: [{ cityId: 'asc' }, { sortOrder: 'asc' }], select: { id: true, cityId: true, nameRu: true, nameEn: true, lat: true, lng: true } }),
  ])
  return {
    on,
    cities,
    pickupPoints,
    checkpoints: checkpoints.map((c) => {
      const statuses = c.statuses.map((s) => ({ ...s, fromOn: isoFromDbDate(s.fromOn), toOn: s.toOn ? isoFromDbDate(s.toOn) : null }))
      return { ...c, statuses, availability: availabilityOn(statuses, on) }
    }),
  }
}

export async function getReferenceData(now: Date = new Date()) {
  const on = todayInKz(now)
  if (!cache || cache.on !== on || Date.now() - cache.at > 60_000) cache = { at: Date.now(), on, value: await load(on) }
  return cache.value
}

export type ReferenceData = Awaited<ReturnType<typeof getReferenceData>>
