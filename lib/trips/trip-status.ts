// A run's status moves forward only: scheduled → boarding → departed → at the border → returned
// (round trips) → completed; it may be cancelled until it departs.
export const tripStatuses = ['SCHEDULED', 'BOARDING', 'DEPARTED', 'AT_BORDER', 'RETURNED', 'COMPLETED', 'CANCELLED'] as const
export type TripStatusValue = (typeof tripStatuses)[number]

const forward: Record<TripStatusValue, TripStatusValue[]> = {
  SCHEDULED: ['BOARDING', 'CANCELLED'],
  BOARDING: ['DEPARTED', 'CANCELLED'],
  DEPARTED: ['AT_BORDER'],
  AT_BORDER: ['RETURNED', 'COMPLETED'],
  RETURNED: ['COMPLETED'],
  COMPLETED: [],
  CANCELLED: [],
}

export function canMoveTo(trip: { status: TripStatusValue; roundTrip: boolean }, next: TripStatusValue): boolean {
  if (!forward[trip.status].includes(next)) return false
  // A round trip comes back before it completes; a one-way run ends at the border.
  if (trip.status === 'AT_BORDER' && next === 'COMPLETED' && trip.roundTrip) return false
  if (trip.status === 'AT_BORDER' && next === 'RETURNED' && !trip.roundTrip) return false
  return true
}

export function nextStatuses(trip: { status: TripStatusValue; roundTrip: boolean }): TripStatusValue[] {
  return forward[trip.status].filter((s) => canMoveTo(trip, s))
}
