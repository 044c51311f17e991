// A run's public page: route, checkpoint, driver (with their public profile id and rating) and car,
// seats left, price (for shared cost the share now and the cap), approval mode — and, for a
// signed-in viewer, their own booking on it.
import type { Actor } from '@/lib/auth/permissions'
import { bookingViewSelect } from '@/lib/bookings/booking-view'
import { driverContact } from '@/lib/bookings/driver-contact'
import { expireRequests } from '@/lib/bookings/expire-requests'
import { isoFromDbDate } from '@/lib/dates/kz-date'
import { db } from '@/lib/db'
import { AppError } from '@/lib/errors'
import { quoteBooking } from '@/lib/money/quote-booking'
import { loadDriverCard } from '@/lib/profiles/member-records'
import { availabilityOn } from '@/lib/trips/checkpoint-status'
import { canManageTrip } from '@/lib/trips/managed-trip'

export async function getTripDetails(tripId: string, viewer: Actor | null, seats = 1) {
  await expireRequests({ tripId })
  const trip = await db.trip.findUnique({
    where: { id: tripId },
    select: {
      id: true, status: true, driverId: true, groupId: true, departureAt: true, departureOn: true, returnAt: true, returnOn: true, roundTrip: true,
      seatsTotal: true, seatsTaken: true, pricingMode: true, pricePerSeatTenge: true, totalCostTenge: true, minRiders: true,
      driverShares: true, approvalMode: true, requestTtlHours: true, notes: true, seriesId: true,
      pickupLabel: true, pickupLat: true, pickupLng: true,
      pickupPoint: { select: { nameRu: true, nameEn: true } },
      originCity: { select: { id: true, nameRu: true, nameEn: true, lat: true, lng: true } },
      destinationCity: { select: { id: true, nameRu: true, nameEn: true, lat: true, lng: true } },
      checkpoint: {
        select: {
          id: true, nameRu: true, nameEn: true, otherSideRu: true, otherSideEn: true, lat: true, lng: true, coordinatePrecision: true,
          statuses: { select: { state: true, fromOn: true, toOn: true, verified: true, noteRu: true, noteEn: true, source: true } },
        },
      },
      car: { select: { make: true, model: true, colour: true, plate: true, seats: true } },
    },
  })
  if (!trip) throw new AppError('NOT_FOUND')
  const ownBooking = viewer
    ? await db.booking.findFirst({
        where: { tripId, riderId: viewer.id, status: { in: ['PENDING', 'CONFIRMED', 'WAITLISTED'] } },
        select: bookingViewSelect,
      })
    : null
  const isManager = viewer ? await canManageTrip(db, viewer, trip) : false
  // Name, rating and contact in one statement (instead of Prisma's separate query for the relation).
  const driver = await loadDriverCard(trip.driverId)
  const requested = Math.max(1, Math.min(seats, trip.seatsTotal))
  const quote = quoteBooking({
    pricingMode: trip.pricingMode,
    pricePerSeatTenge: trip.pricePerSeatTenge,
    totalCostTenge: trip.totalCostTenge,
    minRiders: trip.minRiders,
    driverShares: trip.driverShares,
    seatsAlreadyTaken: Math.min(trip.seatsTaken, trip.seatsTotal - requested),
    seatsRequested: requested,
  })
  const periods = trip.checkpoint.statuses.map((s) => ({ ...s, fromOn: isoFromDbDate(s.fromOn), toOn: s.toOn ? isoFromDbDate(s.toOn) : null }))
  const departureOn = isoFromDbDate(trip.departureOn)
  const current = periods.filter((p) => p.fromOn <= departureOn && (p.toOn === null || p.toOn >= departureOn)).sort((a, b) => b.fromOn.localeCompare(a.fromOn))[0]
  const { statuses: _s, ...checkpoint } = trip.checkpoint
  const { plate, ...car } = trip.car
  return {
    ...trip,
    checkpoint: { ...checkpoint, status: current ?? null, open: availabilityOn(periods, departureOn).open },
    departureOn,
    returnOn: trip.returnOn ? isoFromDbDate(trip.returnOn) : null,
    // `id` is the driver's public profile (/users/:id), the link the run page shows.
    driver: { id: driver.id, firstName: driver.name.split(' ')[0] ?? driver.name, rating: driver.rating },
    // How to reach the driver: the viewer's own confirmed booking only (nobody's contact before).
    driverContact: ownBooking?.status === 'CONFIRMED' ? driverContact(driver.contact, ownBooking.status) : null,
    // The plate is shown to riders with a confirmed seat and to the driver, not to everyone.
    car: { ...car, plate: ownBooking?.status === 'CONFIRMED' || isManager ? plate : null },
    seatsLeft: trip.seatsTotal - trip.seatsTaken,
    quote: { seats: requested, ...quote },
    ownBooking,
    isManager,
    bookable: trip.status === 'SCHEDULED' && trip.departureAt > new Date(),
  }
}

export type TripDetails = Awaited<ReturnType<typeof getTripDetails>>
