// Demo data for the coordinator day board: the demo coordinator's group with the three demo drivers,
// every demo run put into it, and an open invitation with a known code. Call it at the end of
// seedDemoData's transaction: `await seedDemoGroup(tx, users)` (users: email → id), or afterwards
// with the client alone (the accounts are then looked up by email). Idempotent: a second call
// finds the group and changes nothing.
import { dbDateFromIso, todayInKz } from '@/lib/dates/kz-date'
import type { Prisma, PrismaClient } from '@/lib/generated/prisma/client'

type Db = Prisma.TransactionClient | PrismaClient

export const DEMO_GROUP_NAME = 'Алматы — Бишкек / Шымкент — Ташкент'
/** The invitation code shown on the demo group's page (from the invite alphabet: no 0/O/1/I). */
export const DEMO_INVITE_CODE = 'DEMKZ2Q7'

const COORDINATOR = 'coordinator@poputka.kz'
const DRIVERS = ['driver@poputka.kz', 'driver2@poputka.kz', 'driver3@poputka.kz']

export async function seedDemoGroup(db: Db, ids?: ReadonlyMap<string, string>, now: Date = new Date()): Promise<{ groupId: string; runs: number } | null> {
  const emails = [COORDINATOR, ...DRIVERS]
  const found = ids ?? new Map((await db.user.findMany({ where: { email: { in: emails } }, select: { id: true, email: true } })).map((u) => [u.email, u.id]))
  const coordinatorId = found.get(COORDINATOR)
  const driverIds = DRIVERS.map((e) => found.get(e)).filter((id): id is string => Boolean(id))
  if (!coordinatorId || driverIds.length === 0) return null

  const existing = await db.group.findFirst({ where: { createdById: coordinatorId, name: DEMO_GROUP_NAME }, select: { id: true } })
  if (existing) return { groupId: existing.id, runs: 0 }

  const group = await db.group.create({ data: { name: DEMO_GROUP_NAME, createdById: coordinatorId }, select: { id: true } })
  await db.groupMember.createMany({
    data: [{ groupId: group.id, userId: coordinatorId, role: 'COORDINATOR' }, ...driverIds.map((userId) => ({ groupId: group.id, userId, role: 'DRIVER' as const }))],
  })
  await db.groupInvite.create({
    data: { groupId: group.id, code: DEMO_INVITE_CODE, createdById: coordinatorId, expiresAt: new Date(now.getTime() + 30 * 86_400_000), maxUses: 20 },
  })
  // Today's runs too, whatever stage they are in: the board shows the whole day.
  const today = dbDateFromIso(todayInKz(now))
  const runs = await db.trip.updateMany({
    where: { driverId: { in: driverIds }, groupId: null, status: { not: 'CANCELLED' }, departureOn: { gte: today } },
    data: { groupId: group.id },
  })
  return { groupId: group.id, runs: runs.count }
}
