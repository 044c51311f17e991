import { describe, expect, test } from 'vitest'
import { addDaysIso, todayInKz } from '@/lib/dates/kz-date'
import { db } from '@/lib/db'
import { AppError } from '@/lib/errors'
import { createDriver, createGroup, ensureReferenceData } from '@/lib/testing/factories'
import { openRun, openRunSchema, type OpenRunInput } from './open-run'

async function input(groupId: string, driverId: string, carId: string, overrides: Partial<OpenRunInput> = {}): Promise<OpenRunInput> {
  await ensureReferenceData()
  const point = await db.pickupPoint.findFirstOrThrow({ where: { cityId: 'almaty' }, select: { id: true } })
  const on = addDaysIso(todayInKz(), 1)
  return openRunSchema.parse({
    groupId, driverId, carId, originCityId: 'almaty', pickup: { pointId: point.id }, checkpointId: 'korday', destinationCityId: 'bishkek',
    departureOn: on, departureTime: '08:00', roundTrip: true, returnOn: on, returnTime: '19:00', seatsTotal: 4,
    pricingMode: 'PER_SEAT', pricePerSeatTenge: 4500, approvalMode: 'INSTANT', ...overrides,
  })
}

describe('openRun', () => {
  test('a coordinator opens a run for a group driver in their car: it belongs to the group and is audited', async () => {
    const { coordinator, group, drivers } = await createGroup({ drivers: 1 })
    const d = drivers[0]!
    const { tripId } = await openRun(coordinator, await input(group.id, d.driver.id, d.car.id))
    expect(await db.trip.findUniqueOrThrow({ where: { id: tripId }, select: { driverId: true, carId: true, groupId: true, seatsTotal: true, pricePerSeatTenge: true } })).toEqual({
      driverId: d.driver.id, carId: d.car.id, groupId: group.id, seatsTotal: 4, pricePerSeatTenge: 4500,
    })
    expect(await db.auditEntry.findFirstOrThrow({ where: { groupId: group.id, action: 'trip.open', entityId: tripId } })).toMatchObject({ actorId: coordinator.id, after: { driverId: d.driver.id } })
  })

  test.each([
    { label: 'a driver outside the group', field: 'driverId' },
    { label: 'another driver’s car', field: 'carId' },
  ])('refuses $label on its field', async ({ field }) => {
    const { coordinator, group, drivers } = await createGroup({ drivers: 1 })
    const outsider = await createDriver()
    const d = drivers[0]!
    const bad = field === 'driverId' ? await input(group.id, outsider.driver.id, outsider.car.id) : await input(group.id, d.driver.id, outsider.car.id)
    const error = (await openRun(coordinator, bad).catch((e: unknown) => e)) as AppError
    expect(error).toBeInstanceOf(AppError)
    expect(Object.keys(error.options.fields ?? {})).toEqual([field])
  })

  test('a coordinator of another group, or a driver of this one, cannot open runs here', async () => {
    const { group, drivers } = await createGroup({ drivers: 2 })
    const stranger = await createGroup({ drivers: 0 })
    const d = drivers[0]!
    await expect(openRun(stranger.coordinator, await input(group.id, d.driver.id, d.car.id))).rejects.toMatchObject({ code: 'NOT_FOUND' })
    await expect(openRun(drivers[1]!.driver, await input(group.id, d.driver.id, d.car.id))).rejects.toMatchObject({ code: 'NOT_FOUND' })
    expect(await db.trip.count({ where: { groupId: group.id } })).toBe(0)
  })
})
