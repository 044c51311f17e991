// Checks a run's route against the reference data: an origin city runs start from, a pickup point
// in it (curated, or a pin near the city), a checkpoint open to passengers on the dates, and a
// destination on the checkpoint's side of the border.
import { isoFromDbDate } from '@/lib/dates/kz-date'
import { AppError } from '@/lib/errors'
import type { Prisma } from '@/lib/generated/prisma/client'
import { availabilityOn, type StatusPeriod } from '@/lib/trips/checkpoint-status'
import type { PublishTripInput } from '@/lib/trips/trip-input'

type Tx = Prisma.TransactionClient

/** A custom pickup pin must lie within this distance of the origin city's centre. */
const MAX_PICKUP_KM = 60

export function distanceKm(a: { lat: number; lng: number }, b: { lat: number; lng: number }): number {
  const rad = Math.PI / 180
  const dLat = (b.lat - a.lat) * rad
  const dLng = (b.lng - a.lng) * rad
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLng / 2) ** 2
  return 2 * 6371 * Math.asin(Math.sqrt(h))
}

export async function checkpointPeriods(tx: Tx, checkpointId: string): Promise<StatusPeriod[]> {
  const rows = await tx.checkpointStatus.findMany({ where: { checkpointId }, select: { state: true, fromOn: true, toOn: true, verified: true } })
  return rows.map((r) => ({ state: r.state, fromOn: isoFromDbDate(r.fromOn), toOn: r.toOn ? isoFromDbDate(r.toOn) : null, verified: r.verified }))
}

/** Refuses a checkpoint that does not take passenger runs on one of the dates, with its reopening date. */
export async function assertCheckpointOpen(tx: Tx, checkpointId: string, dates: string[]): Promise<void> {
  const periods = await checkpointPeriods(tx, checkpointId)
  for (const on of dates) {
    const availability = availabilityOn(periods, on)
    if (availability.open) continue
    const code = `CHECKPOINT_${availability.reason}`
    const params = { on, reopensOn: availability.reopensOn ?? '', known: availability.reopensOn ? 'yes' : 'no' }
    throw new AppError(code, { status: 422, params, fields: { checkpointId: [{ key: `errors.${code}`, params }] } })
  }
}

export type ResolvedPickup = { pickupPointId: string | null; pickupLabel: string; pickupLat: number; pickupLng: number }

export async function resolvePickup(tx: Tx, originCityId: string, pickup: PublishTripInput['pickup']): Promise<ResolvedPickup> {
  if ('pointId' in pickup) {
    const point = await tx.pickupPoint.findUnique({ where: { id: pickup.pointId }, select: { id: true, cityId: true, nameRu: true, lat: true, lng: true } })
    if (!point || point.cityId !== originCityId) {
      throw new AppError('VALIDATION', { fields: { pickup: [{ key: 'validation.pickupNotInCity' }] } })
    }
    return { pickupPointId: point.id, pickupLabel: point.nameRu, pickupLat: point.lat, pickupLng: point.lng }
  }
  const city = await tx.city.findUniqueOrThrow({ where: { id: originCityId }, select: { lat: true, lng: true } })
  if (distanceKm(city, pickup) > MAX_PICKUP_KM) {
    throw new AppError('VALIDATION', { fields: { pickup: [{ key: 'validation.pickupTooFar', params: { km: MAX_PICKUP_KM } }] } })
  }
  return { pickupPointId: null, pickupLabel: pickup.label, pickupLat: pickup.lat, pickupLng: pickup.lng }
}

export async function resolveRoute(tx: Tx, input: Pick<PublishTripInput, 'originCityId' | 'checkpointId' | 'destinationCityId'>) {
  const [origin, checkpoint, destination] = await Promise.all([
    tx.city.findUnique({ where: { id: input.originCityId }, select: { id: true, isOrigin: true } }),
    tx.checkpoint.findUnique({ where: { id: input.checkpointId }, select: { id: true, countryCode: true } }),
    tx.city.findUnique({ where: { id: input.destinationCityId }, select: { id: true, countryCode: true } }),
  ])
  const fields: Record<string, { key: string }[]> = {}
  if (!origin?.isOrigin) fields.originCityId = [{ key: 'validation.choice' }]
  if (!checkpoint) fields.checkpointId = [{ key: 'validation.choice' }]
  if (!destination || (checkpoint && destination.countryCode !== checkpoint.countryCode)) {
    fields.destinationCityId = [{ key: 'validation.destinationNotAcross' }]
  }
  if (Object.keys(fields).length) throw new AppError('VALIDATION', { fields })
}
