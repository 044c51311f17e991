import { expect, test } from 'vitest'
import { db } from '@/lib/db'
import { createUser } from '@/lib/testing/factories'
import { seedDemoTravelLog } from '@/prisma/seed-travel-log'
import { getStayStatus } from './get-stay-status'

test('the demo passenger gets a Russian self profile with 75 days used and the registration reminder; seeding twice adds nothing', async () => {
  const passenger = await createUser({ name: 'Анна Смирнова' })
  const today = '2026-11-25'
  const first = await seedDemoTravelLog(db, passenger.id, today)
  expect(first.created).toBe(true)
  const status = await getStayStatus(passenger, first.travellerId, today)
  expect(status.traveller).toMatchObject({ name: 'Анна Смирнова', citizenship: 'RU', isSelf: true })
  expect(status.assessment).toMatchObject({ daysUsed: 75, daysRemaining: 15, overstayDays: 0, latestLegalExit: '2026-12-19' })
  expect(status.registration).not.toBeNull()
  expect(await seedDemoTravelLog(db, passenger.id, today)).toEqual({ travellerId: first.travellerId, created: false })
  expect(await db.stay.count({ where: { travellerId: first.travellerId } })).toBe(4)
})
