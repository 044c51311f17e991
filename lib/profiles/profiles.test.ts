import { describe, expect, test } from 'vitest'
import { bookSeats } from '@/lib/bookings/book-seats'
import { addDaysIso, isoFromDbDate, todayInKz } from '@/lib/dates/kz-date'
import { db } from '@/lib/db'
import { getPublicProfile } from '@/lib/profiles/get-public-profile'
import { updateProfile, updateProfileSchema } from '@/lib/profiles/update-profile'
import { submitReview } from '@/lib/reviews/submit-review'
import { createDriver, createRider, createTrip, createUser } from '@/lib/testing/factories'
import { createCompletedRide } from '@/lib/testing/trust-factories'

describe('the public profile', () => {
  test('never carries the email, the phone, a citizenship, a stay or a travel date — to anyone', async () => {
    const stayEntry = addDaysIso(todayInKz(), -33)
    const ride = await createCompletedRide()
    await db.user.update({ where: { id: ride.rider.id }, data: { phone: '+77015550913', languages: ['ru', 'kk'], about: 'Езжу к родным в Бишкек.' } })
    // The rider's open stay (the factory writes one) entered on a date of its own, to look for.
    await db.stay.updateMany({ where: { travellerId: ride.travellerId, exitOn: null }, data: { entryOn: new Date(`${stayEntry}T00:00:00Z`) } })
    expect(await db.stay.count({ where: { travellerId: ride.travellerId, entryOn: new Date(`${stayEntry}T00:00:00Z`) } })).toBe(1)
    await submitReview(ride.rider, ride.booking.id, { rating: 5, comment: 'Спасибо!' })
    await submitReview(ride.driver, ride.booking.id, { rating: 4, comment: 'Хорошая попутчица.' })
    const trip = await db.trip.findUniqueOrThrow({ where: { id: ride.trip.id }, select: { departureOn: true, departureAt: true, completedAt: true } })
    const user = await db.user.findUniqueOrThrow({ where: { id: ride.rider.id }, select: { email: true, createdAt: true } })

    for (const viewer of [null, ride.driver, ride.rider, await createUser({ roles: ['PASSENGER', 'ADMIN'] })]) {
      const profile = await getPublicProfile(ride.rider.id, viewer)
      const body = JSON.stringify(profile)
      expect(profile).toMatchObject({ runsRidden: 1, languages: ['ru', 'kk'], about: 'Езжу к родным в Бишкек.', reviews: [{ rating: 4, comment: 'Хорошая попутчица.' }] })
      expect(body).not.toContain(user.email)
      expect(body).not.toContain('7015550913')
      expect(body).not.toMatch(/citizenship|"RU"/)
      expect(body).not.toMatch(/stays?"|entryOn|exitOn|documents"/)
      for (const date of [stayEntry, isoFromDbDate(trip.departureOn), trip.departureAt.toISOString().slice(0, 10), trip.completedAt!.toISOString().slice(0, 10), user.createdAt.toISOString().slice(0, 10)]) {
        expect(body).not.toContain(date)
      }
      // No run either: a run's id leads to its date.
      expect(body).not.toContain(ride.trip.id)
      expect(body).not.toContain(ride.booking.id)
      expect(profile.memberSince).toMatch(/^\d{4}-\d{2}$/)
    }
  })

  test('badges: a confirmed address and a verified phone show as such, never the address or the number', async () => {
    const user = await createUser()
    expect((await getPublicProfile(user.id, null)).badges).toEqual([])
    await db.user.update({ where: { id: user.id }, data: { emailVerifiedAt: new Date(), phone: '+996555123456', phoneVerifiedAt: new Date() } })
    const profile = await getPublicProfile(user.id, null)
    expect(profile.badges).toEqual(['email', 'phone'])
    expect(JSON.stringify(profile)).not.toContain('555123456')
    await db.user.update({ where: { id: user.id }, data: { phone: null } })
    expect((await getPublicProfile(user.id, null)).badges).toEqual(['email'])
  })

  test('names are first name and initial; a deleted member has no profile', async () => {
    const user = await createUser({ name: 'Айгерим Бекова' })
    expect((await getPublicProfile(user.id, null)).name).toBe('Айгерим Б.')
    await db.user.update({ where: { id: user.id }, data: { deletedAt: new Date() } })
    await expect(getPublicProfile(user.id, null)).rejects.toMatchObject({ code: 'NOT_FOUND' })
  })

  test("the car's plate only to a rider with a confirmed seat in it", async () => {
    const { driver, car } = await createDriver()
    const run = await createTrip({ driverId: driver.id, carId: car.id, daysAhead: 2 })
    const { rider, travellerId } = await createRider()
    const plate = (await db.car.findUniqueOrThrow({ where: { id: car.id }, select: { plate: true } })).plate
    expect((await getPublicProfile(driver.id, rider)).cars).toEqual([{ make: 'Toyota', model: 'Camry', colour: 'white', plate: null }])
    await bookSeats(rider, { tripId: run.id, travellerIds: [travellerId], acknowledgeWarning: false, joinWaitlist: false })
    expect((await getPublicProfile(driver.id, rider)).cars[0]!.plate).toBe(plate)
    expect((await getPublicProfile(driver.id, null)).cars[0]!.plate).toBeNull()
    expect((await getPublicProfile(driver.id, await createUser())).cars[0]!.plate).toBeNull()
  })
})

