import { describe, expect, test } from 'vitest'
import { ZodError } from 'zod'
import { db } from '@/lib/db'
import { AppError } from '@/lib/errors'
import { createDriver, createGroup as createGroupRows, createTrip, createUser } from '@/lib/testing/factories'
import { assignTripToGroup } from './assign-trip-to-group'
import { createGroup } from './create-group'
import { createInvite } from './create-invite'
import { getGroup } from './get-group'
import { joinGroup } from './join-group'
import { leaveGroup } from './leave-group'
import { listMyGroups } from './list-my-groups'
import { removeMember } from './remove-member'
import { revokeInvite } from './revoke-invite'

const codeOf = (p: Promise<unknown>) => p.then(() => 'ok', (e: unknown) => (e instanceof AppError ? e.code : e instanceof ZodError ? 'ZodError' : String(e)))

describe('createGroup', () => {
  test('a coordinator creates a group and is its first coordinator; the creation is audited', async () => {
    const coordinator = await createUser({ roles: ['PASSENGER', 'COORDINATOR'] })
    const group = await createGroup(coordinator, { name: 'Алматы — Бишкек, утро' })
    expect(await listMyGroups(coordinator)).toEqual([expect.objectContaining({ id: group.id, name: 'Алматы — Бишкек, утро', role: 'COORDINATOR', drivers: 0, coordinators: 1 })])
    expect(await db.auditEntry.count({ where: { groupId: group.id, action: 'group.create' } })).toBe(1)
  })

  test('a driver without the coordinator role cannot create a group', async () => {
    const { driver } = await createDriver()
    expect(await codeOf(createGroup(driver, { name: 'Моя группа' }))).toBe('FORBIDDEN')
  })
})

describe('joinGroup', () => {
  async function setup(invite: { expiresInHours?: number; maxUses?: number } = {}) {
    const { coordinator, group } = await createGroupRows({ drivers: 0 })
    const created = await createInvite(coordinator, group.id, invite)
    return { coordinator, group, invite: created }
  }

  test('a driver with a car joins with the code (spaces, dashes and lower case tolerated); the use is counted', async () => {
    const { group, invite, coordinator } = await setup()
    const { driver } = await createDriver()
    const typed = `${invite.code.slice(0, 4).toLowerCase()}-${invite.code.slice(4)} `
    expect(await joinGroup(driver, { code: typed })).toEqual({ groupId: group.id, groupName: group.name, alreadyMember: false })
    expect(await db.groupInvite.findUniqueOrThrow({ where: { id: invite.id }, select: { uses: true } })).toEqual({ uses: 1 })
    expect((await listMyGroups(driver))[0]).toMatchObject({ id: group.id, role: 'DRIVER' })
    // Joining again changes nothing and spends no use.
    expect(await joinGroup(driver, { code: invite.code })).toMatchObject({ alreadyMember: true })
    expect(await db.groupInvite.findUniqueOrThrow({ where: { id: invite.id }, select: { uses: true } })).toEqual({ uses: 1 })
    const view = await getGroup(coordinator, group.id)
    expect(view.view === 'coordinator' && view.members.map((m) => m.role).sort()).toEqual(['COORDINATOR', 'DRIVER'])
    expect(await db.auditEntry.count({ where: { groupId: group.id, action: 'group.join', actorId: driver.id } })).toBe(1)
  })

  test.each([
    { label: 'a passenger (no car, no driver role)', make: () => createUser({ roles: ['PASSENGER'] }), code: 'GROUP_NEEDS_DRIVER' },
    { label: 'a driver whose cars are all archived', make: async () => { const d = await createDriver(); await db.car.updateMany({ where: { ownerId: d.driver.id }, data: { archivedAt: new Date() } }); return d.driver }, code: 'GROUP_NEEDS_DRIVER' },
    { label: 'a coordinator without a car', make: () => createUser({ roles: ['PASSENGER', 'COORDINATOR'] }), code: 'GROUP_NEEDS_DRIVER' },
  ])('$label is refused clearly', async ({ make, code }) => {
    const { invite } = await setup()
    expect(await codeOf(joinGroup(await make(), { code: invite.code }))).toBe(code)
    expect(await db.groupInvite.findUniqueOrThrow({ where: { id: invite.id }, select: { uses: true } })).toEqual({ uses: 0 })
  })

  test('an expired code is refused', async () => {
    const { invite } = await setup({ expiresInHours: 1 })
    const { driver } = await createDriver()
    expect(await codeOf(joinGroup(driver, { code: invite.code }, new Date(Date.now() + 2 * 3_600_000)))).toBe('INVITE_EXPIRED')
  })

  test('a revoked code reads like a wrong one', async () => {
    const { invite, coordinator, group } = await setup()
    await revokeInvite(coordinator, group.id, invite.id)
    const { driver } = await createDriver()
    expect(await codeOf(joinGroup(driver, { code: invite.code }))).toBe('INVITE_INVALID')
    expect(await codeOf(joinGroup(driver, { code: 'ZZZZZZZZ' }))).toBe('INVITE_INVALID')
  })

  test('a used-up code admits exactly its number of drivers, also when they try at once', async () => {
    const { invite, group } = await setup({ maxUses: 2 })
    const drivers = await Promise.all([1, 2, 3, 4].map(() => createDriver()))
    const outcomes = await Promise.all(drivers.map((d) => codeOf(joinGroup(d.driver, { code: invite.code }))))
    expect(outcomes.filter((o) => o === 'ok')).toHaveLength(2)
    expect(outcomes.filter((o) => o === 'INVITE_USED_UP')).toHaveLength(2)
    expect(await db.groupMember.count({ where: { groupId: group.id, role: 'DRIVER' } })).toBe(2)
    expect(await db.groupInvite.findUniqueOrThrow({ where: { id: invite.id }, select: { uses: true } })).toEqual({ uses: 2 })
  })

  test('a malformed code is a validation error', async () => {
    const { driver } = await createDriver()
    expect(await codeOf(joinGroup(driver, { code: '<script>' }))).toBe('ZodError')
  })
})

