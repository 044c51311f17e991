// The demo seed puts runs on today's board whatever the hour it runs at (issue 14: "on a fresh
// start the coordinator's board for today was empty"). Each case seeds a throwaway database.
import { PrismaPg } from '@prisma/adapter-pg'
import { afterEach, describe, expect, inject, test } from 'vitest'
import { addDaysIso, dbDateFromIso, kzInstant, todayInKz } from '@/lib/dates/kz-date'
import { PrismaClient } from '@/lib/generated/prisma/client'
import { runMigrations } from '@/lib/migrations/run-migrations'
import { createScratchDatabase, type ScratchDatabase } from '@/lib/migrations/scratch-database'
import { demoRunStatus, seedDemoData, seedReferenceData } from './seed'

const adminUrl = inject('adminDatabaseUrl')
const cleanup: (() => Promise<void>)[] = []
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step()
})

async function seededAt(now: Date): Promise<PrismaClient> {
  const scratch: ScratchDatabase = await createScratchDatabase(adminUrl, 'seed')
  cleanup.push(scratch.drop)
  await runMigrations(scratch.url)
  const client = new PrismaClient({ adapter: new PrismaPg({ connectionString: scratch.url, max: 2 }) })
  cleanup.push(() => client.$disconnect())
  await seedReferenceData(client)
  await seedDemoData(client, now)
  return client
}

describe('seedDemoData', () => {
  // Today's date from the real clock, the hour fixed: the same verdict on any day.
  const today = todayInKz()
  test.each([
    { label: 'at 06:00, before every run', time: '06:00', stages: ['SCHEDULED', 'SCHEDULED', 'SCHEDULED'] },
    { label: 'at 23:30, after every run', time: '23:30', stages: ['COMPLETED', 'COMPLETED', 'COMPLETED'] },
  ])('$label: the coordinator’s group has today’s three runs on its board', async ({ time, stages }) => {
    const now = kzInstant(today, time)
    const client = await seededAt(now)
    const group = await client.group.findFirstOrThrow({ where: { members: { some: { user: { email: 'coordinator@poputka.kz' } } } }, select: { id: true } })
    const todays = await client.trip.findMany({ where: { groupId: group.id, departureOn: dbDateFromIso(today) }, select: { status: true }, orderBy: { departureAt: 'asc' } })
    expect(todays.map((t) => t.status)).toEqual(stages)
    // …and the coming week is there too, bookable.
    const tomorrow = await client.trip.count({ where: { groupId: group.id, departureOn: dbDateFromIso(addDaysIso(today, 1)), status: 'SCHEDULED' } })
    expect(tomorrow).toBe(3)
  })
})

describe('demoRunStatus', () => {
  const at = (hhmm: string) => kzInstant('2026-12-03', hhmm)
  test.each([
    { label: 'before departure', now: '06:59', returnAt: '19:00', expected: 'SCHEDULED' },
    { label: 'in the first half hour', now: '07:10', returnAt: '19:00', expected: 'BOARDING' },
    { label: 'on the road', now: '08:00', returnAt: '19:00', expected: 'DEPARTED' },
    { label: 'waiting at the border', now: '12:00', returnAt: '19:00', expected: 'AT_BORDER' },
    { label: 'back after the return', now: '19:00', returnAt: '19:00', expected: 'COMPLETED' },
    { label: 'one way, four hours on', now: '11:00', returnAt: null, expected: 'COMPLETED' },
  ])('$label: $expected', ({ now, returnAt, expected }) => {
    expect(demoRunStatus(at('07:00'), returnAt ? at(returnAt) : null, at(now))).toBe(expected)
  })
})
