import { randomUUID } from 'node:crypto'
import { hasRole, type Actor } from '@/lib/auth/permissions'
import { addDaysIso, dbDateFromIso, kzInstant, todayInKz } from '@/lib/dates/kz-date'
import { db } from '@/lib/db'
import { formatTime } from '@/lib/format'
import { writeAudit } from '@/lib/dispatch/audit'
import { requireGroupCoordinator } from '@/lib/dispatch/group-access'
import { AppError } from '@/lib/errors'
import type { Prisma } from '@/lib/generated/prisma/client'
import { sharedCostCapPerSeat } from '@/lib/money/split-shared-cost'
import { assertCheckpointOpen, checkpointPeriods, resolvePickup, resolveRoute, type ResolvedPickup } from '@/lib/trips/resolve-route'
import { availabilityOn } from '@/lib/trips/checkpoint-status'
import type { PublishTripInput } from '@/lib/trips/trip-input'

type Tx = Prisma.TransactionClient

/** Runs can be published up to this many days ahead; a series creates its runs this far ahead. */
export const MAX_DAYS_AHEAD = 90
export const SERIES_HORIZON_DAYS = 14

export type PublishedTrips = { tripIds: string[]; seriesId: string | null; skippedDates: string[] }

/** The price of one seat at most: the per-seat price, or the shared-cost cap per seat. */
export function seatPriceOf(p: { pricingMode: 'PER_SEAT' | 'SHARED_COST'; pricePerSeatTenge?: number | null; totalCostTenge?: number | null; minRiders: number; driverShares: boolean }): number {
  return p.pricingMode === 'PER_SEAT'
    ? p.pricePerSeatTenge!
    : sharedCostCapPerSeat({ totalTenge: p.totalCostTenge!, minRiders: p.minRiders, driverShares: p.driverShares })
}

/** The dated columns of one run of `input` departing on `on` (the return keeps its day offset). */
function datedColumns(input: PublishTripInput, on: string) {
  const offset = input.roundTrip ? Math.round((Date.parse(input.returnOn!) - Date.parse(input.departureOn)) / 86_400_000) : 0
  const returnOn = input.roundTrip ? addDaysIso(on, offset) : null
  return {
    departureAt: kzInstant(on, input.departureTime),
    departureOn: dbDateFromIso(on),
    returnAt: returnOn ? kzInstant(returnOn, input.returnTime!) : null,
    returnOn: returnOn ? dbDateFromIso(returnOn) : null,
    returnOnIso: returnOn,
  }
}

/** A one-way run keeps its car this long (to the border and back empty, or on to the city). */
const ONE_WAY_HOURS = 8

/**
 * One car is on one run at a time: a run whose time (departure to return, or eight hours one way)
 * overlaps another live run of the same car is refused. The car's row is locked first, so two
 * publishes of the same car at once cannot both pass the check.
 */
async function assertCarFree(tx: Prisma.TransactionClient, carId: string, departureAt: Date, returnAt: Date | null): Promise<void> {
  const end = (start: Date, back: Date | null) => back ?? new Date(start.getTime() + ONE_WAY_HOURS * 3_600_000)
  await tx.$queryRaw`SELECT id FROM cars WHERE id = ${carId}::uuid FOR UPDATE`
  const candidates = await tx.trip.findMany({
    where: {
      carId,
      status: { notIn: ['CANCELLED', 'COMPLETED'] },
      departureAt: { lt: end(departureAt, returnAt), gt: new Date(departureAt.getTime() - 4 * 86_400_000) },
    },
    select: { departureAt: true, returnAt: true },
  })
  const clash = candidates.find((t) => end(t.departureAt, t.returnAt) > departureAt)
  if (clash) {
    throw new AppError('VALIDATION', { fields: { departureTime: [{ key: 'validation.carBusy', params: { on: todayInKz(clash.departureAt), time: formatTime('ru', clash.departureAt) } }] } })
  }
}

export async function publishTrip(actor: Actor, input: PublishTripInput, now: Date = new Date()): Promise<PublishedTrips> {
  return publishTripFor(actor, actor.id, input, now)
}

