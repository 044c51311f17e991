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
export async function getDayBoardIfChanged(actor: Actor, groupId: string, date: string, knownVersion: string | null, options: DayBoardOptions = {}): Promise<{ version: string; json: string | null }> {
  const group = await requireGroupCoordinator(db, actor, groupId)
  const version = await boardVersion(groupId, date)
  if (version === knownVersion) return { version, json: null }
  const now = options.now ?? new Date()
  const lapsed = await expireLapsedRequests(groupId, date, now)
  const current = lapsed ? await boardVersion(groupId, date) : version
  return { version: current, json: await dayBoardJson(group, date, current, options, now) }
}

/** The board as an object (the board page renders it); the JSON API sends its text as it comes. */
export async function getDayBoard(actor: Actor, groupId: string, date: string, options: DayBoardOptions = {}): Promise<DayBoard> {
  const group = await requireGroupCoordinator(db, actor, groupId)
  const now = options.now ?? new Date()
  await expireLapsedRequests(groupId, date, now)
  // Read BEFORE the data (see boardVersion).
  const version = await boardVersion(groupId, date)
  return JSON.parse(await dayBoardJson(group, date, version, options, now)) as DayBoard
}

/** One run of the board with all its parties (a run opened on a busy day's board), as JSON text. */
export async function getBoardRunJson(actor: Actor, groupId: string, date: string, tripId: string, now: Date = new Date()): Promise<string> {
  await requireGroupCoordinator(db, actor, groupId)
  const trip = await db.trip.findFirst({ where: { id: tripId, groupId, departureOn: dbDateFromIso(date) }, select: { id: true } })
  if (!trip) throw new AppError('NOT_FOUND')
  await expireLapsedRequests(groupId, date, now, tripId)
  const [row] = await readBoardRows(Prisma.sql`t.id = ${tripId}::uuid`, null)
  return runJson(row!, true)
}

