// The day board: every run of a group on one Kazakhstan date, by direction and departure time, with
// capacity, status, each party's legal VERDICT (ok / warn / blocked — never the stays, documents or
// reasons behind it) and payment state, and the day's unassigned demand (waitlisted parties and
// requests waiting for approval). Also the board's `version`, for polling clients (ETag / 304).
import type { Actor } from '@/lib/auth/permissions'
import { amountsDue } from '@/lib/bookings/amounts-due'
import { expireRequests } from '@/lib/bookings/expire-requests'
import { dbDateFromIso, todayInKz } from '@/lib/dates/kz-date'
import { db } from '@/lib/db'
import { directionOrder } from '@/lib/dispatch/board-scope'
import { requireGroupCoordinator } from '@/lib/dispatch/group-access'
import { partyViewSelect, toPartyView } from '@/lib/trips/party-view'
import { nextStatuses } from '@/lib/trips/trip-status'
import { formatPhone } from '@/lib/phone'

const LIVE = ['PENDING', 'CONFIRMED', 'WAITLISTED'] as const

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

export async function getDayBoard(actor: Actor, groupId: string, date: string, now: Date = new Date()) {
  const group = await requireGroupCoordinator(db, actor, groupId)
  const on = dbDateFromIso(date)
  // Requests nobody answered in time lapse before anyone looks at them (their seats go back).
  const lapsed = await db.booking.findMany({
    where: { status: 'PENDING', expiresAt: { lte: now }, trip: { groupId, departureOn: on } },
    distinct: ['tripId'],
    select: { tripId: true },
  })
  for (const { tripId } of lapsed) await expireRequests({ tripId, now })

  const version = await boardVersion(groupId, date)
  const [trips, members] = await Promise.all([
    db.trip.findMany({
      where: { groupId, departureOn: on },
      orderBy: [{ departureAt: 'asc' }, { id: 'asc' }],
      select: {
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
      },
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

  const runs = trips.map((trip) => {
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
      parties: confirmed.map(party),
      requests: trip.bookings.filter((b) => b.status === 'PENDING').map(party),
      waitlist: trip.bookings.filter((b) => b.status === 'WAITLISTED').map(party),
    }
  })
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
      travellers: live.reduce((n, r) => n + r.parties.reduce((m, p) => m + p.travellers.length, 0), 0),
      boarded: live.reduce((n, r) => n + r.boarded, 0),
      noShows: live.reduce((n, r) => n + r.noShows, 0),
    },
    drivers: members.map((m) => ({ id: m.user.id, name: m.user.name, cars: m.user.cars })),
  }
}

export type DayBoard = Awaited<ReturnType<typeof getDayBoard>>
export type BoardRun = DayBoard['directions'][number]['runs'][number]
export type BoardParty = BoardRun['parties'][number]
