import { describe, expect, test } from 'vitest'
import { addDaysIso, dbDateFromIso, isoFromDbDate, todayInKz } from '@/lib/dates/kz-date'
import { db } from '@/lib/db'
import { AppError } from '@/lib/errors'
import { createDriver, createGroup, createUser, ensureReferenceData } from '@/lib/testing/factories'
import { extendSeries } from './extend-series'
import { isoWeekday, publishTrip, publishTripFor } from './publish-trip'
import { publishTripSchema, type PublishTripInput } from './trip-input'

async function baseInput(carId: string, overrides: Partial<PublishTripInput> = {}): Promise<PublishTripInput> {
  await ensureReferenceData()
  const point = await db.pickupPoint.findFirstOrThrow({ where: { cityId: 'almaty' }, select: { id: true } })
  return publishTripSchema.parse({
    carId,
    originCityId: 'almaty',
    pickup: { pointId: point.id },
    checkpointId: 'korday',
    destinationCityId: 'bishkek',
    departureOn: addDaysIso(todayInKz(), 2),
    departureTime: '07:00',
    roundTrip: true,
    returnOn: addDaysIso(todayInKz(), 2),
    returnTime: '19:00',
    seatsTotal: 4,
    pricingMode: 'SHARED_COST',
    totalCostTenge: 20_000,
    driverShares: true,
    minRiders: 2,
    approvalMode: 'INSTANT',
    notes: '',
    ...overrides,
  })
}

