// The day board: every run of a group on one Kazakhstan date, by direction and departure time, with
// capacity, status, each party's legal VERDICT (ok / warn / blocked — never the stays, documents or
// reasons behind it) and payment state, and the day's unassigned demand (waitlisted parties and
// requests waiting for approval). Also the board's `version`, for polling clients (ETag / 304).
//
// A busy day (hundreds of runs, a thousand riders) made a page of megabytes: with `parties: 'auto'`
// (the board page) a day of more than INLINE_PARTIES_UP_TO confirmed travellers comes without each
// run's confirmed parties — counts and flags instead — and a run's parties load when it is opened
// (getBoardRun). Requests and waitlisted parties, which wait for someone to act, always come.
import { z } from 'zod'
import type { Actor } from '@/lib/auth/permissions'
import { amountsDue } from '@/lib/bookings/amounts-due'
import { expireRequests } from '@/lib/bookings/expire-requests'
import { dbDateFromIso, todayInKz } from '@/lib/dates/kz-date'
import { db } from '@/lib/db'
import { directionOrder } from '@/lib/dispatch/board-scope'
import { requireGroupCoordinator } from '@/lib/dispatch/group-access'
import { AppError } from '@/lib/errors'
import { Prisma } from '@/lib/generated/prisma/client'
import type { ApprovalMode, BoardingState, PaymentState, PricingMode, TripStatus, Verdict } from '@/lib/generated/prisma/enums'
import { nextStatuses } from '@/lib/trips/trip-status'
import { formatPhone } from '@/lib/phone'

/** Up to this many confirmed travellers on a day, `parties: 'auto'` sends every run's parties. */
export const INLINE_PARTIES_UP_TO = 60

/** `?parties=`: `all` (the default, outside clients) or `auto` (the board page, see above). */
export const boardQuerySchema = z.object({ parties: z.enum(['all', 'auto']).default('all') })
export type BoardPartiesView = z.infer<typeof boardQuerySchema>['parties']

export type DayBoardOptions = {
  now?: Date
  parties?: BoardPartiesView
  /** The threshold of `parties: 'auto'` (INLINE_PARTIES_UP_TO; tests set a small one). */
  inlinePartiesUpTo?: number
}

/**
 * A fingerprint of everything the board shows: the day's runs, their bookings, each traveller's
 * check-in and the roster. Any change to one of them changes it. Read BEFORE the board's data, so a
 * change landing between the two makes the next poll fetch again rather than be answered "not
 * modified" with stale data.
 */
export async function getDayBoardVersion(actor: Actor, groupId: string, date: string): Promise<string> {
  await requireGroupCoordinator(db, actor, groupId)
  return boardVersion(groupId, date)
}

async function boardVersion(groupId: string, date: string): Promise<string> {
  const [row] = await db.$queryRaw<{ version: string }[]>`
    SELECT md5(coalesce(string_agg(x, '|' ORDER BY x), '')) AS version FROM (
      SELECT 't' || t.id || t.updated_at || t.status || t.seats_taken || t.seats_total || coalesce(t.group_id::text, '') AS x
        FROM trips t WHERE t.group_id = ${groupId}::uuid AND t.departure_on = ${date}::date
      UNION ALL
      SELECT 'b' || b.id || b.updated_at || b.status || b.payment_state
        FROM bookings b JOIN trips t ON t.id = b.trip_id WHERE t.group_id = ${groupId}::uuid AND t.departure_on = ${date}::date
      UNION ALL
      SELECT 'p' || bt.booking_id || bt.position || bt.boarding || bt.verdict
        FROM booking_travellers bt JOIN bookings b ON b.id = bt.booking_id JOIN trips t ON t.id = b.trip_id
        WHERE t.group_id = ${groupId}::uuid AND t.departure_on = ${date}::date
      UNION ALL
      SELECT 'm' || m.user_id || m.role FROM group_members m WHERE m.group_id = ${groupId}::uuid
    ) s`
  return row!.version
}

/**
 * The board unless the caller already has its current version (an ETag): then only the version,
 * computed once for both answers. Requests nobody answered in time lapse before the board is read
 * (their seats go back), which changes the version.
 */
export async function getDayBoardIfChanged(actor: Actor, groupId: string, date: string, knownVersion: string | null, options: DayBoardOptions = {}) {
  const group = await requireGroupCoordinator(db, actor, groupId)
  const version = await boardVersion(groupId, date)
  if (version === knownVersion) return { version, board: null }
  const now = options.now ?? new Date()
  const lapsed = await expireLapsedRequests(groupId, date, now)
  const board = await loadDayBoard(group, date, lapsed ? await boardVersion(groupId, date) : version, options, now)
  return { version: board.version, board }
}

