// The fields of a run as drivers publish and edit them (JSON API and forms share these schemas).
import { z } from 'zod'
import { userText } from '@/lib/validation'

export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'v.date' })
  .refine((v) => {
    const d = new Date(`${v}T00:00:00Z`)
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v
  }, { message: 'v.date' })

export const clockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'v.time' })

const slug = z.string().regex(/^[a-z][a-z-]{1,40}$/, { message: 'v.choice' })

export const pickupSchema = z.union([
  z.strictObject({ pointId: z.uuid() }),
  z.strictObject({
    label: userText({ min: 2, max: 80 }),
    lat: z.number().min(40).max(56),
    lng: z.number().min(46).max(88),
  }),
])

const pricingFields = {
  pricingMode: z.enum(['PER_SEAT', 'SHARED_COST']),
  pricePerSeatTenge: z.number().int({ message: 'v.wholeTenge' }).min(100).max(200_000).optional(),
  totalCostTenge: z.number().int({ message: 'v.wholeTenge' }).min(100).max(1_000_000).optional(),
  driverShares: z.boolean().default(false),
  minRiders: z.number().int().min(1).max(8).optional(),
}

export const tripFieldsSchema = z.strictObject({
  carId: z.uuid(),
  originCityId: slug,
  pickup: pickupSchema,
  checkpointId: slug,
  destinationCityId: slug,
  departureOn: isoDate,
  departureTime: clockTime,
  roundTrip: z.boolean(),
  returnOn: isoDate.optional(),
  returnTime: clockTime.optional(),
  seatsTotal: z.number().int().min(1).max(8),
  ...pricingFields,
  approvalMode: z.enum(['INSTANT', 'MANUAL']),
  requestTtlHours: z.number().int().min(1).max(72).optional(),
  notes: userText({ max: 1000, multiline: true }).default(''),
})

type TripFields = z.infer<typeof tripFieldsSchema>

const isIsoDate = (value: unknown): value is string => isoDate.safeParse(value).success

/** Cross-field rules, reported on the field a driver has to change. They also run when a field
 * itself failed (zod reports everything at once): date arithmetic only on real dates. */
export function refineTripFields(value: TripFields, ctx: z.RefinementCtx): void {
  if (value.roundTrip) {
    if (!value.returnOn) ctx.addIssue({ code: 'custom', path: ['returnOn'], message: 'v.required' })
    if (!value.returnTime) ctx.addIssue({ code: 'custom', path: ['returnTime'], message: 'v.required' })
    if (value.returnOn && value.returnTime && `${value.returnOn}T${value.returnTime}` <= `${value.departureOn}T${value.departureTime}`) {
      ctx.addIssue({ code: 'custom', path: ['returnTime'], message: 'v.returnAfterDeparture' })
    }
    if (value.returnOn && isIsoDate(value.departureOn) && value.returnOn > addDays(value.departureOn, 3)) {
      ctx.addIssue({ code: 'custom', path: ['returnOn'], message: 'v.returnWithinDays' })
    }
  } else if (value.returnOn || value.returnTime) {
    ctx.addIssue({ code: 'custom', path: ['roundTrip'], message: 'v.oneWayNoReturn' })
  }
  if (value.pricingMode === 'PER_SEAT') {
    if (value.pricePerSeatTenge === undefined) ctx.addIssue({ code: 'custom', path: ['pricePerSeatTenge'], message: 'v.required' })
    if (value.totalCostTenge !== undefined) ctx.addIssue({ code: 'custom', path: ['totalCostTenge'], message: 'v.notForPricingMode' })
  } else {
    if (value.totalCostTenge === undefined) ctx.addIssue({ code: 'custom', path: ['totalCostTenge'], message: 'v.required' })
    if (value.pricePerSeatTenge !== undefined) ctx.addIssue({ code: 'custom', path: ['pricePerSeatTenge'], message: 'v.notForPricingMode' })
    if (value.minRiders !== undefined && value.minRiders > value.seatsTotal) {
      ctx.addIssue({ code: 'custom', path: ['minRiders'], message: 'v.minRidersAboveSeats' })
    }
  }
  if (value.approvalMode === 'MANUAL' && value.requestTtlHours === undefined) {
    ctx.addIssue({ code: 'custom', path: ['requestTtlHours'], message: 'v.required' })
  }
}

