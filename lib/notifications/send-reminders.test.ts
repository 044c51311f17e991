// Reminders with a moved clock: every "now" below is derived from today's date in Kazakhstan, never
// a fixed calendar date. A database of this file's own (the job looks at every run and traveller).
import { describe, expect, test } from 'vitest'
import { addDaysIso, dbDateFromIso, kzInstant, todayInKz } from '@/lib/dates/kz-date'
import { db } from '@/lib/db'
import { renderNotice } from '@/lib/notifications/delivery/render-message'
import { createDriver, createRider, createTrip } from '@/lib/testing/factories'
import { withOwnDatabase } from '@/lib/testing/own-database'
import { sendReminders } from './send-reminders'

withOwnDatabase('reminders')

const today = todayInKz()
const tomorrow = addDaysIso(today, 1)

async function noticesOf(userId: string) {
  return db.notification.findMany({ where: { userId }, orderBy: { createdAt: 'asc' }, select: { id: true, kind: true, params: true, createdAt: true, dedupeKey: true } })
}

async function confirmedBooking(options: { time?: string } = {}) {
  const { driver, car } = await createDriver()
  await db.user.update({ where: { id: driver.id }, data: { phone: '+77011234567' } })
  const trip = await createTrip({ driverId: driver.id, carId: car.id, departureAt: kzInstant(tomorrow, options.time ?? '07:00'), departureOn: dbDateFromIso(tomorrow), returnAt: kzInstant(tomorrow, '19:00'), returnOn: dbDateFromIso(tomorrow) })
  const { rider, travellerId } = await createRider()
  const booking = await db.booking.create({
    data: { tripId: trip.id, riderId: rider.id, status: 'CONFIRMED', seats: 1, quotedTenge: 4000, capTenge: 4000, verdict: 'OK', ruleVersion: 'test', travellers: { create: [{ position: 0, travellerId, name: rider.name, verdict: 'OK', reasons: [], checkInputs: {} }] } },
  })
  await db.trip.update({ where: { id: trip.id }, data: { seatsTaken: 1 } })
  return { driver, trip, rider, booking }
}

describe('departure reminders', () => {
  test('the evening before from 19:00, and 2 hours before: rider and driver, once each however often the job runs', async () => {
    const { driver, trip, rider } = await confirmedBooking()
    await sendReminders(kzInstant(today, '18:30'))
    expect(await noticesOf(rider.id)).toEqual([])

    const evening = kzInstant(today, '19:30')
    await Promise.all([sendReminders(evening), sendReminders(evening), sendReminders(new Date(evening.getTime() + 60_000))])
    expect((await noticesOf(rider.id)).map((n) => n.kind)).toEqual(['REMINDER_DEPARTURE_EVENING'])
    expect((await noticesOf(driver.id)).map((n) => n.kind)).toEqual(['REMINDER_DEPARTURE_EVENING'])

    const soon = kzInstant(tomorrow, '05:10')
    await sendReminders(soon)
    await sendReminders(kzInstant(tomorrow, '06:30'))
    expect((await noticesOf(rider.id)).map((n) => n.kind)).toEqual(['REMINDER_DEPARTURE_EVENING', 'REMINDER_DEPARTURE_SOON'])
    expect((await noticesOf(driver.id)).map((n) => n.kind)).toEqual(['REMINDER_DEPARTURE_EVENING', 'REMINDER_DEPARTURE_SOON'])

    // What the rider reads: time, pickup with a map link, driver, car, plate, phone, riders.
    const rider2h = (await noticesOf(rider.id))[1]!
    const message = await renderNotice(rider2h, { id: rider.id, name: rider.name, email: rider.email, locale: 'ru' }, { deliveryId: rider2h.id, channel: 'EMAIL' })
    const text = [message.subject, ...message.lines].join('\n')
    expect(message.subject).toContain('Через 2 часа, в 07:00')
    expect(text).toContain('Посадка: Sairan')
    expect(text).toContain('https://www.openstreetmap.org/?mlat=43.24000&mlon=76.86000')
    const car = await db.car.findUniqueOrThrow({ where: { id: trip.carId } })
    expect(text).toContain(`номер ${car.plate}`)
    expect(text).toContain('Телефон: +7 701 123 4567')
    expect(text).toContain('Пассажиров подтверждено: 1')
  })

  test('a run moved to another time is reminded of again, for the new time', async () => {
    const { trip, rider } = await confirmedBooking()
    await sendReminders(kzInstant(today, '20:00'))
    await db.trip.update({ where: { id: trip.id }, data: { departureAt: kzInstant(tomorrow, '09:30') } })
    await sendReminders(kzInstant(today, '20:05'))
    expect((await noticesOf(rider.id)).map((n) => n.kind)).toEqual(['REMINDER_DEPARTURE_EVENING', 'REMINDER_DEPARTURE_EVENING'])
  })

  test('a cancelled booking is not reminded of', async () => {
    const { booking, rider } = await confirmedBooking()
    await db.booking.update({ where: { id: booking.id }, data: { status: 'CANCELLED' } })
    await sendReminders(kzInstant(today, '21:00'))
    expect(await noticesOf(rider.id)).toEqual([])
  })
})