describe('publishTrip', () => {
  test('publishes a shared-cost round trip with its cap per seat stored for sorting', async () => {
    const { driver, car } = await createDriver()
    const { tripIds } = await publishTrip(driver, await baseInput(car.id))
    const trip = await db.trip.findUniqueOrThrow({ where: { id: tripIds[0]! } })
    expect(trip).toMatchObject({ seatsTotal: 4, totalCostTenge: 20_000, minRiders: 2, driverShares: true, roundTrip: true })
    expect(trip.seatPriceTenge).toBe(Math.ceil(20_000 / 3))
    expect(trip.departureAt.toISOString()).toBe(new Date(`${addDaysIso(todayInKz(), 2)}T07:00:00+05:00`).toISOString())
  })

  test.each([
    { label: 'Zhibek Zholy (reopening not confirmed)', checkpointId: 'zhibek-zholy', destinationCityId: 'tashkent', originCityId: 'shymkent', code: 'CHECKPOINT_UNCONFIRMED' },
    { label: 'Karasu (cargo only)', checkpointId: 'karasu', destinationCityId: 'bishkek', originCityId: 'almaty', code: 'CHECKPOINT_CARGO_ONLY' },
  ])('refuses $label with a field error on the checkpoint', async ({ checkpointId, destinationCityId, originCityId, code }) => {
    const { driver, car } = await createDriver()
    await ensureReferenceData()
    const point = await db.pickupPoint.findFirstOrThrow({ where: { cityId: originCityId }, select: { id: true } })
    const input = await baseInput(car.id, { checkpointId, destinationCityId, originCityId, pickup: { pointId: point.id } })
    const error = (await publishTrip(driver, input).catch((e: unknown) => e)) as AppError
    expect(error).toBeInstanceOf(AppError)
    expect(error.code).toBe(code)
    expect(error.options.fields?.checkpointId?.[0]?.key).toBe(`errors.${code}`)
  })

  test.each([
    { label: 'more seats than the car has', overrides: { seatsTotal: 6 }, field: 'seatsTotal' },
    { label: 'a destination on the other border', overrides: { destinationCityId: 'tashkent' }, field: 'destinationCityId' },
    { label: 'a custom pickup pin far from the city', overrides: { pickup: { label: 'Far away', lat: 45.0, lng: 80.0 } }, field: 'pickup' },
  ])('refuses $label on the $field field', async ({ overrides, field }) => {
    const { driver, car } = await createDriver({ seats: 4 })
    const error = (await publishTrip(driver, await baseInput(car.id, overrides as Partial<PublishTripInput>)).catch((e: unknown) => e)) as AppError
    expect(error.options.fields?.[field]).toBeDefined()
  })

  test('a passenger without the driver role cannot publish; nor with a car of someone else', async () => {
    const passenger = await createUser()
    const { car } = await createDriver()
    await expect(publishTrip(passenger, await baseInput(car.id))).rejects.toMatchObject({ code: 'FORBIDDEN' })
    const { driver } = await createDriver()
    await expect(publishTrip(driver, await baseInput(car.id))).rejects.toMatchObject({ code: 'VALIDATION' })
  })

  test('a weekly series creates each chosen weekday ahead of time, and extendSeries adds nothing twice', async () => {
    const { driver, car } = await createDriver()
    const start = addDaysIso(todayInKz(), 1)
    const weekdays = [isoWeekday(start), isoWeekday(addDaysIso(start, 2))]
    const input = await baseInput(car.id, { departureOn: start, returnOn: start, repeat: { weekdays, untilOn: addDaysIso(start, 13) } })
    const result = await publishTrip(driver, input)
    expect(result.seriesId).not.toBeNull()
    const dates = (await db.trip.findMany({ where: { seriesId: result.seriesId! }, select: { departureOn: true }, orderBy: { departureOn: 'asc' } })).map((t) => isoFromDbDate(t.departureOn))
    const expected: string[] = []
    for (let d = start; d <= addDaysIso(start, 13); d = addDaysIso(d, 1)) if (weekdays.includes(isoWeekday(d))) expected.push(d)
    expect(dates).toEqual(expected)
    await extendSeries()
    expect(await db.trip.count({ where: { seriesId: result.seriesId! } })).toBe(expected.length)
  })

  test('dates a series adds later join the group its runs are in', async () => {
    const { group, drivers } = await createGroup({ drivers: 1 })
    const { driver, car } = drivers[0]!
    const start = addDaysIso(todayInKz(), 1)
    const input = await baseInput(car.id, { departureOn: start, returnOn: start, repeat: { weekdays: [1, 2, 3, 4, 5, 6, 7] } })
    const { seriesId } = await publishTripFor(driver, driver.id, { ...input, groupId: group.id })
    // Pretend the series was generated only up to its first date, as on the day after publishing.
    await db.trip.deleteMany({ where: { seriesId: seriesId!, departureOn: { gt: dbDateFromIso(start) } } })
    await db.tripSeries.update({ where: { id: seriesId! }, data: { generatedThrough: dbDateFromIso(start) } })
    expect(await extendSeries()).toBeGreaterThan(0)
    const groups = await db.trip.findMany({ where: { seriesId: seriesId! }, select: { groupId: true } })
    expect(groups.length).toBeGreaterThan(1)
    expect(groups.every((t) => t.groupId === group.id)).toBe(true)
  })
})


describe('publishTrip: one car, one run at a time', () => {
  test.each([
    { label: 'the same departure again', departureTime: '07:00', returnTime: '19:00', refused: true },
    { label: 'leaving while the first run is still out (12:00, back 19:00)', departureTime: '12:00', returnTime: '20:00', refused: true },
    { label: 'after the first run is back', departureTime: '19:30', returnTime: '23:00', refused: false },
  ])('$label: refused = $refused', async ({ departureTime, returnTime, refused }) => {
    const { driver, car } = await createDriver()
    await publishTrip(driver, await baseInput(car.id))
    const second = publishTrip(driver, await baseInput(car.id, { departureTime, returnTime }))
    if (refused) {
      await expect(second).rejects.toMatchObject({ code: 'VALIDATION', options: { fields: { departureTime: [{ key: 'validation.carBusy' }] } } })
      expect(await db.trip.count({ where: { carId: car.id } })).toBe(1)
    } else {
      await second
      expect(await db.trip.count({ where: { carId: car.id } })).toBe(2)
    }
  })
})