describe('editing one’s profile', () => {
  test('name, languages and about are saved', async () => {
    const user = await createUser()
    await updateProfile(user, updateProfileSchema.parse({ name: '  Марат Нуров ', languages: ['kk', 'ru'], about: 'Не курю.\nБагаж — один чемодан.' }))
    expect(await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { name: true, languages: true, about: true } })).toEqual({
      name: 'Марат Нуров', languages: ['kk', 'ru'], about: 'Не курю.\nБагаж — один чемодан.',
    })
  })

  test('the phone: any country, stored E.164, a new number no longer verified, an empty field removes it', async () => {
    const user = await createUser()
    await db.user.update({ where: { id: user.id }, data: { phone: '+77012345678', phoneVerifiedAt: new Date() } })
    const read = () => db.user.findUniqueOrThrow({ where: { id: user.id }, select: { phone: true, phoneVerifiedAt: true } })
    await updateProfile(user, updateProfileSchema.parse({ phone: '+7 701 234 56 78', about: 'Тот же номер.' }))
    expect((await read()).phoneVerifiedAt).not.toBeNull()
    await updateProfile(user, updateProfileSchema.parse({ phone: '+996 555 123 456' }))
    expect(await read()).toEqual({ phone: '+996555123456', phoneVerifiedAt: null })
    await updateProfile(user, updateProfileSchema.parse({ phone: '' }))
    expect((await read()).phone).toBeNull()
    expect(updateProfileSchema.safeParse({ phone: '+7 000' }).error?.issues[0]?.path).toEqual(['phone'])
  })

  test.each([
    { label: 'a name of invisible characters', input: { name: '\u200b\u200b' }, field: 'name' },
    { label: 'a name of punctuation', input: { name: '— …' }, field: 'name' },
    { label: 'a control character in the name', input: { name: 'Ann\u0007a' }, field: 'name' },
    { label: 'an unknown language', input: { languages: ['xx'] }, field: 'languages' },
    { label: 'a language twice', input: { languages: ['ru', 'ru'] }, field: 'languages' },
    { label: 'about over 500 characters', input: { about: 'я'.repeat(501) }, field: 'about' },
    { label: 'a field that is not the profile’s', input: { email: 'new@test.poputka.kz' }, field: '' },
  ])('refuses $label', ({ input, field }) => {
    const result = updateProfileSchema.safeParse(input)
    expect(result.success).toBe(false)
    if (field) expect(result.error!.issues.map((i) => String(i.path[0]))).toContain(field)
  })
})
