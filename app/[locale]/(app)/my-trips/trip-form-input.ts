// From the driver's form to the services' input: tripFormToInput does the conversion; this adds
// what a form needs on top — an error on a custom pickup pin that names the field to fix, and for
// an edit, only the fields the driver actually changed.
import { z } from 'zod'
import { AppError } from '@/lib/errors'
import { editTripSchema, pickupSchema, publishTripSchema, tripFormToInput, type EditTripInput, type PublishTripInput } from '@/lib/trips/trip-input'
import type { DriverTrip } from './load-driver-trip'

const isPickupUnion = (issue: z.core.$ZodIssue) => issue.code === 'invalid_union' && issue.path.length === 1 && issue.path[0] === 'pickup'

/** zod reports a failed union as a whole ("invalid"); for a custom pin, the pin's own issues
 * (label missing, latitude out of range) say which field to fix. */
function withPickupIssues(error: z.ZodError, pickup: unknown): z.ZodError {
  if (!error.issues.some(isPickupUnion) || !pickup || typeof pickup !== 'object' || 'pointId' in pickup) return error
  const pin = pickupSchema.options[1].safeParse(pickup)
  if (pin.success) return error
  return new z.ZodError([...error.issues.filter((i) => !isPickupUnion(i)), ...pin.error.issues.map((i) => ({ ...i, path: ['pickup', ...i.path] }))])
}

/** Seats above what the car holds: said with the car's own number ("not more than 4", as the hint
 *  beside the field says), before the schema's absolute cap of 8 could answer first. */
function checkSeatsFitCar(raw: Record<string, unknown>, carSeats: number | undefined): void {
  if (carSeats !== undefined && typeof raw.seatsTotal === 'number' && raw.seatsTotal > carSeats) {
    throw new AppError('VALIDATION', { fields: { seatsTotal: [{ key: 'validation.seatsAboveCar', params: { max: carSeats } }] } })
  }
}

export function parsePublishForm(form: Record<string, unknown>, carSeats?: number): PublishTripInput {
  const raw = tripFormToInput(form)
  checkSeatsFitCar(raw, carSeats)
  const parsed = publishTripSchema.safeParse(raw)
  if (!parsed.success) throw withPickupIssues(parsed.error, raw.pickup)
  return parsed.data
}

const editKeys = [
  'departureOn', 'departureTime', 'returnOn', 'returnTime', 'pickup', 'checkpointId', 'seatsTotal',
  'pricePerSeatTenge', 'totalCostTenge', 'minRiders', 'driverShares', 'approvalMode', 'requestTtlHours', 'notes',
] as const

/** The edit form sends every field; the service is given only what differs from the run as it is,
 * so an untouched checkpoint is not re-checked and riders are told only about real changes. */
export function parseEditForm(form: Record<string, unknown>, trip: DriverTrip): EditTripInput {
  const raw = tripFormToInput({ ...form, pricingMode: trip.pricingMode, roundTrip: trip.roundTrip ? 'on' : '' })
  checkSeatsFitCar(raw, trip.carSeats)
  const current: Record<(typeof editKeys)[number], unknown> = {
    departureOn: trip.departureOn,
    departureTime: trip.departureTime,
    returnOn: trip.returnOn ?? undefined,
    returnTime: trip.returnTime ?? undefined,
    pickup: trip.pickupPointId ? { pointId: trip.pickupPointId } : { label: trip.pickupLabel, lat: trip.pickupLat, lng: trip.pickupLng },
    checkpointId: trip.checkpointId,
    seatsTotal: trip.seatsTotal,
    pricePerSeatTenge: trip.pricePerSeatTenge ?? undefined,
    totalCostTenge: trip.totalCostTenge ?? undefined,
    minRiders: trip.pricingMode === 'SHARED_COST' ? trip.minRiders : undefined,
    driverShares: trip.driverShares,
    approvalMode: trip.approvalMode,
    requestTtlHours: trip.approvalMode === 'MANUAL' ? (trip.requestTtlHours ?? undefined) : undefined,
    notes: trip.notes,
  }
  const input: Record<string, unknown> = {}
  for (const key of editKeys) {
    const value = key === 'notes' && typeof raw.notes === 'string' ? raw.notes.trim() : raw[key]
    if (value === undefined) continue
    if (JSON.stringify(value) === JSON.stringify(current[key])) continue
    input[key] = value
  }
  // Switching to manual approval needs its answer time even when the hours field kept its value.
  if (input.approvalMode === 'MANUAL' && input.requestTtlHours === undefined && raw.requestTtlHours !== undefined) input.requestTtlHours = raw.requestTtlHours
  const parsed = editTripSchema.safeParse(input)
  if (!parsed.success) throw withPickupIssues(parsed.error, input.pickup)
  return parsed.data
}