test('30 minutes before a request expires, its driver is reminded once', async () => {
  const { driver, car } = await createDriver()
  const trip = await createTrip({ driverId: driver.id, carId: car.id, approvalMode: 'MANUAL', requestTtlHours: 3, daysAhead: 2 })
  const { rider } = await createRider()
  const expiresAt = kzInstant(tomorrow, '12:00')
  await db.booking.create({ data: { tripId: trip.id, riderId: rider.id, status: 'PENDING', seats: 1, quotedTenge: 4000, capTenge: 4000, verdict: 'OK', ruleVersion: 'test', expiresAt } })
  await sendReminders(new Date(expiresAt.getTime() - 40 * 60_000))
  expect(await noticesOf(driver.id)).toEqual([])
  await sendReminders(new Date(expiresAt.getTime() - 25 * 60_000))
  await sendReminders(new Date(expiresAt.getTime() - 5 * 60_000))
  expect((await noticesOf(driver.id)).map((n) => [n.kind, (n.params as { rider: string }).rider])).toEqual([['REMINDER_REQUEST_EXPIRING', rider.name]])
  await sendReminders(new Date(expiresAt.getTime() + 60_000))
  expect(await noticesOf(driver.id)).toHaveLength(1)
})

describe('latest legal exit', () => {
  test('10 days and again 3 days before it, while no run out is booked', async () => {
    // A Russian citizen (90 days per entry, 90/180) in Kazakhstan since 82 days ago: day 90 is in 7 days.
    const { rider } = await createRider({ stays: [{ entryOn: addDaysIso(today, -82), exitOn: null }] })
    const exitOn = addDaysIso(today, 7)
    await sendReminders(kzInstant(addDaysIso(today, -5), '10:00')) // 12 days before: too early
    expect(await noticesOf(rider.id)).toEqual([])
    await sendReminders(kzInstant(today, '10:00'))
    await sendReminders(kzInstant(addDaysIso(today, 1), '10:00'))
    expect((await noticesOf(rider.id)).map((n) => [n.kind, (n.params as { exitOn: string }).exitOn, (n.params as { daysLeft: number }).daysLeft])).toEqual([['REMINDER_LEGAL_EXIT', exitOn, 7]])
    await sendReminders(kzInstant(addDaysIso(today, 5), '10:00'))
    expect((await noticesOf(rider.id)).map((n) => (n.params as { daysLeft: number }).daysLeft)).toEqual([7, 2])
  })

  test('a booked run out by then means no reminder', async () => {
    const { rider, travellerId } = await createRider({ stays: [{ entryOn: addDaysIso(today, -82), exitOn: null }] })
    const trip = await createTrip({ daysAhead: 5 })
    await db.booking.create({
      data: { tripId: trip.id, riderId: rider.id, status: 'CONFIRMED', seats: 1, quotedTenge: 4000, capTenge: 4000, verdict: 'OK', ruleVersion: 'test', travellers: { create: [{ position: 0, travellerId, name: 'x', verdict: 'OK', reasons: [], checkInputs: {} }] } },
    })
    await sendReminders(kzInstant(today, '10:00'))
    expect(await noticesOf(rider.id)).toEqual([])
  })
})

describe('online registration', () => {
  test('from 5 days before it falls due, once per stay; not for someone exempt or already registered', async () => {
    const { rider } = await createRider({ stays: [{ entryOn: addDaysIso(today, -26), exitOn: null }] })
    const { rider: kazakh } = await createRider({ citizenship: 'KZ', stays: [{ entryOn: addDaysIso(today, -26), exitOn: null }] })
    const { rider: registered, travellerId } = await createRider({ stays: [{ entryOn: addDaysIso(today, -26), exitOn: null }] })
    await db.stay.updateMany({ where: { travellerId }, data: { registrationNotedOn: dbDateFromIso(today) } })
    await sendReminders(kzInstant(addDaysIso(today, -3), '10:00')) // 6 days before it is due
    expect(await noticesOf(rider.id)).toEqual([])
    await sendReminders(kzInstant(today, '10:00'))
    await sendReminders(kzInstant(addDaysIso(today, 2), '10:00'))
    expect((await noticesOf(rider.id)).map((n) => [n.kind, (n.params as { dueOn: string }).dueOn])).toEqual([['REMINDER_REGISTRATION', addDaysIso(today, 3)]])
    expect(await noticesOf(kazakh.id)).toEqual([])
    expect(await noticesOf(registered.id)).toEqual([])
  })
})