describe('invites', () => {
  test('only the group’s coordinators create and revoke invites', async () => {
    const { group, drivers } = await createGroupRows({ drivers: 1 })
    const stranger = await createGroupRows({ drivers: 0 })
    expect(await codeOf(createInvite(stranger.coordinator, group.id, {}))).toBe('NOT_FOUND')
    expect(await codeOf(createInvite(drivers[0]!.driver, group.id, {}))).toBe('NOT_FOUND')
  })

  test('codes are 8 characters without look-alikes, valid a week by default', async () => {
    const { coordinator, group } = await createGroupRows({ drivers: 0 })
    const now = new Date()
    const invite = await createInvite(coordinator, group.id, {}, now)
    expect(invite.code).toMatch(/^[ABCDEFGHJKMNPQRSTUVWXYZ2-9]{8}$/)
    expect(invite.expiresAt.getTime() - now.getTime()).toBe(7 * 24 * 3_600_000)
    expect(invite.maxUses).toBe(10)
  })
})

describe('leaving and removing', () => {
  test('a driver leaves: their upcoming runs leave the group with them, past records stay', async () => {
    const { group, drivers, coordinator } = await createGroupRows({ drivers: 1 })
    const d = drivers[0]!
    const upcoming = await createTrip({ driverId: d.driver.id, carId: d.car.id, groupId: group.id })
    await leaveGroup(d.driver, group.id)
    expect(await db.trip.findUniqueOrThrow({ where: { id: upcoming.id }, select: { groupId: true } })).toEqual({ groupId: null })
    expect(await listMyGroups(d.driver)).toEqual([])
    expect(await codeOf(getGroup(d.driver, group.id))).toBe('NOT_FOUND')
    const entry = await db.auditEntry.findFirstOrThrow({ where: { groupId: group.id, action: 'group.leave' } })
    expect(entry).toMatchObject({ actorId: d.driver.id, after: { runsLeftGroup: 1 } })
    expect(await codeOf(leaveGroup(coordinator, group.id))).toBe('LAST_COORDINATOR')
  })

  test('a coordinator removes a driver; a driver cannot remove anyone; another group’s coordinator is not let in', async () => {
    const { group, drivers, coordinator } = await createGroupRows({ drivers: 2 })
    const stranger = await createGroupRows({ drivers: 0 })
    expect(await codeOf(removeMember(drivers[0]!.driver, group.id, drivers[1]!.driver.id))).toBe('NOT_FOUND')
    expect(await codeOf(removeMember(stranger.coordinator, group.id, drivers[1]!.driver.id))).toBe('NOT_FOUND')
    await removeMember(coordinator, group.id, drivers[1]!.driver.id)
    expect(await db.groupMember.count({ where: { groupId: group.id } })).toBe(2)
    expect(await codeOf(removeMember(coordinator, group.id, drivers[1]!.driver.id))).toBe('NOT_FOUND')
    expect(await codeOf(removeMember(coordinator, group.id, coordinator.id))).toBe('LAST_COORDINATOR')
  })

  test('a driver member sees the group’s name, whom to call, and who else is in it (no contacts but the coordinators’, no invitations)', async () => {
    const { group, drivers, coordinator } = await createGroupRows({ drivers: 1 })
    const view = await getGroup(drivers[0]!.driver, group.id)
    expect(view).toEqual({
      view: 'member', id: group.id, name: group.name, myRole: 'DRIVER', coordinators: [{ name: coordinator.name, phone: null }],
      members: [
        { userId: coordinator.id, name: expect.any(String), role: 'COORDINATOR', cars: [] },
        { userId: drivers[0]!.driver.id, name: expect.any(String), role: 'DRIVER', cars: [{ make: 'Toyota', model: 'Camry', colour: 'white' }] },
      ],
    })
  })
})

describe('assignTripToGroup', () => {
  test('a driver puts their own run into their group and takes it out; both are audited', async () => {
    const { group, drivers } = await createGroupRows({ drivers: 1 })
    const d = drivers[0]!
    const trip = await createTrip({ driverId: d.driver.id, carId: d.car.id })
    await assignTripToGroup(d.driver, { tripId: trip.id, groupId: group.id })
    expect(await db.trip.findUniqueOrThrow({ where: { id: trip.id }, select: { groupId: true } })).toEqual({ groupId: group.id })
    await assignTripToGroup(d.driver, { tripId: trip.id, groupId: null, fromGroupId: group.id })
    expect(await db.trip.findUniqueOrThrow({ where: { id: trip.id }, select: { groupId: true } })).toEqual({ groupId: null })
    expect((await db.auditEntry.findMany({ where: { groupId: group.id, entityId: trip.id }, orderBy: { createdAt: 'asc' } })).map((e) => e.action)).toEqual(['trip.joinGroup', 'trip.leaveGroup'])
  })

  test('not into a group they do not belong to, and not someone else’s run', async () => {
    const { group } = await createGroupRows({ drivers: 0 })
    const { driver, car } = await createDriver()
    const other = await createDriver()
    const trip = await createTrip({ driverId: driver.id, carId: car.id })
    expect(await codeOf(assignTripToGroup(driver, { tripId: trip.id, groupId: group.id }))).toBe('NOT_FOUND')
    expect(await codeOf(assignTripToGroup(other.driver, { tripId: trip.id, groupId: null }))).toBe('NOT_FOUND')
  })
})
