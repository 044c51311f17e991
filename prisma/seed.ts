// Seeds reference data (always, idempotently) and demo data (only into an empty database):
// the four demo accounts, a few more drivers and runs for today and the coming week.
import { hashPassword } from '@/lib/auth/password'
import { addDaysIso, dbDateFromIso, kzInstant, todayInKz } from '@/lib/dates/kz-date'
import { checkTraveller, loadTravellersForCheck } from '@/lib/bookings/legal-check'
import type { Prisma, PrismaClient } from '@/lib/generated/prisma/client'
import { quoteBooking } from '@/lib/money/quote-booking'
import { seatPriceOf } from '@/lib/trips/publish-trip'
import { RULE_VERSION } from '@/lib/stay-rules'
import { checkpointStatuses, checkpoints, cities, pickupPoints } from './reference-data'
import { seedDemoGroup } from './seed-demo-group'
import { seedDemoTravelLog } from './seed-travel-log'

export const DEMO_PASSWORD = 'poputka-demo'

export const demoAccounts = [
  { email: 'passenger@poputka.kz', name: 'Анна Смирнова', roles: ['PASSENGER'], phone: '+77010000001' },
  { email: 'driver@poputka.kz', name: 'Айдар Нурланов', roles: ['PASSENGER', 'DRIVER'], phone: '+77010000002' },
  { email: 'coordinator@poputka.kz', name: 'Дина Ахметова', roles: ['PASSENGER', 'COORDINATOR'], phone: '+77010000003' },
  { email: 'admin@poputka.kz', name: 'Admin Poputka', roles: ['PASSENGER', 'ADMIN'], phone: null },
] as const

const extraDrivers = [
  { email: 'driver2@poputka.kz', name: 'Руслан Касымов', phone: '+77010000004' },
  { email: 'driver3@poputka.kz', name: 'Бекзат Омаров', phone: '+77010000005' },
] as const

export async function seedReferenceData(db: PrismaClient): Promise<void> {
  await db.$transaction(async (tx) => {
    for (const city of cities) await tx.city.upsert({ where: { id: city.id }, create: city, update: city })
    for (const cp of checkpoints) await tx.checkpoint.upsert({ where: { id: cp.id }, create: cp, update: cp })
    // Statuses and pickup points are replaced as a whole set when empty only: admins may edit them.
    if ((await tx.checkpointStatus.count()) === 0) {
      await tx.checkpointStatus.createMany({
        data: checkpointStatuses.map((s) => ({ ...s, fromOn: dbDateFromIso(s.fromOn), toOn: s.toOn ? dbDateFromIso(s.toOn) : null })),
      })
    }
    if ((await tx.pickupPoint.count()) === 0) await tx.pickupPoint.createMany({ data: [...pickupPoints] })
  })
}

export async function isDemoDataNeeded(db: PrismaClient): Promise<boolean> {
  return (await db.user.count()) === 0
}

