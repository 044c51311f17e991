// Demo travel log for the demo passenger, so "My stay" shows something on first start: a Russian
// citizen (EAEU: 90 days in any 180) with earlier stays, a same-day border run and a stay going on
// now — 75 days used in the window, no overstay, and the online-registration reminder showing
// (31 days since the last entry, nothing ticked). Dates are offsets from `today`, so the picture
// is the same on any day. Idempotent: a passenger who already has their own profile is left alone.
import { addDaysIso, dbDateFromIso, type IsoDate } from '@/lib/dates/kz-date'
import type { Prisma, PrismaClient } from '@/lib/generated/prisma/client'

type Db = PrismaClient | Prisma.TransactionClient

/** [entry offset, exit offset or null] from today; the open stay is the current one. */
export const DEMO_STAYS: readonly (readonly [number, number | null])[] = [
  [-200, -171], // 30 days; only the last 9 are still inside the window (it starts today−179)
  [-130, -111], // 20 days
  [-45, -31], // 15 days, ended by a same-day run to Bishkek on today−31…
  [-31, null], // …and back the same day: that date counts once; in Kazakhstan since
]

export async function seedDemoTravelLog(db: Db, passengerUserId: string, today: IsoDate): Promise<{ travellerId: string; created: boolean }> {
  const existing = await db.traveller.findFirst({ where: { accountId: passengerUserId, isSelf: true }, select: { id: true } })
  if (existing) return { travellerId: existing.id, created: false }
  const user = await db.user.findUniqueOrThrow({ where: { id: passengerUserId }, select: { name: true } })
  const traveller = await db.traveller.create({
    data: { accountId: passengerUserId, isSelf: true, name: user.name, citizenship: 'RU' },
    select: { id: true },
  })
  await db.stay.createMany({
    data: DEMO_STAYS.map(([entry, exit]) => ({
      travellerId: traveller.id,
      entryOn: dbDateFromIso(addDaysIso(today, entry)),
      exitOn: exit === null ? null : dbDateFromIso(addDaysIso(today, exit)),
      source: 'MANUAL' as const,
    })),
  })
  return { travellerId: traveller.id, created: true }
}