export async function getBoardRun(actor: Actor, groupId: string, date: string, tripId: string, now: Date = new Date()): Promise<BoardRun> {
  return JSON.parse(await getBoardRunJson(actor, groupId, date, tripId, now)) as BoardRun
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

// ─── Reading the day: one statement, JSON written by PostgreSQL ───────────────────────────────────
//
// 200 runs and 1,000 travellers through Prisma's nested selects were ~12 statements and thousands
// of objects mapped one by one (a profile: ~27% of a request in Prisma's row mapping, ~15% in GC),
// then serialised again. Now one statement returns a row per run: its scalars, its counts, and its
// parties, requests and waitlist as JSON text in their final shape (the rider's phone only when
// confirmed; a per-seat party's amount). The response is that text joined with the few fields our
// own rules decide — the statuses a run may move to, the driver's phone as people read it, a
// shared-cost run's split (lib/money) — with no parsing and no re-serialising of the parties.
// PostgreSQL escapes strings in JSON as JSON.stringify does (the test's names check it), and
// lib/dispatch/get-day-board.test.ts compares the text with the former Prisma builder
// (testing-board-reference.ts) byte for byte.

/** A party of the board (a booking as the run's driver and the group's coordinators see it). */
export type BoardParty = {
  id: string
  status: 'PENDING' | 'CONFIRMED' | 'WAITLISTED'
  seats: number
  riderName: string | null
  /** Confirmed riders only (lib/trips/party-view.ts). */
  riderPhone: string | null
  verdict: Verdict
  paymentState: PaymentState
  /** What a confirmed party owes (lib/bookings/amounts-due.ts); null for the others. */
  amountTenge: number | null
  capTenge: number
  createdAt: string
  expiresAt: string | null
  travellers: { position: number; name: string; verdict: Verdict; boarding: BoardingState }[]
  tripId: string
}

type PlaceNames = { nameRu: string; nameEn: string }

export type BoardRun = {
  id: string
  status: TripStatus
  nextStatuses: TripStatus[]
  direction: string
  departureAt: string
  returnAt: string | null
  roundTrip: boolean
  origin: PlaceNames
  destination: PlaceNames
  checkpoint: PlaceNames
  pickupLabel: string
  /** The phone in its international form ("+996 555 123 456"): the board is a client component
   * and libphonenumber's metadata stays on the server. */
  driver: { id: string; name: string; phone: string | null }
  car: { make: string; model: string; colour: string; plate: string }
  pricingMode: PricingMode
  seatPriceTenge: number
  totalCostTenge: number | null
  approvalMode: ApprovalMode
  seatsTotal: number
  seatsConfirmed: number
  seatsPending: number
  seatsFree: number
  seatsWaitlisted: number
  boarded: number
  noShows: number
  /** Confirmed parties and travellers, and travellers flagged by the legal check. */
  partyCount: number
  travellerCount: number
  flagged: { warn: number; blocked: number }
  /** null: not sent (a busy day's page); open the run to load them (GET …/runs/:tripId). */
  parties: BoardParty[] | null
  requests: BoardParty[]
  waitlist: BoardParty[]
}

export type DayBoard = {
  group: { id: string; name: string }
  date: string
  today: string
  version: string
  directions: { code: string; runs: BoardRun[] }[]
  demand: { requests: BoardParty[]; waitlist: BoardParty[] }
  totals: { runs: number; seatsOffered: number; seatsConfirmed: number; seatsPending: number; seatsWaitlisted: number; travellers: number; boarded: number; noShows: number }
  drivers: { id: string; name: string; cars: { id: string; make: string; model: string; colour: string; plate: string; seats: number }[] }[]
}

/** A run as the statement returns it: JSON text where the board shows a value as it is stored. */
type BoardRow = {
  /** The run's place in departure order (then id): the order the rows come in. */
  n: bigint
  id: string
  status: TripStatus
  roundTrip: boolean
  direction: string
  departureAt: string
  returnAt: string | null
  origin: string
  destination: string
  checkpoint: string
  pickupLabel: string
  driverId: string
  driverName: string
  driverPhone: string | null
  car: string
  pricingMode: PricingMode
  pricePerSeatTenge: number | null
  totalCostTenge: number | null
  minRiders: number
  driverShares: boolean
  seatPriceTenge: number
  approvalMode: ApprovalMode
  seatsTotal: number
  seatsTaken: number
  seatsConfirmed: number
  seatsPending: number
  seatsWaitlisted: number
  partyCount: number
  travellerCount: number
  boarded: number
  noShows: number
  warn: number
  blocked: number
  parties: string
  requests: string
  waitlist: string
  /** The group's drivers, on the first row only (when asked for). */
  drivers: string | null
}

/** An instant as Date.prototype.toISOString writes it (the columns hold milliseconds). */
const iso = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`

/** A JSON array's text of rows turned into JSON, joined with bare commas (json_agg puts ", \n "
 * between items, and the text goes out as it is). */
const arrayOf = (row: string, order: string, filter = 'true') => `'[' || coalesce(string_agg(to_json(${row})::text, ',' ORDER BY ${order}) FILTER (WHERE ${filter}), '') || ']'`

/** A party's JSON: a row turned into JSON (compact, keys in the order listed — the board's order
 * since it was first built). A per-seat party's amount is worked out here; a shared-cost run's
 * split is lib/money's (runJson). */
const PARTY = `(SELECT x FROM (SELECT
        b.id AS "id", b.status AS "status", b.seats AS "seats", r.name AS "riderName",
        CASE WHEN b.status = 'CONFIRMED' THEN r.phone END AS "riderPhone",
        b.verdict AS "verdict", b.payment_state AS "paymentState",
        CASE WHEN b.status = 'CONFIRMED' AND t.pricing_mode = 'PER_SEAT' THEN least(b.seats * coalesce(t.price_per_seat_tenge, 0), b.cap_tenge) END AS "amountTenge",
        b.cap_tenge AS "capTenge", ${iso('b.created_at')} AS "createdAt", ${iso('b.expires_at')} AS "expiresAt",
        tv.travellers::json AS "travellers",
        b.trip_id AS "tripId"
      ) x)`

/** The parties of one status, from the run's bookings (each party written once, in pb). */
const partiesOf = (status: string) => `'[' || coalesce(string_agg(pb.json, ',' ORDER BY pb.created_at, pb.id) FILTER (WHERE pb.status = '${status}'), '') || ']'`
const placeJson = (alias: string) => `(SELECT row_to_json(x) FROM (SELECT ${alias}.name_ru AS "nameRu", ${alias}.name_en AS "nameEn") x)::text`

const BOARD_ROWS = `
    SELECT row_number() OVER (ORDER BY t.departure_at, t.id) AS "n", t.id::text AS "id", t.status::text AS "status", t.round_trip AS "roundTrip", k.country_code::text AS "direction",
      ${iso('t.departure_at')} AS "departureAt", ${iso('t.return_at')} AS "returnAt",
      ${placeJson('o')} AS "origin", ${placeJson('dc')} AS "destination", ${placeJson('k')} AS "checkpoint",
      t.pickup_label AS "pickupLabel", d.id::text AS "driverId", d.name AS "driverName", d.phone AS "driverPhone",
      (SELECT row_to_json(x) FROM (SELECT c.make AS "make", c.model AS "model", c.colour AS "colour", c.plate AS "plate") x)::text AS "car",
      t.pricing_mode::text AS "pricingMode", t.price_per_seat_tenge AS "pricePerSeatTenge", t.total_cost_tenge AS "totalCostTenge",
      t.min_riders AS "minRiders", t.driver_shares AS "driverShares", t.seat_price_tenge AS "seatPriceTenge",
      t.approval_mode::text AS "approvalMode", t.seats_total AS "seatsTotal", t.seats_taken AS "seatsTaken",
      p.seats_confirmed AS "seatsConfirmed", p.seats_pending AS "seatsPending", p.seats_waitlisted AS "seatsWaitlisted",
      p.party_count AS "partyCount", p.travellers AS "travellerCount", p.boarded AS "boarded", p.no_shows AS "noShows", p.warn AS "warn", p.blocked AS "blocked",
      p.parties AS "parties", p.requests AS "requests", p.waitlist AS "waitlist"
    FROM trips t
    JOIN users d ON d.id = t.driver_id
    JOIN cars c ON c.id = t.car_id
    JOIN cities o ON o.id = t.origin_city_id
    JOIN cities dc ON dc.id = t.destination_city_id
    JOIN checkpoints k ON k.id = t.checkpoint_id
    CROSS JOIN LATERAL (
      SELECT ${partiesOf('CONFIRMED')} AS parties, ${partiesOf('PENDING')} AS requests, ${partiesOf('WAITLISTED')} AS waitlist,
        coalesce(sum(pb.seats) FILTER (WHERE pb.status = 'CONFIRMED'), 0)::int AS seats_confirmed,
        coalesce(sum(pb.seats) FILTER (WHERE pb.status = 'PENDING'), 0)::int AS seats_pending,
        coalesce(sum(pb.seats) FILTER (WHERE pb.status = 'WAITLISTED'), 0)::int AS seats_waitlisted,
        (count(*) FILTER (WHERE pb.status = 'CONFIRMED'))::int AS party_count,
        coalesce(sum(pb.travellers) FILTER (WHERE pb.status = 'CONFIRMED'), 0)::int AS travellers,
        coalesce(sum(pb.boarded) FILTER (WHERE pb.status = 'CONFIRMED'), 0)::int AS boarded,
        coalesce(sum(pb.no_shows) FILTER (WHERE pb.status = 'CONFIRMED'), 0)::int AS no_shows,
        coalesce(sum(pb.warn) FILTER (WHERE pb.status = 'CONFIRMED'), 0)::int AS warn,
        coalesce(sum(pb.blocked) FILTER (WHERE pb.status = 'CONFIRMED'), 0)::int AS blocked
      FROM (
        SELECT b.id, b.status, b.seats, b.created_at, to_json(${PARTY})::text AS json,
          tv.n AS travellers, tv.boarded, tv.no_shows, tv.warn, tv.blocked
        FROM bookings b LEFT JOIN users r ON r.id = b.rider_id
        -- A booking's travellers (by its primary key): their JSON and their counts, in one pass.
        CROSS JOIN LATERAL (
          SELECT ${arrayOf('(SELECT x FROM (SELECT bt.position AS "position", bt.name AS "name", bt.verdict AS "verdict", bt.boarding AS "boarding") x)', 'bt.position')} AS travellers,
            count(*) AS n, count(*) FILTER (WHERE bt.boarding = 'BOARDED') AS boarded, count(*) FILTER (WHERE bt.boarding = 'NO_SHOW') AS no_shows,
            count(*) FILTER (WHERE bt.verdict = 'WARN') AS warn, count(*) FILTER (WHERE bt.verdict = 'BLOCKED') AS blocked
          FROM booking_travellers bt WHERE bt.booking_id = b.id
        ) tv
        WHERE b.trip_id = t.id AND b.status IN ('PENDING', 'CONFIRMED', 'WAITLISTED')
      ) pb
    ) p
    WHERE `

/** The group's drivers (members with the driver role) and their cars in use, for opening a run. */
const BOARD_DRIVERS = `(
    SELECT ${arrayOf(`(SELECT x FROM (SELECT u.id AS "id", u.name AS "name", (
        SELECT (${arrayOf('(SELECT x FROM (SELECT c.id AS "id", c.make AS "make", c.model AS "model", c.colour AS "colour", c.plate AS "plate", c.seats AS "seats") x)', 'c.created_at, c.id')})::json
        FROM cars c WHERE c.owner_id = u.id AND c.archived_at IS NULL
      ) AS "cars") x)`, 'm.joined_at, m.user_id')}
    FROM group_members m JOIN users u ON u.id = m.user_id
    WHERE m.role = 'DRIVER' AND 'DRIVER' = ANY(u.roles) AND m.group_id = `
const boardDriversJson = (groupId: string) => Prisma.sql`${Prisma.raw(BOARD_DRIVERS)}${groupId}::uuid)`

/** The runs a condition selects, in departure order; with `driversOf`, that group's drivers come on
 * the first row (a row with nothing else when there is no run). One statement, one snapshot. */
async function readBoardRows(where: Prisma.Sql, driversOf: string | null): Promise<BoardRow[]> {
  const runs = Prisma.sql`${Prisma.raw(BOARD_ROWS)}${where}`
  if (!driversOf) return db.$queryRaw<BoardRow[]>`SELECT r.*, NULL::text AS "drivers" FROM (${runs}) r ORDER BY r.n`
  return db.$queryRaw<BoardRow[]>`
    SELECT r.*, CASE WHEN r.n IS NULL OR r.n = 1 THEN g.drivers END AS "drivers"
    FROM (SELECT ${boardDriversJson(driversOf)} AS drivers) g LEFT JOIN LATERAL (${runs}) r ON true
    ORDER BY r.n`
}

const text = JSON.stringify

/** A run's JSON: the row's text joined with what our own rules decide. */
function runJson(row: BoardRow, withParties: boolean): string {
  let parties = row.parties
  if (row.pricingMode === 'SHARED_COST' && row.partyCount > 0) {
    // The shared cost is split by lib/money (rounding, the driver's share, each party's cap).
    const confirmed = JSON.parse(parties) as BoardParty[]
    const due = amountsDue(row, confirmed.map((b) => ({ id: b.id, seats: b.seats, capTenge: b.capTenge, createdAt: new Date(b.createdAt) })))
    for (const b of confirmed) b.amountTenge = due.get(b.id) ?? null
    parties = text(confirmed)
  }
  const phone = row.driverPhone ? formatPhone(row.driverPhone) : null
  const seatsFree = row.status === 'CANCELLED' ? 0 : Math.max(0, row.seatsTotal - row.seatsTaken)
  return (
    `{"id":${text(row.id)},"status":${text(row.status)},"nextStatuses":${text(nextStatuses(row))},"direction":${text(row.direction)},` +
    `"departureAt":${text(row.departureAt)},"returnAt":${text(row.returnAt)},"roundTrip":${row.roundTrip},` +
    `"origin":${row.origin},"destination":${row.destination},"checkpoint":${row.checkpoint},"pickupLabel":${text(row.pickupLabel)},` +
    `"driver":{"id":${text(row.driverId)},"name":${text(row.driverName)},"phone":${text(phone)}},"car":${row.car},` +
    `"pricingMode":${text(row.pricingMode)},"seatPriceTenge":${row.seatPriceTenge},"totalCostTenge":${text(row.totalCostTenge)},` +
    `"approvalMode":${text(row.approvalMode)},"seatsTotal":${row.seatsTotal},"seatsConfirmed":${row.seatsConfirmed},` +
    `"seatsPending":${row.seatsPending},"seatsFree":${seatsFree},"seatsWaitlisted":${row.seatsWaitlisted},` +
    `"boarded":${row.boarded},"noShows":${row.noShows},"partyCount":${row.partyCount},"travellerCount":${row.travellerCount},` +
    `"flagged":{"warn":${row.warn},"blocked":${row.blocked}},"parties":${withParties ? parties : 'null'},` +
    `"requests":${row.requests},"waitlist":${row.waitlist}}`
  )
}

/** The items of a JSON array's text, without its brackets ('' for "[]"). */
const itemsOf = (array: string) => array.slice(1, -1)

async function dayBoardJson(group: { id: string; name: string }, date: string, version: string, options: DayBoardOptions, now: Date): Promise<string> {
  const rows = await readBoardRows(Prisma.sql`t.group_id = ${group.id}::uuid AND t.departure_on = ${date}::date`, group.id)
  const drivers = rows[0]?.drivers ?? '[]'
  const runs = rows.filter((r) => r.id !== null)

  const confirmedTravellers = runs.reduce((n, r) => n + r.travellerCount, 0)
  const inline = (options.parties ?? 'all') === 'all' || confirmedTravellers <= (options.inlinePartiesUpTo ?? INLINE_PARTIES_UP_TO)
  // The rows come by departure, then id; the sort is stable: by direction, then as they came
  // (localeCompare on every pair of a busy day cost ~2 ms).
  runs.sort((a, b) => directionOrder(a.direction) - directionOrder(b.direction))

  const directions: { code: string; runs: string[] }[] = []
  for (const row of runs) {
    const last = directions.at(-1)
    if (last?.code === row.direction) last.runs.push(runJson(row, inline))
    else directions.push({ code: row.direction, runs: [runJson(row, inline)] })
  }
  const joined = (pick: (r: BoardRow) => string) => runs.map((r) => itemsOf(pick(r))).filter(Boolean).join(',')
  const live = runs.filter((r) => r.status !== 'CANCELLED')
  const sum = (pick: (r: BoardRow) => number) => live.reduce((n, r) => n + pick(r), 0)
  const totals: DayBoard['totals'] = {
    runs: live.length,
    seatsOffered: sum((r) => r.seatsTotal),
    seatsConfirmed: sum((r) => r.seatsConfirmed),
    seatsPending: sum((r) => r.seatsPending),
    seatsWaitlisted: sum((r) => r.seatsWaitlisted),
    travellers: sum((r) => r.travellerCount),
    boarded: sum((r) => r.boarded),
    noShows: sum((r) => r.noShows),
  }
  return (
    `{"group":${text(group)},"date":${text(date)},"today":${text(todayInKz(now))},"version":${text(version)},` +
    `"directions":[${directions.map((d) => `{"code":${text(d.code)},"runs":[${d.runs.join(',')}]}`).join(',')}],"demand":{"requests":[${joined((r) => r.requests)}],"waitlist":[${joined((r) => r.waitlist)}]},` +
    `"totals":${text(totals)},"drivers":${drivers}}`
  )
}
