// The manifest of a run for its driver and its group's coordinators: who travels, seats, pickup,
// phone, payment state, what each party owes and the legal verdict only (lib/trips/party-view.ts).
import type { Actor } from '@/lib/auth/permissions'
import { amountsDue } from '@/lib/bookings/amounts-due'
import { expireRequests } from '@/lib/bookings/expire-requests'
import { db } from '@/lib/db'
import { loadManagedTrip } from '@/lib/trips/managed-trip'
import { partyViewSelect, toPartyView } from '@/lib/trips/party-view'
import { nextStatuses } from '@/lib/trips/trip-status'

export async function getManifest(actor: Actor, tripId: string) {
  await expireRequests({ tripId })
  const trip = await loadManagedTrip(db, actor, tripId)
  const details = await db.trip.findUniqueOrThrow({
    where: { id: tripId },
    select: {
      pricingMode: true, pricePerSeatTenge: true, totalCostTenge: true, minRiders: true, driverShares: true, pickupLabel: true,
      pickupPoint: { select: { nameRu: true, nameEn: true } },
      originCity: { select: { nameRu: true, nameEn: true } }, destinationCity: { select: { nameRu: true, nameEn: true } },
      checkpoint: { select: { nameRu: true, nameEn: true } }, car: { select: { make: true, model: true, plate: true } },
      driver: { select: { name: true, phone: true } }, returnAt: true, approvalMode: true,
    },
  })
  const bookings = await db.booking.findMany({
    where: { tripId, status: { in: ['PENDING', 'CONFIRMED', 'WAITLISTED'] } },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    select: partyViewSelect,
  })
  const due = amountsDue(details, bookings.filter((b) => b.status === 'CONFIRMED'))
  const rows = bookings.map((b) => toPartyView(b, due))
  return {
    trip: { ...trip, ...details, nextStatuses: nextStatuses(trip) },
    confirmed: rows.filter((r) => r.status === 'CONFIRMED'),
    requests: rows.filter((r) => r.status === 'PENDING'),
    waitlist: rows.filter((r) => r.status === 'WAITLISTED'),
    totals: {
      seatsConfirmed: rows.filter((r) => r.status === 'CONFIRMED').reduce((n, r) => n + r.seats, 0),
      owedTenge: [...due.values()].reduce((n, v) => n + v, 0),
      boarded: rows.flatMap((r) => r.travellers).filter((t) => t.boarding === 'BOARDED').length,
      noShows: rows.flatMap((r) => r.travellers).filter((t) => t.boarding === 'NO_SHOW').length,
    },
  }
}

export type Manifest = Awaited<ReturnType<typeof getManifest>>
