// Issue 13: a coordinator invites another coordinator, removes a member, and members see who
// else is in the group.
import { describe, expect, test } from 'vitest'
import { db } from '@/lib/db'
import { createDriver, createGroup, createUser } from '@/lib/testing/factories'
import { createInvite } from './create-invite'
import { getGroup } from './get-group'
import { joinGroup } from './join-group'
import { removeMember } from './remove-member'

describe("a coordinator's invitation", () => {
  test('makes a passenger a coordinator of the group (granting the role), who may then run it — and remove the first', async () => {
    const { coordinator, group } = await createGroup({ drivers: 1 })
    const invite = await createInvite(coordinator, group.id, { role: 'COORDINATOR', maxUses: 1 })
    expect(invite.role).toBe('COORDINATOR')
    const colleague = await createUser({ roles: ['PASSENGER'] })
    expect(await joinGroup(colleague, { code: invite.code })).toMatchObject({ groupId: group.id, alreadyMember: false })
    expect(await db.groupMember.findUniqueOrThrow({ where: { groupId_userId: { groupId: group.id, userId: colleague.id } }, select: { role: true } })).toEqual({ role: 'COORDINATOR' })
    const roles = (await db.user.findUniqueOrThrow({ where: { id: colleague.id }, select: { roles: true } })).roles
    expect(roles).toEqual(['PASSENGER', 'COORDINATOR'])
    const asCoordinator = { ...colleague, roles }
    const view = await getGroup(asCoordinator, group.id)
    expect(view.view).toBe('coordinator')
    await removeMember(asCoordinator, group.id, coordinator.id)
    expect(await db.groupMember.count({ where: { groupId: group.id, role: 'COORDINATOR' } })).toBe(1)
    expect(await db.auditEntry.count({ where: { groupId: group.id, action: 'group.join', actorId: colleague.id } })).toBe(1)
  })

  test("makes one of the group's drivers its coordinator; a coordinator joining again changes nothing", async () => {
    const { coordinator, group, drivers } = await createGroup({ drivers: 1 })
    const driver = drivers[0]!.driver
    const invite = await createInvite(coordinator, group.id, { role: 'COORDINATOR', maxUses: 5 })
    expect(await joinGroup(driver, { code: invite.code })).toMatchObject({ alreadyMember: false })
    expect(await db.groupMember.findUniqueOrThrow({ where: { groupId_userId: { groupId: group.id, userId: driver.id } }, select: { role: true } })).toEqual({ role: 'COORDINATOR' })
    expect(await joinGroup(driver, { code: invite.code })).toMatchObject({ alreadyMember: true })
    expect(await joinGroup(coordinator, { code: invite.code })).toMatchObject({ alreadyMember: true })
    expect((await db.groupInvite.findUniqueOrThrow({ where: { id: invite.id }, select: { uses: true } })).uses).toBe(1)
  })

  test("a driver's invitation still admits drivers only", async () => {
    const { coordinator, group } = await createGroup({ drivers: 0 })
    const invite = await createInvite(coordinator, group.id, {})
    expect(invite.role).toBe('DRIVER')
    await expect(joinGroup(await createUser(), { code: invite.code })).rejects.toMatchObject({ code: 'GROUP_NEEDS_DRIVER' })
    const { driver } = await createDriver()
    await joinGroup(driver, { code: invite.code })
    expect((await db.groupMember.findUniqueOrThrow({ where: { groupId_userId: { groupId: group.id, userId: driver.id } }, select: { role: true } })).role).toBe('DRIVER')
  })
})

describe('members see who else is in the group', () => {
  test('a driver sees every member by public name and role, with cars but no contacts beyond the coordinators', async () => {
    const { group, drivers } = await createGroup({ drivers: 2 })
    await db.user.update({ where: { id: drivers[1]!.driver.id }, data: { name: 'Ерлан Сапаров', phone: '+77015550101' } })
    const me = drivers[0]!.driver
    const view = await getGroup(me, group.id)
    if (view.view !== 'member') throw new Error('expected the member view')
    expect(view.members).toHaveLength(3)
    expect(view.members).toEqual(expect.arrayContaining([expect.objectContaining({ userId: drivers[1]!.driver.id, name: 'Ерлан С.', role: 'DRIVER', cars: [{ make: 'Toyota', model: 'Camry', colour: 'white' }] })]))
    expect(JSON.stringify(view.members)).not.toMatch(/phone|email|plate|7015550101/)
  })
})
