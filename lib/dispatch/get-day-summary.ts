// The day in figures, per run and in total: seats offered and sold, fill rate, check-ins and
// no-shows, and the money: what confirmed parties owe, by payment state (owed → paid → confirmed,
// or disputed). Cancelled runs are listed but offer no seats.
import type { Actor } from '@/lib/auth/permissions'
import { amountsDue } from '@/lib/bookings/amounts-due'
import { dbDateFromIso } from '@/lib/dates/kz-date'
import { db } from '@/lib/db'
import { directionOrder } from '@/lib/dispatch/board-scope'
import { requireGroupCoordinator } from '@/lib/dispatch/group-access'

export type Money = { owedTenge: number; paidTenge: number; confirmedTenge: number; disputedTenge: number; totalTenge: number }

const noMoney = (): Money => ({ owedTenge: 0, paidTenge: 0, confirmedTenge: 0, disputedTenge: 0, totalTenge: 0 })

/** Sold seats over offered seats, as a whole percentage (0 when nothing was offered). */
export function fillRate(sold: number, offered: number): number {
  return offered === 0 ? 0 : Math.round((sold / offered) * 100)
}

export async function getDaySummary(actor: Actor, groupId: string, date: string) {
  const group = await requireGroupCoordinator(db, actor, groupId)
  const trips = await db.trip.findMany({
    where: { groupId, departureOn: dbDateFromIso(date) },
    orderBy: [{ departureAt: 'asc' }, { id: 'asc' }],
    select: {
      id: true, status: true, departureAt: true, seatsTotal: true,
      pricingMode: true, pricePerSeatTenge: true, totalCostTenge: true, minRiders: true, driverShares: true,
      driver: { select: { name: true } },
      destinationCity: { select: { nameRu: true, nameEn: true } },
      checkpoint: { select: { countryCode: true } },
      bookings: {
        where: { status: 'CONFIRMED' },
        select: { id: true, seats: true, capTenge: true, createdAt: true, paymentState: true, travellers: { select: { boarding: true } } },
      },
    },
  })
  const runs = trips
    .map((trip) => {
      const cancelled = trip.status === 'CANCELLED'
      const due = amountsDue(trip, trip.bookings)
      const money = noMoney()
      for (const b of trip.bookings) {
        const amount = due.get(b.id) ?? 0
        money.totalTenge += amount
        if (b.paymentState === 'OWED') money.owedTenge += amount
        else if (b.paymentState === 'PAID') money.paidTenge += amount
        else if (b.paymentState === 'CONFIRMED') money.confirmedTenge += amount
        else money.disputedTenge += amount
      }
      const travellers = trip.bookings.flatMap((b) => b.travellers)
      const seatsOffered = cancelled ? 0 : trip.seatsTotal
      const seatsSold = cancelled ? 0 : trip.bookings.reduce((n, b) => n + b.seats, 0)
      return {
        id: trip.id,
        status: trip.status,
        direction: trip.checkpoint.countryCode,
        departureAt: trip.departureAt.toISOString(),
        driverName: trip.driver.name,
        destination: trip.destinationCity,
        seatsOffered,
        seatsSold,
        fillRate: fillRate(seatsSold, seatsOffered),
        boarded: travellers.filter((t) => t.boarding === 'BOARDED').length,
        noShows: travellers.filter((t) => t.boarding === 'NO_SHOW').length,
        money,
      }
    })
    .sort((a, b) => directionOrder(a.direction) - directionOrder(b.direction) || a.departureAt.localeCompare(b.departureAt) || a.id.localeCompare(b.id))

  const totals = { runs: 0, cancelledRuns: 0, seatsOffered: 0, seatsSold: 0, fillRate: 0, boarded: 0, noShows: 0, money: noMoney() }
  for (const run of runs) {
    if (run.status === 'CANCELLED') totals.cancelledRuns++
    else totals.runs++
    totals.seatsOffered += run.seatsOffered
    totals.seatsSold += run.seatsSold
    totals.boarded += run.boarded
    totals.noShows += run.noShows
    for (const key of Object.keys(totals.money) as (keyof Money)[]) totals.money[key] += run.money[key]
  }
  totals.fillRate = fillRate(totals.seatsSold, totals.seatsOffered)
  return { group, date, runs, totals }
}

export type DaySummary = Awaited<ReturnType<typeof getDaySummary>>
