// Search for runs: by date or range, from a city, to a checkpoint or destination, with enough free
// seats (unless asked otherwise), sorted by time or price. Keyset pagination — the page after a
// cursor costs the same on page 1 and page 1,000.
import { z } from 'zod'
import { addDaysIso, todayInKz } from '@/lib/dates/kz-date'
import { db } from '@/lib/db'
import { AppError } from '@/lib/errors'
import { Prisma } from '@/lib/generated/prisma/client'
import { quoteBooking } from '@/lib/money/quote-booking'
import { isoDate } from '@/lib/trips/trip-input'

const slug = z.string().regex(/^[a-z][a-z-]{1,40}$/, { message: 'v.choice' })
const flag = z.enum(['0', '1', 'true', 'false']).transform((v) => v === '1' || v === 'true')

export const searchTripsSchema = z
  .strictObject({
    date: isoDate.optional(),
    dateFrom: isoDate.optional(),
    dateTo: isoDate.optional(),
    from: slug.optional(),
    checkpoint: slug.optional(),
    to: slug.optional(),
    seats: z.coerce.number().int().min(1).max(8).default(1),
    sort: z.enum(['time', 'price']).default('time'),
    includeFull: flag.default(false),
    cursor: z.string().max(200).optional(),
    limit: z.coerce.number().int().min(1).max(50).default(20),
  })
  .superRefine((v, ctx) => {
    if (v.date && (v.dateFrom || v.dateTo)) ctx.addIssue({ code: 'custom', path: ['date'], message: 'v.dateOrRange' })
    if (v.dateFrom && v.dateTo && v.dateTo < v.dateFrom) ctx.addIssue({ code: 'custom', path: ['dateTo'], message: 'v.rangeOrder' })
    // Runs even when a date itself failed (zod reports everything at once): arithmetic on real dates only.
    if (v.dateFrom && v.dateTo && isoDate.safeParse(v.dateFrom).success && v.dateTo > addDaysIso(v.dateFrom, 31)) ctx.addIssue({ code: 'custom', path: ['dateTo'], message: 'v.rangeTooLong' })
  })

export type SearchTripsInput = z.infer<typeof searchTripsSchema>

type Row = {
  id: string
  departure_at: Date
  return_at: Date | null
  round_trip: boolean
  seats_total: number
  seats_taken: number
  pricing_mode: 'PER_SEAT' | 'SHARED_COST'
  price_per_seat_tenge: number | null
  total_cost_tenge: number | null
  min_riders: number
  driver_shares: boolean
  seat_price_tenge: number
  approval_mode: 'INSTANT' | 'MANUAL'
  pickup_label: string
  pickup_lat: number
  pickup_lng: number
  pickup_name_ru: string | null
  pickup_name_en: string | null
  origin_city_id: string
  origin_ru: string
  origin_en: string
  destination_city_id: string
  destination_ru: string
  destination_en: string
  checkpoint_id: string
  checkpoint_ru: string
  checkpoint_en: string
  checkpoint_lat: number
  checkpoint_lng: number
  driver_name: string
  car_make: string
  car_model: string
}

type Cursor = [number | string, string, string] | [string, string]

function encodeCursor(value: Cursor): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url')
}

