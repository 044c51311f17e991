import { expect, test } from 'vitest'
import { db } from '@/lib/db'
import { createDriver, createTrip, createUser } from '@/lib/testing/factories'
import { DEMO_INVITE_CODE, seedDemoGroup } from './seed-demo-group'

test('seedDemoGroup: the coordinator’s group with the drivers, their upcoming runs and an invitation; once', async () => {
  const coordinator = await createUser({ roles: ['PASSENGER', 'COORDINATOR'] })
  const drivers = await Promise.all([createDriver(), createDriver(), createDriver()])
  for (const d of drivers) await createTrip({ driverId: d.driver.id, carId: d.car.id })
  const ids = new Map([
    ['coordinator@poputka.kz', coordinator.id],
    ['driver@poputka.kz', drivers[0].driver.id],
    ['driver2@poputka.kz', drivers[1].driver.id],
    ['driver3@poputka.kz', drivers[2].driver.id],
  ])
  await db.groupInvite.deleteMany({ where: { code: DEMO_INVITE_CODE } })
  const seeded = await seedDemoGroup(db, ids)
  expect(seeded).toEqual({ groupId: expect.any(String), runs: 3 })
  expect(await db.groupMember.count({ where: { groupId: seeded!.groupId } })).toBe(4)
  expect(await db.groupInvite.count({ where: { groupId: seeded!.groupId, code: DEMO_INVITE_CODE } })).toBe(1)
  expect(await seedDemoGroup(db, ids)).toEqual({ groupId: seeded!.groupId, runs: 0 })
})
