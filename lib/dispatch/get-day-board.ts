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
import type { Prisma } from '@/lib/generated/prisma/client'
import { partyViewSelect, toPartyView } from '@/lib/trips/party-view'
import { nextStatuses } from '@/lib/trips/trip-status'
import { formatPhone } from '@/lib/phone'

const LIVE = ['PENDING', 'CONFIRMED', 'WAITLISTED'] as const

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
  const [row] = await db.trip.findMany({ where: { id: tripId }, select: boardTripSelect })
  return toBoardRun(row!, true)
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

const boardTripSelect = {
  id: true, status: true, departureAt: true, returnAt: true, roundTrip: true, seatsTotal: true, seatsTaken: true,
  pricingMode: true, pricePerSeatTenge: true, totalCostTenge: true, minRiders: true, driverShares: true, seatPriceTenge: true,
  approvalMode: true, pickupLabel: true,
  driver: { select: { id: true, name: true, phone: true } },
  car: { select: { make: true, model: true, colour: true, plate: true } },
  originCity: { select: { nameRu: true, nameEn: true } },
  destinationCity: { select: { nameRu: true, nameEn: true } },
  checkpoint: { select: { nameRu: true, nameEn: true, countryCode: true } },
  bookings: {
    where: { status: { in: [...LIVE] } },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    select: partyViewSelect,
  },
} satisfies Prisma.TripSelect

type BoardTripRow = Prisma.TripGetPayload<{ select: typeof boardTripSelect }>

/** A run as the board shows it; `withParties: false` leaves its confirmed parties out (counts and
 * flags stay), for a busy day's page. */
function toBoardRun(trip: BoardTripRow, withParties: boolean) {
  const confirmed = trip.bookings.filter((b) => b.status === 'CONFIRMED')
  const due = amountsDue(trip, confirmed)
  const party = (b: (typeof trip.bookings)[number]) => {
    const view = toPartyView(b, due)
    return { ...view, tripId: trip.id, createdAt: view.createdAt.toISOString(), expiresAt: view.expiresAt?.toISOString() ?? null }
  }
  const seatsOf = (status: string) => trip.bookings.filter((b) => b.status === status).reduce((n, b) => n + b.seats, 0)
  const travellers = confirmed.flatMap((b) => b.travellers)
  return {
    id: trip.id,
    status: trip.status,
    nextStatuses: nextStatuses(trip),
    direction: trip.checkpoint.countryCode,
    departureAt: trip.departureAt.toISOString(),
    returnAt: trip.returnAt?.toISOString() ?? null,
    roundTrip: trip.roundTrip,
    origin: trip.originCity,
    destination: trip.destinationCity,
    checkpoint: { nameRu: trip.checkpoint.nameRu, nameEn: trip.checkpoint.nameEn },
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
    parties: withParties ? confirmed.map(party) : null,
    requests: trip.bookings.filter((b) => b.status === 'PENDING').map(party),
    waitlist: trip.bookings.filter((b) => b.status === 'WAITLISTED').map(party),
  }
}

async function loadDayBoard(group: { id: string; name: string }, date: string, version: string, options: DayBoardOptions, now: Date) {
  const groupId = group.id
  const on = dbDateFromIso(date)
  const [trips, members] = await Promise.all([
    db.trip.findMany({
      where: { groupId, departureOn: on },
      orderBy: [{ departureAt: 'asc' }, { id: 'asc' }],
      select: boardTripSelect,
    }),
    db.groupMember.findMany({
      where: { groupId, role: 'DRIVER', user: { roles: { has: 'DRIVER' } } },
      orderBy: { joinedAt: 'asc' },
      select: {
        user: {
          select: {
            id: true, name: true,
            cars: { where: { archivedAt: null }, orderBy: { createdAt: 'asc' }, select: { id: true, make: true, model: true, colour: true, plate: true, seats: true } },
          },
        },
      },
    }),
  ])

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
    drivers: members.map((m) => ({ id: m.user.id, name: m.user.name, cars: m.user.cars })),
  }
}

export type DayBoard = Awaited<ReturnType<typeof loadDayBoard>>
export type BoardRun = ReturnType<typeof toBoardRun>
export type BoardParty = NonNullable<BoardRun['parties']>[number]