/**
 * Publishes a run driven by `driverId`: the actor themself (a driver, optionally into a group they
 * belong to), or a driver of a group the actor coordinates (the day board's "open a run"). The car
 * must be the driver's; a run opened for someone else is audited in the group's log.
 */
export async function publishTripFor(
  actor: Actor,
  driverId: string,
  input: PublishTripInput & { groupId?: string | null },
  now: Date = new Date(),
): Promise<PublishedTrips> {
  const groupId = input.groupId ?? null
  if (driverId === actor.id ? !hasRole(actor, 'DRIVER') : !groupId) throw new AppError('FORBIDDEN', { params: {} })
  const today = todayInKz(now)
  if (input.departureOn > addDaysIso(today, MAX_DAYS_AHEAD)) {
    throw new AppError('VALIDATION', { fields: { departureOn: [{ key: 'validation.tooFarAhead', params: { days: MAX_DAYS_AHEAD } }] } })
  }
  if (kzInstant(input.departureOn, input.departureTime).getTime() <= now.getTime() + 15 * 60_000) {
    throw new AppError('VALIDATION', { fields: { departureTime: [{ key: 'validation.departureInFuture' }] } })
  }

  return db.$transaction(async (tx) => {
    if (groupId) await assertMayPublishInGroup(tx, actor, driverId, groupId)
    const car = await tx.car.findFirst({ where: { id: input.carId, ownerId: driverId, archivedAt: null }, select: { id: true, seats: true } })
    if (!car) throw new AppError('VALIDATION', { fields: { carId: [{ key: 'validation.carNotYours' }] } })
    if (input.seatsTotal > car.seats) {
      throw new AppError('VALIDATION', { fields: { seatsTotal: [{ key: 'validation.seatsAboveCar', params: { max: car.seats } }] } })
    }
    await resolveRoute(tx, input)
    const pickup = await resolvePickup(tx, input.originCityId, input.pickup)
    const first = datedColumns(input, input.departureOn)
    await assertCheckpointOpen(tx, input.checkpointId, first.returnOnIso ? [input.departureOn, first.returnOnIso] : [input.departureOn])

    const common = { ...commonColumns(driverId, car.id, input, pickup), groupId }

    if (!input.repeat) {
      const { returnOnIso: _r, ...dated } = first
      await assertCarFree(tx, car.id, dated.departureAt, dated.returnAt)
      const trip = await tx.trip.create({ data: { ...common, ...dated }, select: { id: true } })
      if (groupId) {
        await writeAudit(tx, {
          groupId, actorId: actor.id, action: 'trip.open', entityType: 'trip', entityId: trip.id,
          after: { driverId, carId: car.id, departureOn: input.departureOn, departureTime: input.departureTime, seatsTotal: input.seatsTotal },
        })
      }
      return { tripIds: [trip.id], seriesId: null, skippedDates: [] }
    }

    const seriesId = randomUUID()
    const horizon = minIso(input.repeat.untilOn ?? addDaysIso(input.departureOn, 365), addDaysIso(today, SERIES_HORIZON_DAYS))
    await tx.tripSeries.create({
      data: {
        id: seriesId,
        driverId,
        template: { ...input, repeat: undefined, groupId: undefined } as Prisma.InputJsonValue,
        weekdays: [...new Set(input.repeat.weekdays)].sort(),
        departureTime: input.departureTime,
        returnTime: input.roundTrip ? input.returnTime! : null,
        startsOn: dbDateFromIso(input.departureOn),
        endsOn: input.repeat.untilOn ? dbDateFromIso(input.repeat.untilOn) : null,
        generatedThrough: dbDateFromIso(horizon),
      },
    })
    const result = await createSeriesRuns(tx, { ...common, seriesId }, input, input.departureOn, horizon, input.repeat.weekdays)
    if (result.tripIds.length === 0) {
      throw new AppError('VALIDATION', { fields: { repeat: [{ key: 'validation.seriesHasNoRuns' }] } })
    }
    return { ...result, seriesId }
  })
}