export async function seedDemoData(db: PrismaClient, now: Date = new Date()): Promise<{ trips: number }> {
  const passwordHash = await hashPassword(DEMO_PASSWORD)
  const today = todayInKz(now)
  return db.$transaction(async (tx) => {
    const users = new Map<string, string>()
    for (const a of [...demoAccounts, ...extraDrivers.map((d) => ({ ...d, roles: ['PASSENGER', 'DRIVER'] as const }))]) {
      const user = await tx.user.create({
        data: { email: a.email, name: a.name, phone: a.phone, roles: [...a.roles], passwordHash, locale: 'ru' },
        select: { id: true },
      })
      users.set(a.email, user.id)
    }
    const car = async (email: string, data: { make: string; model: string; colour: string; plate: string; seats: number }) =>
      (await tx.car.create({ data: { ownerId: users.get(email)!, ...data }, select: { id: true } })).id
    const camry = await car('driver@poputka.kz', { make: 'Toyota', model: 'Camry', colour: 'белый', plate: '123ABC02', seats: 4 })
    const starex = await car('driver2@poputka.kz', { make: 'Hyundai', model: 'Starex', colour: 'серый', plate: '456DEF02', seats: 7 })
    const cobalt = await car('driver3@poputka.kz', { make: 'Chevrolet', model: 'Cobalt', colour: 'чёрный', plate: '789GHI13', seats: 4 })
    const points = await tx.pickupPoint.findMany({ select: { id: true, nameRu: true, lat: true, lng: true } })
    const point = (nameRu: string) => points.find((p) => p.nameRu === nameRu)!

    // Айдар's Bishkek run is a recurring series ("every day at 07:00"), like real drivers publish it.
    const sairan = point('Автовокзал «Сайран»')
    const seriesId = (
      await tx.tripSeries.create({
        data: {
          driverId: users.get('driver@poputka.kz')!,
          template: {
            carId: camry, originCityId: 'almaty', pickup: { pointId: sairan.id }, checkpointId: 'korday', destinationCityId: 'bishkek',
            departureOn: today, departureTime: '07:00', roundTrip: true, returnOn: today, returnTime: '19:00', seatsTotal: 4,
            pricingMode: 'PER_SEAT', pricePerSeatTenge: 4500, driverShares: false, approvalMode: 'INSTANT', notes: 'Один чемодан на человека, багажник большой.',
          },
          weekdays: [1, 2, 3, 4, 5, 6, 7],
          departureTime: '07:00',
          returnTime: '19:00',
          startsOn: dbDateFromIso(today),
          generatedThrough: dbDateFromIso(addDaysIso(today, 7)),
        },
        select: { id: true },
      })
    ).id

    let trips = 0
    const tripIdsByDay = new Map<string, string>()
    for (let day = 0; day <= 7; day++) {
      const on = addDaysIso(today, day)
      const runs = [
        {
          driver: 'driver@poputka.kz', carId: camry, from: 'almaty', pickup: 'Автовокзал «Сайран»', checkpointId: 'korday', to: 'bishkek',
          time: '07:00', returnTime: '19:00', seats: 4, pricing: { pricingMode: 'PER_SEAT' as const, pricePerSeatTenge: 4500 },
          approval: { approvalMode: 'INSTANT' as const }, notes: 'Один чемодан на человека, багажник большой.',
        },
        {
          driver: 'driver2@poputka.kz', carId: starex, from: 'almaty', pickup: 'Автостанция «Саяхат»', checkpointId: 'korday', to: 'bishkek',
          time: '09:30', returnTime: null, seats: 7,
          pricing: { pricingMode: 'SHARED_COST' as const, totalCostTenge: 24000, minRiders: 4, driverShares: false },
          approval: { approvalMode: 'MANUAL' as const, requestTtlHours: 3 }, notes: 'Минивэн, кондиционер. Высажу у пункта пропуска.',
        },
        {
          driver: 'driver3@poputka.kz', carId: cobalt, from: 'shymkent', pickup: 'Автовокзал «Самал»', checkpointId: 'kaplanbek', to: 'tashkent',
          time: '08:00', returnTime: '20:00', seats: 4, pricing: { pricingMode: 'PER_SEAT' as const, pricePerSeatTenge: 3500 },
          approval: { approvalMode: 'INSTANT' as const }, notes: 'Для Ташкента нужен загранпаспорт.',
        },
      ]
      for (const run of runs) {
        const departureAt = kzInstant(on, run.time)
        const returnAt = run.returnTime ? kzInstant(on, run.returnTime) : null
        // Today's runs exist whatever the hour the demo starts: one whose time has passed is on the
        // day board in the stage the clock puts it in (the coordinator's "today" is never empty).
        const status = demoRunStatus(departureAt, returnAt, now)
        const p = point(run.pickup)
        const created = await tx.trip.create({
          select: { id: true },
          data: {
            seriesId: run.driver === 'driver@poputka.kz' ? seriesId : null,
            driverId: users.get(run.driver)!, carId: run.carId, originCityId: run.from, pickupPointId: p.id, pickupLabel: p.nameRu,
            pickupLat: p.lat, pickupLng: p.lng, checkpointId: run.checkpointId, destinationCityId: run.to,
            departureAt, departureOn: dbDateFromIso(on), roundTrip: run.returnTime !== null,
            returnAt, returnOn: run.returnTime ? dbDateFromIso(on) : null,
            seatsTotal: run.seats, ...run.pricing, ...run.approval, notes: run.notes,
            status, completedAt: status === 'COMPLETED' ? now : null,
            seatPriceTenge: seatPriceOf({ minRiders: 1, driverShares: false, ...run.pricing }),
          },
        })
        if (run.driver === 'driver@poputka.kz') tripIdsByDay.set(on, created.id)
        trips++
      }
    }
    // The demo passenger: a travel log ("My stay" has something to show) and a seat on the day
    // after tomorrow's Bishkek run, checked like any booking.
    const passengerId = users.get('passenger@poputka.kz')!
    const { travellerId } = await seedDemoTravelLog(tx, passengerId, today)
    const bookedOn = addDaysIso(today, 2)
    const tripId = tripIdsByDay.get(bookedOn)
    if (tripId) await seedDemoBooking(tx, { tripId, riderId: passengerId, travellerId, on: bookedOn })
    // The demo coordinator's group: the three demo drivers and their runs (the day board).
    await seedDemoGroup(tx, users)
    return { trips }
    // Dozens of inserts in one transaction: on a busy machine they outlast Prisma's 5 s default, and
    // a first start must not fail for that (all or nothing still holds).
  }, { timeout: 60_000, maxWait: 10_000 })
}

