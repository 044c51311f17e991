// Search for runs: by date or range, from a city, to a checkpoint or destination, with enough free
// seats (unless asked otherwise), sorted by time or price. Keyset pagination — the page after a
// cursor costs the same on page 1 and page 1,000.
import { z } from 'zod'
import { addDaysIso, kzInstant, todayInKz } from '@/lib/dates/kz-date'
import { db } from '@/lib/db'
import { AppError } from '@/lib/errors'
import { Prisma } from '@/lib/generated/prisma/client'
import { quoteBooking } from '@/lib/money/quote-booking'
import { getReferenceData } from '@/lib/trips/get-reference-data'
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
  pickup_point_id: string | null
  pickup_label: string
  pickup_lat: number
  pickup_lng: number
  origin_city_id: string
  destination_city_id: string
  checkpoint_id: string
  driver_name: string
  car_make: string
  car_model: string
}

type Names = { nameRu: string; nameEn: string }

/** Names of the cities, checkpoints and pickup points of `rows`: from the cached reference data, or
 * (for a place added in the last minute, not cached yet) from the database. */
async function referenceNames(rows: Row[], now: Date) {
  const reference = await getReferenceData(now)
  const cities = new Map<string, Names>(reference.cities.map((c) => [c.id, c]))
  const checkpoints = new Map<string, Names & { lat: number; lng: number }>(reference.checkpoints.map((c) => [c.id, c]))
  const pickupPoints = new Map<string, Names>(reference.pickupPoints.map((p) => [p.id, p]))
  const missing = (ids: (string | null)[], known: Map<string, unknown>) => [...new Set(ids.filter((id): id is string => id !== null && !known.has(id)))]
  const cityIds = missing(rows.flatMap((r) => [r.origin_city_id, r.destination_city_id]), cities)
  const checkpointIds = missing(rows.map((r) => r.checkpoint_id), checkpoints)
  const pickupIds = missing(rows.map((r) => r.pickup_point_id), pickupPoints)
  if (cityIds.length) for (const c of await db.city.findMany({ where: { id: { in: cityIds } }, select: { id: true, nameRu: true, nameEn: true } })) cities.set(c.id, c)
  if (checkpointIds.length) for (const c of await db.checkpoint.findMany({ where: { id: { in: checkpointIds } }, select: { id: true, nameRu: true, nameEn: true, lat: true, lng: true } })) checkpoints.set(c.id, c)
  if (pickupIds.length) for (const p of await db.pickupPoint.findMany({ where: { id: { in: pickupIds } }, select: { id: true, nameRu: true, nameEn: true } })) pickupPoints.set(p.id, p)
  return { cities, checkpoints, pickupPoints }
}

export type Cursor = [number, string, string] | [string, string]

/** The `cursor` of the page after `value` (exported for the bench, which walks to page 1,000). */
export function encodeCursor(value: Cursor): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url')
}

/** An instant as the search writes it (`toISOString()`), within years PostgreSQL and JavaScript
 * agree on: a cursor is the client's input, and year 0 or ±270,000 reached the database as a 500. */
const cursorInstant = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/)
  .refine((s) => {
    const at = new Date(s)
    return !Number.isNaN(at.getTime()) && at.toISOString() === s && at.getUTCFullYear() >= 2000 && at.getUTCFullYear() < 2200
  })
/** seat_price_tenge is a PostgreSQL integer. */
const cursorPrice = z.number().int().min(0).max(2_147_483_647)
const timeCursor = z.tuple([cursorInstant, z.uuid()])
const priceCursor = z.tuple([cursorPrice, cursorInstant, z.uuid()])

function decodeCursor(raw: string, sort: 'time' | 'price'): Cursor {
  let value: unknown
  try {
    value = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'))
  } catch {
    value = undefined
  }
  const parsed = sort === 'time' ? timeCursor.safeParse(value) : priceCursor.safeParse(value)
  if (parsed.success) return parsed.data
  throw new AppError('VALIDATION', { fields: { cursor: [{ key: 'validation.invalid' }] } })
}