/** The columns every run of `input` shares, whatever its date. */
export function commonColumns(driverId: string, carId: string, input: PublishTripInput, pickup: ResolvedPickup): Omit<Prisma.TripUncheckedCreateInput, 'departureAt' | 'departureOn'> {
  const minRiders = input.pricingMode === 'SHARED_COST' ? (input.minRiders ?? Math.ceil(input.seatsTotal / 2)) : 1
  return {
    driverId,
    carId,
    originCityId: input.originCityId,
    ...pickup,
    checkpointId: input.checkpointId,
    destinationCityId: input.destinationCityId,
    roundTrip: input.roundTrip,
    seatsTotal: input.seatsTotal,
    pricingMode: input.pricingMode,
    pricePerSeatTenge: input.pricingMode === 'PER_SEAT' ? input.pricePerSeatTenge! : null,
    totalCostTenge: input.pricingMode === 'SHARED_COST' ? input.totalCostTenge! : null,
    driverShares: input.pricingMode === 'SHARED_COST' ? input.driverShares : false,
    minRiders,
    seatPriceTenge: seatPriceOf({ ...input, minRiders }),
    approvalMode: input.approvalMode,
    requestTtlHours: input.approvalMode === 'MANUAL' ? input.requestTtlHours! : null,
    notes: input.notes,
  }
}

/** Publishing into a group: the driver must be one of its members, and someone publishing for
 * another driver must coordinate the group (another group's is not revealed: NOT_FOUND). */
async function assertMayPublishInGroup(tx: Tx, actor: Actor, driverId: string, groupId: string): Promise<void> {
  if (driverId !== actor.id) await requireGroupCoordinator(tx, actor, groupId)
  const member = await tx.groupMember.findUnique({ where: { groupId_userId: { groupId, userId: driverId } }, select: { role: true } })
  const driver = await tx.user.findUnique({ where: { id: driverId }, select: { roles: true } })
  if (!member) {
    if (driverId === actor.id) throw new AppError('NOT_FOUND')
    throw new AppError('VALIDATION', { fields: { driverId: [{ key: 'validation.notGroupDriver' }] } })
  }
  if (!driver || !driver.roles.includes('DRIVER')) throw new AppError('VALIDATION', { fields: { driverId: [{ key: 'validation.notGroupDriver' }] } })
}

function minIso(a: string, b: string): string {
  return a < b ? a : b
}

/** ISO weekday 1 (Monday) … 7 (Sunday) of a calendar date. */
export function isoWeekday(on: string): number {
  const day = new Date(`${on}T00:00:00Z`).getUTCDay()
  return day === 0 ? 7 : day
}

/** Creates the series' runs on its weekdays in [fromOn, throughOn]; dates the checkpoint is closed
 * are skipped (and reported), dates that already have a run are left alone. */
export async function createSeriesRuns(
  tx: Tx,
  common: Omit<Prisma.TripUncheckedCreateInput, 'departureAt' | 'departureOn'>,
  input: PublishTripInput,
  fromOn: string,
  throughOn: string,
  weekdays: number[],
): Promise<{ tripIds: string[]; skippedDates: string[] }> {
  const periods = await checkpointPeriods(tx, input.checkpointId)
  const rows: Prisma.TripCreateManyInput[] = []
  const skippedDates: string[] = []
  for (let on = fromOn; on <= throughOn; on = addDaysIso(on, 1)) {
    if (!weekdays.includes(isoWeekday(on))) continue
    const { returnOnIso, ...dated } = datedColumns(input, on)
    if (!availabilityOn(periods, on).open || (returnOnIso && !availabilityOn(periods, returnOnIso).open)) {
      skippedDates.push(on)
      continue
    }
    if (dated.departureAt.getTime() <= Date.now()) continue
    rows.push({ ...common, ...dated } as Prisma.TripCreateManyInput)
  }
  const created = await tx.trip.createManyAndReturn({ data: rows, skipDuplicates: true, select: { id: true } })
  return { tripIds: created.map((t) => t.id), skippedDates }
}
