// What each confirmed party of a run owes the driver. Per-seat: seats × price. Shared cost: the
// run's total split among the confirmed parties in booking order (lib/money/split-shared-cost.ts),
// never above the cap shown to the party at booking (a later price rise cannot reach them).
import { splitSharedCost } from '@/lib/money/split-shared-cost'

export type PricedTrip = {
  pricingMode: 'PER_SEAT' | 'SHARED_COST'
  pricePerSeatTenge: number | null
  totalCostTenge: number | null
  minRiders: number
  driverShares: boolean
}

export type PricedBooking = { id: string; seats: number; capTenge: number; createdAt: Date }

export function amountsDue(trip: PricedTrip, confirmed: PricedBooking[]): Map<string, number> {
  const ordered = [...confirmed].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.id.localeCompare(b.id))
  const due = new Map<string, number>()
  if (trip.pricingMode === 'PER_SEAT') {
    for (const b of ordered) due.set(b.id, Math.min(b.seats * (trip.pricePerSeatTenge ?? 0), b.capTenge))
    return due
  }
  if (ordered.length === 0) return due
  const split = splitSharedCost({
    totalTenge: trip.totalCostTenge ?? 0,
    minRiders: trip.minRiders,
    driverShares: trip.driverShares,
    parties: ordered.map((b) => ({ id: b.id, seats: b.seats })),
  })
  for (const p of split.parties) {
    const cap = ordered.find((b) => b.id === p.id)!.capTenge
    due.set(p.id, Math.min(p.amountTenge, cap))
  }
  return due
}
