// What GET /api/trips/:id answers: exactly what the run's page shows (app/[locale]/(public)/trips/
// [tripId]/page.tsx), built field by field so that a field added to getTripDetails for the page's
// own use (the driver's account id, the run's group or series) never reaches a visitor by default.
import type { TripDetails } from '@/lib/trips/get-trip-details'

export function toTripDetailsJson(trip: TripDetails) {
  const { checkpoint, car } = trip
  const status = checkpoint.status
  return {
    id: trip.id,
    status: trip.status,
    departureAt: trip.departureAt,
    departureOn: trip.departureOn,
    roundTrip: trip.roundTrip,
    returnAt: trip.returnAt,
    pickupLabel: trip.pickupLabel,
    pickupLat: trip.pickupLat,
    pickupLng: trip.pickupLng,
    pickupPoint: trip.pickupPoint ? { nameRu: trip.pickupPoint.nameRu, nameEn: trip.pickupPoint.nameEn } : null,
    originCity: { nameRu: trip.originCity.nameRu, nameEn: trip.originCity.nameEn },
    destinationCity: { nameRu: trip.destinationCity.nameRu, nameEn: trip.destinationCity.nameEn, lat: trip.destinationCity.lat, lng: trip.destinationCity.lng },
    checkpoint: {
      nameRu: checkpoint.nameRu,
      nameEn: checkpoint.nameEn,
      otherSideRu: checkpoint.otherSideRu,
      otherSideEn: checkpoint.otherSideEn,
      lat: checkpoint.lat,
      lng: checkpoint.lng,
      coordinatePrecision: checkpoint.coordinatePrecision,
      status: status ? { state: status.state, verified: status.verified, noteRu: status.noteRu, noteEn: status.noteEn, source: status.source } : null,
    },
    driver: { firstName: trip.driver.firstName },
    car: { make: car.make, model: car.model, colour: car.colour, plate: car.plate },
    seatsTotal: trip.seatsTotal,
    seatsTaken: trip.seatsTaken,
    seatsLeft: trip.seatsLeft,
    pricingMode: trip.pricingMode,
    pricePerSeatTenge: trip.pricePerSeatTenge,
    totalCostTenge: trip.totalCostTenge,
    minRiders: trip.minRiders,
    driverShares: trip.driverShares,
    quote: trip.quote,
    approvalMode: trip.approvalMode,
    requestTtlHours: trip.requestTtlHours,
    notes: trip.notes,
    bookable: trip.bookable,
    /** The viewer's own booking on the run (theirs alone), or null. */
    ownBooking: trip.ownBooking,
    /** The viewer drives or coordinates the run (the page then links to managing it). */
    isManager: trip.isManager,
  }
}

export type TripDetailsJson = ReturnType<typeof toTripDetailsJson>
