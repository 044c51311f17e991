// Search for runs: by date or range, from a city, to a checkpoint or destination, with enough free
// seats (unless asked otherwise), sorted by time, price or the driver's rating. Keyset pagination —
// the page after a cursor costs the same on page 1 and page 1,000. Each run carries its driver's
// public profile id and rating; a signed-in viewer never sees runs of a driver they blocked or who
// blocked them.
import { z } from 'zod'
import { addDaysIso, kzInstant, todayInKz } from '@/lib/dates/kz-date'
import { db, getPool } from '@/lib/db'
import { AppError } from '@/lib/errors'
import { Prisma } from '@/lib/generated/prisma/client'
import { quoteBooking } from '@/lib/money/quote-booking'
import { ratingOf, type Rating } from '@/lib/profiles/member-records'
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
    sort: z.enum(['time', 'price', 'rating']).default('time'),
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

/** A row as the search's statement returns it (rowMode 'array'): the run's JSON made by PostgreSQL in
 * pieces, and between them what Node adds — the quote (lib/money, the rule the booking charges by),
 * the place names (the reference cache) and the driver's rating. See OUTPUT. */
type Row = [
  head: string,
  pricingMode: 'PER_SEAT' | 'SHARED_COST',
  pricePerSeatTenge: number | null,
  totalCostTenge: number | null,
  minRiders: number,
  driverShares: boolean,
  seatsTaken: number,
  seatsTotal: number,
  approvalMode: 'INSTANT' | 'MANUAL',
  originCityId: string,
  destinationCityId: string,
  checkpointId: string,
  pickupPointId: string | null,
  pickupLabel: string,
  tail: string,
  ratingCount: number,
  ratingSum: number,
  cursor: string,
]

type Names = { nameRu: string; nameEn: string }

/** The reference data's places as the JSON the search writes, made once per load of the cache. */
type PlaceJson = { cities: Map<string, string>; checkpoints: Map<string, string>; pickupPoints: Map<string, string> }

const placeJsonOf = new WeakMap<object, PlaceJson>()

const cityJson = (c: { id: string } & Names) => JSON.stringify({ id: c.id, nameRu: c.nameRu, nameEn: c.nameEn })
const checkpointJson = (c: { id: string; lat: number; lng: number } & Names) => JSON.stringify({ id: c.id, nameRu: c.nameRu, nameEn: c.nameEn, lat: c.lat, lng: c.lng })
/** A pickup point's names as the middle of the `pickup` object. */
const pointNamesJson = (p: Names | null) => (p ? `"nameRu":${JSON.stringify(p.nameRu)},"nameEn":${JSON.stringify(p.nameEn)}` : '"nameRu":null,"nameEn":null')

/** The JSON of the cities, checkpoints and pickup points of `rows`: from the cached reference data,
 * or (for a place added in the last minute, not cached yet) from the database. */
async function referenceJson(rows: Row[], now: Date): Promise<PlaceJson> {
  const reference = await getReferenceData(now)
  let known = placeJsonOf.get(reference)
  if (!known) {
    known = {
      cities: new Map(reference.cities.map((c) => [c.id, cityJson(c)])),
      checkpoints: new Map(reference.checkpoints.map((c) => [c.id, checkpointJson(c)])),
      pickupPoints: new Map(reference.pickupPoints.map((p) => [p.id, pointNamesJson(p)])),
    }
    placeJsonOf.set(reference, known)
  }
  const missing = (ids: (string | null)[], map: Map<string, string>) => [...new Set(ids.filter((id): id is string => id !== null && !map.has(id)))]
  const cityIds = missing(rows.flatMap((r) => [r[9], r[10]]), known.cities)
  const checkpointIds = missing(rows.map((r) => r[11]), known.checkpoints)
  const pickupIds = missing(rows.map((r) => r[12]), known.pickupPoints)
  if (!cityIds.length && !checkpointIds.length && !pickupIds.length) return known
  const places: PlaceJson = { cities: new Map(known.cities), checkpoints: new Map(known.checkpoints), pickupPoints: new Map(known.pickupPoints) }
  if (cityIds.length) for (const c of await db.city.findMany({ where: { id: { in: cityIds } }, select: { id: true, nameRu: true, nameEn: true } })) places.cities.set(c.id, cityJson(c))
  if (checkpointIds.length) for (const c of await db.checkpoint.findMany({ where: { id: { in: checkpointIds } }, select: { id: true, nameRu: true, nameEn: true, lat: true, lng: true } })) places.checkpoints.set(c.id, checkpointJson(c))
  if (pickupIds.length) for (const p of await db.pickupPoint.findMany({ where: { id: { in: pickupIds } }, select: { id: true, nameRu: true, nameEn: true } })) places.pickupPoints.set(p.id, pointNamesJson(p))
  return places
}