/** The stage a demo run is in at `now`: boarding in its first half hour, at the border from two
 *  hours on until its return, completed after it (a one-way run four hours after departure). */
export function demoRunStatus(departureAt: Date, returnAt: Date | null, now: Date): 'SCHEDULED' | 'BOARDING' | 'DEPARTED' | 'AT_BORDER' | 'COMPLETED' {
  const minutes = (now.getTime() - departureAt.getTime()) / 60_000
  if (minutes < 0) return 'SCHEDULED'
  if (minutes < 30) return 'BOARDING'
  const done = returnAt ? now >= returnAt : minutes >= 240
  if (done) return 'COMPLETED'
  return minutes < 120 ? 'DEPARTED' : 'AT_BORDER'
}

async function seedDemoBooking(tx: Prisma.TransactionClient, options: { tripId: string; riderId: string; travellerId: string; on: string }) {
  const [traveller] = await loadTravellersForCheck(tx, options.riderId, [options.travellerId])
  const check = checkTraveller(traveller!, options.on, options.on)
  if (check.verdict === 'BLOCKED') return
  const quote = quoteBooking({ pricingMode: 'PER_SEAT', pricePerSeatTenge: 4500, totalCostTenge: null, minRiders: 1, driverShares: false, seatsAlreadyTaken: 0, seatsRequested: 1 })
  await tx.trip.update({ where: { id: options.tripId }, data: { seatsTaken: { increment: 1 } } })
  await tx.booking.create({
    data: {
      tripId: options.tripId, riderId: options.riderId, status: 'CONFIRMED', seats: 1, quotedTenge: quote.nowTenge, capTenge: quote.capTenge,
      verdict: check.verdict, ruleVersion: RULE_VERSION, warningAcknowledged: check.verdict === 'WARN', decidedAt: new Date(),
      travellers: {
        create: [{ position: 0, travellerId: options.travellerId, name: traveller!.name, verdict: check.verdict, reasons: check.reasons as unknown as Prisma.InputJsonValue, checkInputs: check.inputs as unknown as Prisma.InputJsonValue }],
      },
    },
  })
}