/**
 * The search's SQL, built apart from running it so that `npm run bench` can time exactly this
 * statement through plain `pg` and show its plan.
 *
 * Index use (prisma/migrations/20261125100000_search_indexes): after `status`, each index is
 * ordered like a result — (origin, departure_at, id), (origin, seat_price, departure_at, id) and
 * the same without the origin — so a page is read in order and the scan stops after `limit + 1`
 * matching rows, whatever the table's size and however deep the cursor. The Kazakhstan dates
 * asked for are given as departure_at bounds (departure_on is the Kazakhstan date of
 * departure_at): bounds on departure_at are index conditions in both orders, where a departure_on
 * condition could only be checked on each table row (and made the planner misjudge the rows).
 */
export function buildSearchQuery(input: SearchTripsInput, now: Date = new Date()) {
  const today = todayInKz(now)
  const dateFrom = input.date ?? input.dateFrom ?? today
  const dateTo = input.date ?? input.dateTo ?? (input.dateFrom ? input.dateFrom : addDaysIso(today, 6))
  const conditions: Prisma.Sql[] = [
    Prisma.sql`t.status = 'SCHEDULED'`,
    // Kazakhstan dates dateFrom…dateTo as instants (departure_on is the Kazakhstan date of
    // departure_at): one column for the planner to estimate and the index to bound.
    Prisma.sql`t.departure_at >= ${kzInstant(dateFrom, '00:00')}`,
    Prisma.sql`t.departure_at < ${kzInstant(addDaysIso(dateTo, 1), '00:00')}`,
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
      conditions.push(Prisma.sql`(t.departure_at, t.id) > (${new Date(at)}, ${id}::uuid)`)
    } else {
      const [price, at, id] = c as [number, string, string]
      conditions.push(Prisma.sql`(t.seat_price_tenge, t.departure_at, t.id) > (${price}, ${new Date(at)}, ${id}::uuid)`)
    }
  }
  const order = input.sort === 'time' ? Prisma.sql`t.departure_at, t.id` : Prisma.sql`t.seat_price_tenge, t.departure_at, t.id`
  // Only the run, its driver and car: city, checkpoint and pickup-point names come from the
  // reference data cached in memory (getReferenceData). Joining those four small tables here made
  // PostgreSQL plan a 7-table join on every search — about 4 ms of planning for 0.4 ms of work.
  const sql = Prisma.sql`
    SELECT t.id, t.departure_at, t.return_at, t.round_trip, t.seats_total, t.seats_taken, t.pricing_mode,
      t.price_per_seat_tenge, t.total_cost_tenge, t.min_riders, t.driver_shares, t.seat_price_tenge, t.approval_mode,
      t.pickup_point_id, t.pickup_label, t.pickup_lat, t.pickup_lng, t.origin_city_id, t.destination_city_id, t.checkpoint_id,
      split_part(u.name, ' ', 1) AS driver_name, c.make AS car_make, c.model AS car_model
    FROM trips t
    JOIN users u ON u.id = t.driver_id
    JOIN cars c ON c.id = t.car_id
    WHERE ${Prisma.join(conditions, ' AND ')}
    ORDER BY ${order}
    LIMIT ${input.limit + 1}`
  return { sql, dateFrom, dateTo }
}

export async function searchTrips(input: SearchTripsInput, now: Date = new Date()) {
  const { sql, dateFrom, dateTo } = buildSearchQuery(input, now)
  const rows = await db.$queryRaw<Row[]>(sql)
  const page = rows.slice(0, input.limit)
  const names = await referenceNames(page, now)
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
      const checkpoint = names.checkpoints.get(r.checkpoint_id)!
      const point = r.pickup_point_id ? names.pickupPoints.get(r.pickup_point_id) : undefined
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
        origin: place(r.origin_city_id, names.cities),
        destination: place(r.destination_city_id, names.cities),
        checkpoint: { id: r.checkpoint_id, nameRu: checkpoint.nameRu, nameEn: checkpoint.nameEn, lat: checkpoint.lat, lng: checkpoint.lng },
        pickup: { label: r.pickup_label, nameRu: point?.nameRu ?? null, nameEn: point?.nameEn ?? null, lat: r.pickup_lat, lng: r.pickup_lng },
        driver: { firstName: r.driver_name, car: `${r.car_make} ${r.car_model}` },
      }
    }),
  }
}

function place(id: string, known: Map<string, Names>) {
  const { nameRu, nameEn } = known.get(id)!
  return { id, nameRu, nameEn }
}

export type SearchTripsResult = Awaited<ReturnType<typeof searchTrips>>
export type TripListItem = SearchTripsResult['trips'][number]