export async function getDayBoard(actor: Actor, groupId: string, date: string, options: DayBoardOptions = {}) {
  const group = await requireGroupCoordinator(db, actor, groupId)
  const now = options.now ?? new Date()
  await expireLapsedRequests(groupId, date, now)
  // Read BEFORE the data (see boardVersion).
  const version = await boardVersion(groupId, date)
  return loadDayBoard(group, date, version, options, now)
}

/** One run of the board with all its parties (a run opened on a busy day's board). */
export async function getBoardRun(actor: Actor, groupId: string, date: string, tripId: string, now: Date = new Date()) {
  await requireGroupCoordinator(db, actor, groupId)
  const trip = await db.trip.findFirst({ where: { id: tripId, groupId, departureOn: dbDateFromIso(date) }, select: { id: true } })
  if (!trip) throw new AppError('NOT_FOUND')
  await expireLapsedRequests(groupId, date, now, tripId)
  const [row] = await db.$queryRaw<{ trips: string }[]>`SELECT ${boardTripsJson(Prisma.sql`t.id = ${tripId}::uuid`)}::text AS trips`
  const [run] = JSON.parse(row!.trips) as BoardTripRow[]
  return toBoardRun(run!, true)
}

/** Expires the day's requests nobody answered in time; true if there were any. */
async function expireLapsedRequests(groupId: string, date: string, now: Date, tripId?: string): Promise<boolean> {
  const lapsed = await db.booking.findMany({
    where: { status: 'PENDING', expiresAt: { lte: now }, trip: { groupId, departureOn: dbDateFromIso(date), ...(tripId ? { id: tripId } : {}) } },
    distinct: ['tripId'],
    select: { tripId: true },
  })
  for (const { tripId: id } of lapsed) await expireRequests({ tripId: id, now })
  return lapsed.length > 0
}

// ─── Reading the day: one statement, rows already shaped ──────────────────────────────────────────
//
// 200 runs and 1,000 travellers through Prisma's nested selects were ~12 statements and thousands
// of objects mapped one by one (a profile: ~27% of a request in Prisma's row mapping, ~15% in GC).
// PostgreSQL builds the JSON instead: each run with its live bookings as the board shows them
// (parties in their final shape, the rider's phone only when confirmed), read with one statement
// and one JSON.parse. What needs our own rules — the amount a party owes (the shared-cost split),
// the statuses a run may move to, the driver's phone as people read it — stays in TypeScript.
// lib/dispatch/get-day-board.test.ts compares the result with the former Prisma builder
// (testing-board-reference.ts) byte for byte.

/** The bookings the board shows (the SQL's `b.status IN (…)`). */
type LiveStatus = 'PENDING' | 'CONFIRMED' | 'WAITLISTED'

/** A party as the SQL builds it; `amountTenge` is filled in by toBoardRun. */
export type BoardParty = {
  id: string
  status: LiveStatus
  seats: number
  riderName: string | null
  // Contacts of confirmed riders only (lib/trips/party-view.ts): the SQL leaves it null otherwise.
  riderPhone: string | null
  verdict: Verdict
  paymentState: PaymentState
  amountTenge: number | null
  capTenge: number
  createdAt: string
  expiresAt: string | null
  travellers: { position: number; name: string; verdict: Verdict; boarding: BoardingState }[]
  tripId: string
}

type BoardTripRow = {
  id: string
  status: TripStatus
  departureAt: string
  returnAt: string | null
  roundTrip: boolean
  origin: { nameRu: string; nameEn: string }
  destination: { nameRu: string; nameEn: string }
  direction: string
  checkpoint: { nameRu: string; nameEn: string }
  pickupLabel: string
  driver: { id: string; name: string; phone: string | null }
  car: { make: string; model: string; colour: string; plate: string }
  pricingMode: PricingMode
  pricePerSeatTenge: number | null
  totalCostTenge: number | null
  minRiders: number
  driverShares: boolean
  seatPriceTenge: number
  approvalMode: ApprovalMode
  seatsTotal: number
  seatsTaken: number
  bookings: BoardParty[]
}

type BoardDriver = { id: string; name: string; cars: { id: string; make: string; model: string; colour: string; plate: string; seats: number }[] }

