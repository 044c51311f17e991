// Recurring runs are created SERIES_HORIZON_DAYS ahead; this keeps every active series topped up
// as days pass (run by the background job and after a driver publishes).
import { addDaysIso, dbDateFromIso, isoFromDbDate, todayInKz } from '@/lib/dates/kz-date'
import { db } from '@/lib/db'
import type { Prisma } from '@/lib/generated/prisma/client'
import { log } from '@/lib/log'
import { commonColumns, createSeriesRuns, SERIES_HORIZON_DAYS } from '@/lib/trips/publish-trip'
import { resolvePickup } from '@/lib/trips/resolve-route'
import { tripFieldsSchema } from '@/lib/trips/trip-input'

export async function extendSeries(now: Date = new Date()): Promise<number> {
  const today = todayInKz(now)
  const horizon = addDaysIso(today, SERIES_HORIZON_DAYS)
  const series = await db.tripSeries.findMany({
    // A suspended driver's series make no new runs (they resume if the suspension is lifted).
    where: { cancelledAt: null, generatedThrough: { lt: dbDateFromIso(horizon) }, OR: [{ endsOn: null }, { endsOn: { gte: dbDateFromIso(today) } }], driver: { suspendedAt: null } },
    select: { id: true, driverId: true, template: true, weekdays: true, endsOn: true, generatedThrough: true },
  })
  let created = 0
  for (const s of series) {
    const parsed = tripFieldsSchema.safeParse(s.template)
    if (!parsed.success) {
      log.warn('series template no longer valid; skipped', { seriesId: s.id })
      continue
    }
    const input = parsed.data
    const from = addDaysIso(isoFromDbDate(s.generatedThrough), 1)
    const through = s.endsOn && isoFromDbDate(s.endsOn) < horizon ? isoFromDbDate(s.endsOn) : horizon
    if (from > through) continue
    await db.$transaction(async (tx) => {
      const car = await tx.car.findFirst({ where: { id: input.carId, ownerId: s.driverId, archivedAt: null }, select: { id: true } })
      if (!car) return
      const pickup = await resolvePickup(tx, input.originCityId, input.pickup)
      const groupId = await currentSeriesGroup(tx, s.id, s.driverId)
      const result = await createSeriesRuns(tx, { ...commonColumns(s.driverId, car.id, input, pickup), seriesId: s.id, groupId }, input, from, through, s.weekdays)
      created += result.tripIds.length
      await tx.tripSeries.update({ where: { id: s.id }, data: { generatedThrough: dbDateFromIso(through) } })
    })
  }
  return created
}

/**
 * New dates of a series join the coordinator group its latest run is in (a driver who put the
 * series' runs into a group, or a series opened on the board, keeps them on that group's board) —
 * as long as the driver is still a member of it.
 */
async function currentSeriesGroup(tx: Prisma.TransactionClient, seriesId: string, driverId: string): Promise<string | null> {
  const latest = await tx.trip.findFirst({ where: { seriesId }, orderBy: { departureOn: 'desc' }, select: { groupId: true } })
  if (!latest?.groupId) return null
  const member = await tx.groupMember.findUnique({ where: { groupId_userId: { groupId: latest.groupId, userId: driverId } }, select: { role: true } })
  return member ? latest.groupId : null
}