function decodeCursor(raw: string, sort: 'time' | 'price'): Cursor {
  try {
    const value = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')) as unknown
    if (sort === 'time' && Array.isArray(value) && value.length === 2 && typeof value[0] === 'string' && typeof value[1] === 'string') return value as Cursor
    if (sort === 'price' && Array.isArray(value) && value.length === 3 && typeof value[0] === 'number' && typeof value[1] === 'string' && typeof value[2] === 'string') return value as Cursor
  } catch {
    /* fall through */
  }
  throw new AppError('VALIDATION', { fields: { cursor: [{ key: 'validation.invalid' }] } })
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/

export async function searchTrips(input: SearchTripsInput, now: Date = new Date()) {
  const today = todayInKz(now)
  const dateFrom = input.date ?? input.dateFrom ?? today
  const dateTo = input.date ?? input.dateTo ?? (input.dateFrom ? input.dateFrom : addDaysIso(today, 6))
  const conditions: Prisma.Sql[] = [
    Prisma.sql`t.status = 'SCHEDULED'`,
    Prisma.sql`t.departure_on BETWEEN ${dateFrom}::date AND ${dateTo}::date`,
    Prisma.sql`t.departure_at > ${now}`,
  ]
  if (input.from) conditions.push(Prisma.sql`t.origin_city_id = ${input.from}`)
  if (input.checkpoint) conditions.push(Prisma.sql`t.checkpoint_id = ${input.checkpoint}`)
  if (input.to) conditions.push(Prisma.sql`t.destination_city_id = ${input.to}`)
  if (!input.includeFull) conditions.push(Prisma.sql`t.seats_taken + ${input.seats} <= t.seats_total`)
  if (input.cursor) {
    const c = decodeCursor(input.cursor, input.sort)
    if (input.sort === 'time') {
      const [at, id] = c as [string, string]
      if (Number.isNaN(Date.parse(at)) || !UUID.test(id)) throw new AppError('VALIDATION', { fields: { cursor: [{ key: 'validation.invalid' }] } })
      conditions.push(Prisma.sql`(t.departure_at, t.id) > (${new Date(at)}, ${id}::uuid)`)
    } else {
      const [price, at, id] = c as [number, string, string]
      if (Number.isNaN(Date.parse(at)) || !UUID.test(id) || !Number.isSafeInteger(price)) throw new AppError('VALIDATION', { fields: { cursor: [{ key: 'validation.invalid' }] } })
      conditions.push(Prisma.sql`(t.seat_price_tenge, t.departure_at, t.id) > (${price}, ${new Date(at)}, ${id}::uuid)`)
    }
  }
  const order = input.sort === 'time' ? Prisma.sql`t.departure_at, t.id` : Prisma.sql`t.seat_price_tenge, t.departure_at, t.id`
  const rows = await db.$queryRaw<Row[]>`
    SELECT t.id, t.departure_at, t.return_at, t.round_trip, t.seats_total, t.seats_taken, t.pricing_mode,
      t.price_per_seat_tenge, t.total_cost_tenge, t.min_riders, t.driver_shares, t.seat_price_tenge, t.approval_mode,
      t.pickup_label, t.pickup_lat, t.pickup_lng, pp.name_ru AS pickup_name_ru, pp.name_en AS pickup_name_en,
      t.origin_city_id, oc.name_ru AS origin_ru, oc.name_en AS origin_en,
      t.destination_city_id, dc.name_ru AS destination_ru, dc.name_en AS destination_en,
      t.checkpoint_id, cp.name_ru AS checkpoint_ru, cp.name_en AS checkpoint_en, cp.lat AS checkpoint_lat, cp.lng AS checkpoint_lng,
      split_part(u.name, ' ', 1) AS driver_name, c.make AS car_make, c.model AS car_model
    FROM trips t
    JOIN cities oc ON oc.id = t.origin_city_id
    JOIN cities dc ON dc.id = t.destination_city_id
    JOIN checkpoints cp ON cp.id = t.checkpoint_id
    JOIN users u ON u.id = t.driver_id
    JOIN cars c ON c.id = t.car_id
    LEFT JOIN pickup_points pp ON pp.id = t.pickup_point_id
    WHERE ${Prisma.join(conditions, ' AND ')}
    ORDER BY ${order}
    LIMIT ${input.limit + 1}`
  const page = rows.slice(0, input.limit)
  const last = page.at(-1)
  const nextCursor =
    rows.length > input.limit && last
      ? encodeCursor(input.sort === 'time' ? [last.departure_at.toISOString(), last.id] : [last.seat_price_tenge, last.departure_at.toISOString(), last.id])
      : null
  return {
    dateFrom,
    dateTo,
    nextCursor,
    trips: page.map((r) => {
      const seatsLeft = r.seats_total - r.seats_taken
      const quote = quoteBooking({
        pricingMode: r.pricing_mode,
        pricePerSeatTenge: r.price_per_seat_tenge,
        totalCostTenge: r.total_cost_tenge,
        minRiders: r.min_riders,
        driverShares: r.driver_shares,
        seatsAlreadyTaken: Math.min(r.seats_taken, r.seats_total - Math.min(input.seats, r.seats_total)),
        seatsRequested: Math.min(input.seats, r.seats_total),
      })
      return {
        id: r.id,
        departureAt: r.departure_at.toISOString(),
        returnAt: r.return_at?.toISOString() ?? null,
        roundTrip: r.round_trip,
        seatsTotal: r.seats_total,
        seatsLeft,
        pricingMode: r.pricing_mode,
        pricePerSeatTenge: r.price_per_seat_tenge,
        totalCostTenge: r.total_cost_tenge,
        quote: { seats: Math.min(input.seats, r.seats_total), nowTenge: quote.nowTenge, capTenge: quote.capTenge },
        approvalMode: r.approval_mode,
        origin: { id: r.origin_city_id, nameRu: r.origin_ru, nameEn: r.origin_en },
        destination: { id: r.destination_city_id, nameRu: r.destination_ru, nameEn: r.destination_en },
        checkpoint: { id: r.checkpoint_id, nameRu: r.checkpoint_ru, nameEn: r.checkpoint_en, lat: r.checkpoint_lat, lng: r.checkpoint_lng },
        pickup: { label: r.pickup_label, nameRu: r.pickup_name_ru, nameEn: r.pickup_name_en, lat: r.pickup_lat, lng: r.pickup_lng },
        driver: { firstName: r.driver_name, car: `${r.car_make} ${r.car_model}` },
      }
    }),
  }
}

export type SearchTripsResult = Awaited<ReturnType<typeof searchTrips>>
export type TripListItem = SearchTripsResult['trips'][number]
