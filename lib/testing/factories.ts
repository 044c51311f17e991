// Factories for integration tests: each test makes its own rows with unique values.
import { randomUUID } from 'node:crypto'
import type { Actor } from '@/lib/auth/permissions'
import { db } from '@/lib/db'
import { addDaysIso, dbDateFromIso, kzInstant, todayInKz } from '@/lib/dates/kz-date'
import type { Role } from '@/lib/generated/prisma/enums'
import type { Prisma } from '@/lib/generated/prisma/client'

export function uniqueEmail(prefix = 'user'): string {
  return `${prefix}-${randomUUID().slice(0, 8)}@test.poputka.kz`
}

// A fixed, valid argon2id hash of "correct-horse-battery" so factories skip the slow hashing.
export const TEST_PASSWORD = 'correct-horse-battery'
let testHash: Promise<string> | undefined
async function passwordHash(): Promise<string> {
  const { hashPassword } = await import('@/lib/auth/password')
  testHash ??= hashPassword(TEST_PASSWORD)
  return testHash
}

export async function createUser(options: { roles?: Role[]; name?: string; email?: string } = {}): Promise<Actor> {
  const user = await db.user.create({
    data: {
      email: options.email ?? uniqueEmail(),
      name: options.name ?? 'Test User',
      passwordHash: await passwordHash(),
      roles: options.roles ?? ['PASSENGER'],
    },
    select: { id: true, name: true, email: true, roles: true },
  })
  return { ...user, locale: 'ru' }
}

export async function ensureReferenceData(): Promise<void> {
  const { seedReferenceData } = await import('@/prisma/seed')
  const { getDb } = await import('@/lib/db')
  if ((await db.checkpoint.count()) === 0) await seedReferenceData(getDb())
}

export async function createDriver(options: { seats?: number } = {}) {
  const driver = await createUser({ roles: ['PASSENGER', 'DRIVER'], name: 'Driver ' + randomUUID().slice(0, 4) })
  const car = await db.car.create({
    data: { ownerId: driver.id, make: 'Toyota', model: 'Camry', colour: 'white', plate: 'T' + randomUUID().slice(0, 6).toUpperCase(), seats: options.seats ?? 4 },
    select: { id: true, seats: true },
  })
  return { driver, car }
}

/** A scheduled Almaty → Korday → Bishkek run `daysAhead` days from today (Kazakhstan date). */
export async function createTrip(options: Partial<Prisma.TripUncheckedCreateInput> & { daysAhead?: number } = {}) {
  await ensureReferenceData()
  const { daysAhead = 1, ...overrides } = options
  const { driver, car } = overrides.driverId && overrides.carId
    ? { driver: { id: overrides.driverId }, car: { id: overrides.carId } }
    : await createDriver({ seats: Math.max(4, Number(overrides.seatsTotal ?? 4)) })
  const on = addDaysIso(todayInKz(), daysAhead)
  return db.trip.create({
    data: {
      driverId: driver.id,
      carId: car.id,
      originCityId: 'almaty',
      pickupLabel: 'Sairan',
      pickupLat: 43.24,
      pickupLng: 76.86,
      checkpointId: 'korday',
      destinationCityId: 'bishkek',
      departureAt: kzInstant(on, '07:00'),
      departureOn: dbDateFromIso(on),
      roundTrip: true,
      returnAt: kzInstant(on, '19:00'),
      returnOn: dbDateFromIso(on),
      seatsTotal: 4,
      pricingMode: 'PER_SEAT',
      pricePerSeatTenge: 4000,
      seatPriceTenge: 4000,
      approvalMode: 'INSTANT',
      ...overrides,
    },
  })
}

/**
 * A passenger with their own traveller: a Russian citizen in Kazakhstan since 5 days ago (an open
 * stay) by default — an empty log is not zero days (CURRENT_STAY_REQUIRED); pass `stays: []` for
 * one. Companions get the same stays.
 */
export async function createRider(options: { citizenship?: string; stays?: { entryOn: string; exitOn: string | null }[]; companions?: number } = {}) {
  const stays = options.stays ?? [{ entryOn: addDaysIso(todayInKz(), -5), exitOn: null }]
  const rider = await createUser({ name: 'Rider ' + randomUUID().slice(0, 4) })
  const traveller = await db.traveller.create({
    data: { accountId: rider.id, isSelf: true, name: rider.name, citizenship: options.citizenship ?? 'RU' },
    select: { id: true },
  })
  const writeStays = async (travellerId: string) => {
    for (const s of stays) {
      await db.stay.create({ data: { travellerId, entryOn: dbDateFromIso(s.entryOn), exitOn: s.exitOn ? dbDateFromIso(s.exitOn) : null } })
    }
  }
  await writeStays(traveller.id)
  const companions: string[] = []
  for (let i = 0; i < (options.companions ?? 0); i++) {
    const c = await db.traveller.create({ data: { accountId: rider.id, name: `Companion ${i + 1}`, citizenship: 'RU' }, select: { id: true } })
    await writeStays(c.id)
    companions.push(c.id)
  }
  return { rider, travellerId: traveller.id, travellerIds: [traveller.id, ...companions] }
}

/** A coordinator with a group of `drivers` drivers (each with a car). */
export async function createGroup(options: { drivers?: number } = {}) {
  const coordinator = await createUser({ roles: ['PASSENGER', 'COORDINATOR'], name: 'Coordinator ' + randomUUID().slice(0, 4) })
  const group = await db.group.create({ data: { name: 'Group ' + randomUUID().slice(0, 6), createdById: coordinator.id }, select: { id: true, name: true } })
  await db.groupMember.create({ data: { groupId: group.id, userId: coordinator.id, role: 'COORDINATOR' } })
  const drivers: Awaited<ReturnType<typeof createDriver>>[] = []
  for (let i = 0; i < (options.drivers ?? 2); i++) {
    const d = await createDriver()
    await db.groupMember.create({ data: { groupId: group.id, userId: d.driver.id, role: 'DRIVER' } })
    drivers.push(d)
  }
  return { coordinator, group, drivers }
}