/** time: [departureAt, id]; price: [seatPrice, departureAt, id]; rating: [ratingKey, ratingCount, driverId, departureAt, id]. */
export type Cursor = [number, string, string] | [string, string] | [number, number, string, string, string]

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
/** rating_key is the average × 100 (0…500), rating_count a count. */
const ratingCursor = z.tuple([z.number().int().min(0).max(500), cursorPrice, z.uuid(), cursorInstant, z.uuid()])

function decodeCursor(raw: string, sort: 'time' | 'price' | 'rating'): Cursor {
  let value: unknown
  try {
    value = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'))
  } catch {
    value = undefined
  }
  const parsed = sort === 'time' ? timeCursor.safeParse(value) : sort === 'price' ? priceCursor.safeParse(value) : ratingCursor.safeParse(value)
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
export function buildSearchQuery(input: SearchTripsInput, now: Date = new Date(), viewer: { id: string } | null = null) {
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
  // Blocks, either way (docs/decisions/009-trust-and-moderation.md): checked per candidate row on
  // the blocks primary key, so the scan order and its early stop are untouched.
  if (viewer) {
    conditions.push(Prisma.sql`NOT EXISTS (SELECT 1 FROM blocks b WHERE (b.blocker_id = ${viewer.id}::uuid AND b.blocked_id = t.driver_id) OR (b.blocker_id = t.driver_id AND b.blocked_id = ${viewer.id}::uuid))`)
  }
  let ratingCursor: RatingCursor | null = null
  if (input.cursor) {
    const c = decodeCursor(input.cursor, input.sort)
    if (input.sort === 'time') {
      const [at, id] = c as [string, string]
      conditions.push(Prisma.sql`(t.departure_at, t.id) > (${new Date(at)}, ${id}::uuid)`)
    } else if (input.sort === 'price') {
      const [price, at, id] = c as [number, string, string]
      conditions.push(Prisma.sql`(t.seat_price_tenge, t.departure_at, t.id) > (${price}, ${new Date(at)}, ${id}::uuid)`)
    } else {
      // decodeCursor checked each part (an instant, uuids, integers PostgreSQL accepts)
      const [key, count, driverId, at, id] = c as [number, number, string, string, string]
      ratingCursor = { key, count, driverId, at: new Date(at), id }
    }
  }
  if (input.sort === 'rating') return { sql: ratingSearch(conditions, ratingCursor, input.limit), dateFrom, dateTo }
  const order =
    input.sort === 'time'
      ? Prisma.sql`t.departure_at, t.id`
      : Prisma.sql`t.seat_price_tenge, t.departure_at, t.id`
  // Only the run, its driver and car: city, checkpoint and pickup-point names come from the
  // reference data cached in memory (getReferenceData). Joining those four small tables here made
  // PostgreSQL plan a 7-table join on every search — about 4 ms of planning for 0.4 ms of work.
  // The driver's rating: the counters on the driver's row, already joined (publish-reviews.ts keeps
  // them up to date).
  const sql = Prisma.sql`
    SELECT ${outputColumns(input.sort)}
    FROM trips t
    JOIN users u ON u.id = t.driver_id
    JOIN cars c ON c.id = t.car_id
    WHERE ${Prisma.join(conditions, ' AND ')}
    ORDER BY ${order}
    LIMIT ${input.limit + 1}`
  return { sql, dateFrom, dateTo }
}

/** An instant as JavaScript's toISOString() writes it (timestamptz(3): milliseconds are all there is). */
const iso = (column: Prisma.Sql) => Prisma.sql`to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`

/**
 * What the search's statement returns for each run (the Row type): PostgreSQL writes the run's JSON
 * — names, strings escaped, numbers, instants as ISO strings — in two pieces, `head` (from `{"id"`
 * to `totalCostTenge`, open) and `tail` (the pickup's coordinates and the driver up to `"rating":`);
 * Node adds the quote, the place names from the reference cache and the rating between and after
 * them (searchTripsJson), with the columns those need. Node parses a few columns a row instead of
 * 27, builds no Date, no row object and no second copy of the page to stringify. `cursor`: the
 * next page's cursor if this row is the page's last, as JSON (json_build_array).
 */
function outputColumns(sort: SearchTripsInput['sort']): Prisma.Sql {
  const departure = iso(Prisma.sql`t.departure_at`)
  const cursor =
    sort === 'time'
      ? Prisma.sql`json_build_array(${departure}, t.id)::text`
      : sort === 'price'
        ? Prisma.sql`json_build_array(t.seat_price_tenge, ${departure}, t.id)::text`
        : Prisma.sql`json_build_array(u.rating_key, u.rating_count, t.driver_id, ${departure}, t.id)::text`
  return Prisma.sql`
      left(json_build_object(
        'id', t.id, 'departureAt', ${departure}, 'returnAt', ${iso(Prisma.sql`t.return_at`)}, 'roundTrip', t.round_trip,
        'seatsTotal', t.seats_total, 'seatsLeft', t.seats_total - t.seats_taken, 'pricingMode', t.pricing_mode,
        'pricePerSeatTenge', t.price_per_seat_tenge, 'totalCostTenge', t.total_cost_tenge)::text, -1) AS head,
      t.pricing_mode, t.price_per_seat_tenge, t.total_cost_tenge, t.min_riders, t.driver_shares, t.seats_taken, t.seats_total,
      t.approval_mode, t.origin_city_id, t.destination_city_id, t.checkpoint_id, t.pickup_point_id, to_json(t.pickup_label)::text AS pickup_label,
      ',"lat":' || t.pickup_lat || ',"lng":' || t.pickup_lng || '},"driver":'
        || left(json_build_object('id', t.driver_id, 'firstName', split_part(u.name, ' ', 1), 'car', c.make || ' ' || c.model)::text, -1)
        || ',"rating":' AS tail,
      u.rating_count, u.rating_sum, ${cursor} AS cursor`
}

type RatingCursor = { key: number; count: number; driverId: string; at: Date; id: string }

/**
 * The search sorted by the driver's rating: best rated first, then more reviews, then one driver's
 * runs together, earliest first. Rating every run of the window and sorting them cost 90–650 ms at
 * 100,000 runs (prisma/migrations/20261203130100_search_ratings); instead drivers are walked in
 * that order (users_driver_rating_idx, a partial index over drivers — the `roles` condition is its
 * predicate) and each one's runs of the window read through trips(driver_id, departure_at), at
 * most a page each, so the walk stops as soon as a page is full. After a cursor: drivers from the
 * cursor's on, and of the cursor's driver only the runs after it.
 */
function ratingSearch(tripConditions: Prisma.Sql[], cursor: RatingCursor | null, limit: number): Prisma.Sql {
  const inner = cursor ? [...tripConditions, Prisma.sql`(t.driver_id <> ${cursor.driverId}::uuid OR (t.departure_at, t.id) > (${cursor.at}, ${cursor.id}::uuid))`] : tripConditions
  const outer = [Prisma.sql`'DRIVER'::"Role" = ANY(u.roles)`]
  if (cursor) outer.push(Prisma.sql`(-u.rating_key, -u.rating_count, u.id) >= (${-cursor.key}, ${-cursor.count}, ${cursor.driverId}::uuid)`)
  return Prisma.sql`
    SELECT ${outputColumns('rating')}
    FROM users u
    CROSS JOIN LATERAL (
      SELECT t.* FROM trips t WHERE t.driver_id = u.id AND ${Prisma.join(inner, ' AND ')}
      ORDER BY t.departure_at, t.id
      LIMIT ${limit + 1}
    ) t
    JOIN cars c ON c.id = t.car_id
    WHERE ${Prisma.join(outer, ' AND ')}
    ORDER BY u.rating_key DESC, u.rating_count DESC, u.id, t.departure_at, t.id
    LIMIT ${limit + 1}`
}

/**
 * The search as the JSON GET /api/trips sends: one statement through the pool Prisma uses (none of
 * Prisma's per-query work), the runs' JSON written by PostgreSQL, Node adding only the quote, the
 * place names and the rating (docs/decisions/012-search-json-from-sql.md).
 */
export async function searchTripsJson(input: SearchTripsInput, now: Date = new Date(), viewer: { id: string } | null = null): Promise<string> {
  const { sql, dateFrom, dateTo } = buildSearchQuery(input, now, viewer)
  // Dates as ISO instants: the same moment whatever the process's time zone.
  const values = sql.values.map((v) => (v instanceof Date ? v.toISOString() : v))
  const { rows } = await getPool().query<Row>({ text: sql.text, values, rowMode: 'array' })
  const page = rows.length > input.limit ? rows.slice(0, input.limit) : rows
  const places = await referenceJson(page, now)
  const last = page.at(-1)
  const nextCursor = rows.length > input.limit && last ? encodeCursor(JSON.parse(last[17]) as Cursor) : null
  let trips = ''
  for (const r of page) {
    const [head, pricingMode, pricePerSeatTenge, totalCostTenge, minRiders, driverShares, seatsTaken, seatsTotal, approvalMode, originId, destinationId, checkpointId, pointId, label, tail, ratingCount, ratingSum] = r
    const seats = Math.min(input.seats, seatsTotal)
    const quote = quoteBooking({ pricingMode, pricePerSeatTenge, totalCostTenge, minRiders, driverShares, seatsAlreadyTaken: Math.min(seatsTaken, seatsTotal - seats), seatsRequested: seats })
    const rating = ratingOf(ratingCount, ratingSum)
    trips +=
      `${trips ? ',' : ''}${head},"quote":{"seats":${seats},"nowTenge":${quote.nowTenge},"capTenge":${quote.capTenge}},"approvalMode":"${approvalMode}"` +
      `,"origin":${places.cities.get(originId)!},"destination":${places.cities.get(destinationId)!},"checkpoint":${places.checkpoints.get(checkpointId)!}` +
      `,"pickup":{"label":${label},${pointId ? places.pickupPoints.get(pointId)! : pointNamesJson(null)}${tail}{"count":${rating.count},"average":${rating.average ?? 'null'}}}}`
  }
  return `{"dateFrom":"${dateFrom}","dateTo":"${dateTo}","nextCursor":${nextCursor ? `"${nextCursor}"` : 'null'},"trips":[${trips}]}`
}

/** The search as objects, for the search page: the same JSON, parsed. */
export async function searchTrips(input: SearchTripsInput, now: Date = new Date(), viewer: { id: string } | null = null): Promise<SearchTripsResult> {
  return JSON.parse(await searchTripsJson(input, now, viewer)) as SearchTripsResult
}

type Place = { id: string; nameRu: string; nameEn: string }

export type TripListItem = {
  id: string
  departureAt: string
  returnAt: string | null
  roundTrip: boolean
  seatsTotal: number
  seatsLeft: number
  pricingMode: 'PER_SEAT' | 'SHARED_COST'
  pricePerSeatTenge: number | null
  totalCostTenge: number | null
  /** What a party of `seats` (the search's, at most the car) pays now and at most. */
  quote: { seats: number; nowTenge: number; capTenge: number }
  approvalMode: 'INSTANT' | 'MANUAL'
  origin: Place
  destination: Place
  checkpoint: Place & { lat: number; lng: number }
  pickup: { label: string; nameRu: string | null; nameEn: string | null; lat: number; lng: number }
  /** `id` is the driver's public profile (/users/:id). */
  driver: { id: string; firstName: string; car: string; rating: Rating }
}

export type SearchTripsResult = { dateFrom: string; dateTo: string; nextCursor: string | null; trips: TripListItem[] }