function addDays(on: string, days: number): string {
  const d = new Date(`${on}T00:00:00Z`)
  d.setUTCDate(d.getUTCDate() + days)
  return d.toISOString().slice(0, 10)
}

export const repeatSchema = z.strictObject({
  weekdays: z.array(z.number().int().min(1).max(7)).min(1).max(7),
  untilOn: isoDate.optional(),
})

export const publishTripSchema = tripFieldsSchema
  .extend({ repeat: repeatSchema.optional() })
  .superRefine((value, ctx) => {
    refineTripFields(value, ctx)
    if (value.repeat?.untilOn && value.repeat.untilOn < value.departureOn) {
      ctx.addIssue({ code: 'custom', path: ['repeat', 'untilOn'], message: 'v.untilAfterStart' })
    }
  })

export type PublishTripInput = z.infer<typeof publishTripSchema>

/** Changes a driver may make to a run (all optional). Dates cannot move once riders booked. */
export const editTripSchema = z
  .strictObject({
    departureOn: isoDate.optional(),
    departureTime: clockTime.optional(),
    returnOn: isoDate.optional(),
    returnTime: clockTime.optional(),
    pickup: pickupSchema.optional(),
    checkpointId: slug.optional(),
    seatsTotal: z.number().int().min(1).max(8).optional(),
    pricePerSeatTenge: pricingFields.pricePerSeatTenge,
    totalCostTenge: pricingFields.totalCostTenge,
    minRiders: pricingFields.minRiders,
    driverShares: z.boolean().optional(),
    approvalMode: z.enum(['INSTANT', 'MANUAL']).optional(),
    requestTtlHours: z.number().int().min(1).max(72).optional(),
    notes: userText({ max: 1000, multiline: true }).optional(),
  })
  .refine((v) => Object.keys(v).length > 0, { message: 'v.nothingToChange' })

export type EditTripInput = z.infer<typeof editTripSchema>

/** Form fields (all strings) to the typed input the schemas expect. */
export function tripFormToInput(form: Record<string, unknown>): Record<string, unknown> {
  const str = (k: string) => (typeof form[k] === 'string' && form[k] !== '' ? (form[k] as string) : undefined)
  const num = (k: string) => {
    const v = str(k)
    // "4 500", "4500,50" and "4500.50" are numbers (a decimal one is then refused as "whole tenge").
    const plain = v === undefined ? undefined : v.replace(/[\s\u00a0]/g, '').replace(',', '.')
    return plain === undefined ? undefined : /^-?\d+(\.\d+)?$/.test(plain) ? Number(plain) : v
  }
  const bool = (k: string) => form[k] === 'on' || form[k] === 'true'
  const pickup =
    str('pickupPointId') !== undefined
      ? { pointId: str('pickupPointId') }
      : { label: str('pickupLabel') ?? '', lat: num('pickupLat'), lng: num('pickupLng') }
  const weekdays = Array.isArray(form.weekdays) ? (form.weekdays as string[]).map(Number) : []
  const pricingMode = str('pricingMode')
  return {
    carId: str('carId'),
    originCityId: str('originCityId'),
    pickup,
    checkpointId: str('checkpointId'),
    destinationCityId: str('destinationCityId'),
    departureOn: str('departureOn'),
    departureTime: str('departureTime'),
    roundTrip: bool('roundTrip'),
    returnOn: bool('roundTrip') ? str('returnOn') : undefined,
    returnTime: bool('roundTrip') ? str('returnTime') : undefined,
    seatsTotal: num('seatsTotal'),
    pricingMode,
    pricePerSeatTenge: pricingMode === 'PER_SEAT' ? num('pricePerSeatTenge') : undefined,
    totalCostTenge: pricingMode === 'SHARED_COST' ? num('totalCostTenge') : undefined,
    driverShares: pricingMode === 'SHARED_COST' ? bool('driverShares') : false,
    minRiders: pricingMode === 'SHARED_COST' ? num('minRiders') : undefined,
    approvalMode: str('approvalMode'),
    requestTtlHours: str('approvalMode') === 'MANUAL' ? num('requestTtlHours') : undefined,
    notes: str('notes') ?? '',
    repeat: bool('repeat') ? { weekdays, untilOn: str('repeatUntilOn') } : undefined,
  }
}
