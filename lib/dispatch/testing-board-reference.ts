// The day board as it was built before it was read with one SQL statement (Prisma's nested
// selects, mapped object by object): the slow, obviously-correct reference the board's tests compare
// the SQL builder with, byte for byte. Test code only.
import { amountsDue } from '@/lib/bookings/amounts-due'
import { dbDateFromIso, todayInKz } from '@/lib/dates/kz-date'
import { db } from '@/lib/db'
import { directionOrder } from '@/lib/dispatch/board-scope'
import { INLINE_PARTIES_UP_TO, type DayBoardOptions } from '@/lib/dispatch/get-day-board'
import type { Prisma } from '@/lib/generated/prisma/client'
import { formatPhone } from '@/lib/phone'
import { partyViewSelect, toPartyView } from '@/lib/trips/party-view'
import { nextStatuses } from '@/lib/trips/trip-status'

const LIVE = ['PENDING', 'CONFIRMED', 'WAITLISTED'] as const

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
function referenceRun(trip: BoardTripRow, withParties: boolean) {
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

export async function referenceDayBoard(group: { id: string; name: string }, date: string, version: string, options: DayBoardOptions, now: Date) {
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
  const runs = trips.map((trip) => referenceRun(trip, inline))
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

/** One run with all its parties, as getBoardRun built it. */
export async function referenceBoardRun(tripId: string) {
  const [row] = await db.trip.findMany({ where: { id: tripId }, select: boardTripSelect })
  return referenceRun(row!, true)
}