/** An instant as Date.prototype.toISOString writes it (the columns hold milliseconds). */
const iso = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`

// Objects are rows turned into JSON — `(SELECT x FROM (SELECT a AS "key", …) x)` — rather than
// json_build_object: a quarter less time in PostgreSQL and compact text (json_build_object writes
// `"key" : value`, 60 kB of spaces on the busy day). The keys come in the order listed, which is
// the order the board's JSON has always had.
const BOARD_TRIPS = `coalesce((
    SELECT json_agg((SELECT x FROM (SELECT
      t.id AS "id", t.status AS "status", ${iso('t.departure_at')} AS "departureAt", ${iso('t.return_at')} AS "returnAt",
      t.round_trip AS "roundTrip",
      (SELECT x FROM (SELECT o.name_ru AS "nameRu", o.name_en AS "nameEn") x) AS "origin",
      (SELECT x FROM (SELECT dc.name_ru AS "nameRu", dc.name_en AS "nameEn") x) AS "destination",
      k.country_code AS "direction",
      (SELECT x FROM (SELECT k.name_ru AS "nameRu", k.name_en AS "nameEn") x) AS "checkpoint",
      t.pickup_label AS "pickupLabel",
      (SELECT x FROM (SELECT d.id AS "id", d.name AS "name", d.phone AS "phone") x) AS "driver",
      (SELECT x FROM (SELECT c.make AS "make", c.model AS "model", c.colour AS "colour", c.plate AS "plate") x) AS "car",
      t.pricing_mode AS "pricingMode", t.price_per_seat_tenge AS "pricePerSeatTenge", t.total_cost_tenge AS "totalCostTenge",
      t.min_riders AS "minRiders", t.driver_shares AS "driverShares", t.seat_price_tenge AS "seatPriceTenge",
      t.approval_mode AS "approvalMode", t.seats_total AS "seatsTotal", t.seats_taken AS "seatsTaken",
      coalesce(p.parties, '[]'::json) AS "bookings"
    ) x) ORDER BY t.departure_at, t.id)
    FROM trips t
    JOIN users d ON d.id = t.driver_id
    JOIN cars c ON c.id = t.car_id
    JOIN cities o ON o.id = t.origin_city_id
    JOIN cities dc ON dc.id = t.destination_city_id
    JOIN checkpoints k ON k.id = t.checkpoint_id
    LEFT JOIN LATERAL (
      SELECT json_agg((SELECT x FROM (SELECT
        b.id AS "id", b.status AS "status", b.seats AS "seats", r.name AS "riderName",
        CASE WHEN b.status = 'CONFIRMED' THEN r.phone END AS "riderPhone",
        b.verdict AS "verdict", b.payment_state AS "paymentState", NULL::int AS "amountTenge", b.cap_tenge AS "capTenge",
        ${iso('b.created_at')} AS "createdAt", ${iso('b.expires_at')} AS "expiresAt",
        coalesce((
          SELECT json_agg((SELECT x FROM (SELECT bt.position AS "position", bt.name AS "name", bt.verdict AS "verdict", bt.boarding AS "boarding") x) ORDER BY bt.position)
          FROM booking_travellers bt WHERE bt.booking_id = b.id
        ), '[]'::json) AS "travellers",
        b.trip_id AS "tripId"
      ) x) ORDER BY b.created_at, b.id) AS parties
      FROM bookings b LEFT JOIN users r ON r.id = b.rider_id
      WHERE b.trip_id = t.id AND b.status IN ('PENDING', 'CONFIRMED', 'WAITLISTED')
    ) p ON true
    WHERE `

/** The runs a condition selects, as a JSON array of BoardTripRow in departure order. */
const boardTripsJson = (where: Prisma.Sql): Prisma.Sql => Prisma.sql`${Prisma.raw(BOARD_TRIPS)}${where}), '[]'::json)`

/** The group's drivers (members with the driver role) and their cars in use, for opening a run. */
const boardDriversJson = (groupId: string) => Prisma.sql`coalesce((
    SELECT json_agg((SELECT x FROM (SELECT u.id AS "id", u.name AS "name",
      coalesce((
        SELECT json_agg((SELECT x FROM (SELECT c.id AS "id", c.make AS "make", c.model AS "model", c.colour AS "colour", c.plate AS "plate", c.seats AS "seats") x) ORDER BY c.created_at, c.id)
        FROM cars c WHERE c.owner_id = u.id AND c.archived_at IS NULL
      ), '[]'::json) AS "cars"
    ) x) ORDER BY m.joined_at, m.user_id)
    FROM group_members m JOIN users u ON u.id = m.user_id
    WHERE m.group_id = ${groupId}::uuid AND m.role = 'DRIVER' AND 'DRIVER' = ANY(u.roles)
  ), '[]'::json)`

/** A run as the board shows it; `withParties: false` leaves its confirmed parties out (counts and
 * flags stay), for a busy day's page. Fills in what each confirmed party owes. */
function toBoardRun(trip: BoardTripRow, withParties: boolean) {
  const confirmed = trip.bookings.filter((b) => b.status === 'CONFIRMED')
  const due = amountsDue(trip, confirmed.map((b) => ({ id: b.id, seats: b.seats, capTenge: b.capTenge, createdAt: new Date(b.createdAt) })))
  for (const b of confirmed) b.amountTenge = due.get(b.id) ?? null
  const seatsOf = (status: string) => trip.bookings.filter((b) => b.status === status).reduce((n, b) => n + b.seats, 0)
  const travellers = confirmed.flatMap((b) => b.travellers)
  return {
    id: trip.id,
    status: trip.status,
    nextStatuses: nextStatuses(trip),
    direction: trip.direction,
    departureAt: trip.departureAt,
    returnAt: trip.returnAt,
    roundTrip: trip.roundTrip,
    origin: trip.origin,
    destination: trip.destination,
    checkpoint: trip.checkpoint,
    pickupLabel: trip.pickupLabel,
    // The phone in its international form ("+996 555 123 456"): the board is a client component
    // and libphonenumber's metadata stays on the server.
    driver: { ...trip.driver, phone: trip.driver.phone ? formatPhone(trip.driver.phone) : null },
    car: trip.car,
    pricingMode: trip.pricingMode,
    seatPriceTenge: trip.seatPriceTenge,
    totalCostTenge: trip.totalCostTenge,
    approvalMode: trip.approvalMode,
    seatsTotal: trip.seatsTotal,
    seatsConfirmed: seatsOf('CONFIRMED'),
    seatsPending: seatsOf('PENDING'),
    seatsFree: trip.status === 'CANCELLED' ? 0 : Math.max(0, trip.seatsTotal - trip.seatsTaken),
    seatsWaitlisted: seatsOf('WAITLISTED'),
    boarded: travellers.filter((t) => t.boarding === 'BOARDED').length,
    noShows: travellers.filter((t) => t.boarding === 'NO_SHOW').length,
    /** Confirmed parties and travellers, and travellers flagged by the legal check. */
    partyCount: confirmed.length,
    travellerCount: travellers.length,
    flagged: { warn: travellers.filter((t) => t.verdict === 'WARN').length, blocked: travellers.filter((t) => t.verdict === 'BLOCKED').length },
    /** null: not sent (a busy day's page); open the run to load them (GET …/runs/:tripId). */
    parties: withParties ? confirmed : null,
    requests: trip.bookings.filter((b) => b.status === 'PENDING'),
    waitlist: trip.bookings.filter((b) => b.status === 'WAITLISTED'),
  }
}

async function loadDayBoard(group: { id: string; name: string }, date: string, version: string, options: DayBoardOptions, now: Date) {
  const groupId = group.id
  // One statement for the runs and the drivers: one snapshot, one round trip. Read as text and
  // parsed once here (a json column would be parsed by the driver all the same).
  const [row] = await db.$queryRaw<{ board: string }[]>`
    SELECT json_build_object(
      'trips', ${boardTripsJson(Prisma.sql`t.group_id = ${groupId}::uuid AND t.departure_on = ${date}::date`)},
      'drivers', ${boardDriversJson(groupId)}
    )::text AS board`
  const { trips, drivers } = JSON.parse(row!.board) as { trips: BoardTripRow[]; drivers: BoardDriver[] }

  const confirmedTravellers = trips.reduce((n, t) => n + t.bookings.reduce((m, b) => m + (b.status === 'CONFIRMED' ? b.travellers.length : 0), 0), 0)
  const inline = (options.parties ?? 'all') === 'all' || confirmedTravellers <= (options.inlinePartiesUpTo ?? INLINE_PARTIES_UP_TO)
  const runs = trips.map((trip) => toBoardRun(trip, inline))
  runs.sort((a, b) => directionOrder(a.direction) - directionOrder(b.direction) || a.departureAt.localeCompare(b.departureAt) || a.id.localeCompare(b.id))

  const directions: { code: string; runs: typeof runs }[] = []
  for (const run of runs) {
    const last = directions.at(-1)
    if (last?.code === run.direction) last.runs.push(run)
    else directions.push({ code: run.direction, runs: [run] })
  }
  const live = runs.filter((r) => r.status !== 'CANCELLED')
  return {
    group,
    date,
    today: todayInKz(now),
    version,
    directions,
    demand: {
      requests: runs.flatMap((r) => r.requests),
      waitlist: runs.flatMap((r) => r.waitlist),
    },
    totals: {
      runs: live.length,
      seatsOffered: live.reduce((n, r) => n + r.seatsTotal, 0),
      seatsConfirmed: live.reduce((n, r) => n + r.seatsConfirmed, 0),
      seatsPending: live.reduce((n, r) => n + r.seatsPending, 0),
      seatsWaitlisted: live.reduce((n, r) => n + r.seatsWaitlisted, 0),
      travellers: live.reduce((n, r) => n + r.travellerCount, 0),
      boarded: live.reduce((n, r) => n + r.boarded, 0),
      noShows: live.reduce((n, r) => n + r.noShows, 0),
    },
    drivers,
  }
}

export type DayBoard = Awaited<ReturnType<typeof loadDayBoard>>
export type BoardRun = ReturnType<typeof toBoardRun>
