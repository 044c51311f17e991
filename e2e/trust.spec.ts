// Journey (issue 13): trust between strangers. A run completes; its rider and driver review each
// other — neither review shows before the second, both after it, on the profiles and where the run
// is listed; a no-show mark reaches the rider's record for the next driver; a report of a review
// reaches the admin queue and hiding the review takes it away everywhere; a blocked rider cannot
// book the blocker's run. Each test makes its own people and runs with SQL; everything they do
// after that goes through the pages.
import { randomUUID } from 'node:crypto'
import type { Browser, Page } from '@playwright/test'
import { createUser, e2eDb, expect, keepScreenshot, signInContext, test, type TestUser } from './fixtures'
import { expectFitsPhone, expectNoSeriousAxeViolations } from './lib/page-checks'

/** A Kazakhstan calendar date (UTC+5) `offset` days from today. */
function kzDate(offset: number): string {
  const d = new Date(Date.now() + 5 * 3_600_000)
  d.setUTCDate(d.getUTCDate() + offset)
  return d.toISOString().slice(0, 10)
}

type Person = { user: TestUser; page: Page; travellerId: string }

async function person(browser: Browser, name: string, roles: ('PASSENGER' | 'DRIVER' | 'ADMIN')[] = ['PASSENGER']): Promise<Person> {
  // "Дана 1a2b Омарова": unique, and the public name is "Дана О.".
  const user = await createUser({ roles, name: `${name} ${randomUUID().slice(0, 4)} Омарова` })
  // Kazakh citizens are exempt from the stay rule: the legal check lets them through whatever the log.
  const { rows } = await e2eDb().query<{ id: string }>(`INSERT INTO travellers (account_id, is_self, name, citizenship, updated_at) VALUES ($1, true, $2, 'KZ', now()) RETURNING id`, [user.id, user.name])
  const context = await browser.newContext()
  await signInContext(context, user)
  return { user, page: await context.newPage(), travellerId: rows[0]!.id }
}

async function driver(browser: Browser, name: string): Promise<Person & { carId: string }> {
  const p = await person(browser, name, ['PASSENGER', 'DRIVER'])
  const { rows } = await e2eDb().query<{ id: string }>(
    `INSERT INTO cars (owner_id, make, model, colour, plate, seats) VALUES ($1, 'Hyundai', 'Starex', 'серый', $2, 7) RETURNING id`,
    [p.user.id, `${Math.floor(100 + Math.random() * 899)}TR${String(Math.floor(Math.random() * 99)).padStart(2, '0')}`],
  )
  return { ...p, carId: rows[0]!.id }
}

/** A one-way run Almaty → Korday → Bishkek on `on` at `time`, instant approval. */
async function run(d: { user: TestUser; carId: string }, on: string, time: string): Promise<string> {
  const departureAt = new Date(`${on}T${time}:00+05:00`)
  const { rows } = await e2eDb().query<{ id: string }>(
    `INSERT INTO trips (driver_id, car_id, origin_city_id, pickup_label, pickup_lat, pickup_lng, checkpoint_id, destination_city_id,
       departure_at, departure_on, round_trip, seats_total, pricing_mode, price_per_seat_tenge, min_riders, seat_price_tenge, approval_mode, updated_at)
     VALUES ($1, $2, 'almaty', 'Алматы, Сайран', 43.2389, 76.8897, 'korday', 'bishkek', $3, $4::date, false, 4, 'PER_SEAT', 5000, 1, 5000, 'INSTANT', now())
     RETURNING id`,
    [d.user.id, d.carId, departureAt, on],
  )
  return rows[0]!.id
}

/** The rider books their own seat through the JSON API, as the booking form does. */
async function book(rider: Person, tripId: string): Promise<string> {
  const response = await rider.page.request.post(`/api/trips/${tripId}/bookings`, { data: { travellerIds: [rider.travellerId] } })
  expect(response.status(), await response.text()).toBe(201)
  return ((await response.json()) as { id: string }).id
}

/** The driver takes the run through boarding to completion on its manage page. */
async function completeRun(d: Person, tripId: string, mark: { name: string; button: 'Сел' | 'Не пришёл' }) {
  const page = d.page
  await page.goto(`/my-trips/${tripId}`)
  await page.getByRole('button', { name: 'Начать посадку' }).click()
  await expect(page.getByTestId('action-status')).toContainText('Посадка началась')
  const manifest = page.getByRole('region', { name: 'Пассажиры' })
  await manifest.getByRole('listitem', { name: mark.name }).last().getByRole('button', { name: mark.button }).click()
  await expect(manifest.getByRole('listitem', { name: mark.name }).last().getByRole('button', { name: mark.button })).toHaveAttribute('aria-pressed', 'true')
  for (const [button, done] of [['Выехали', 'Отмечено: выехали'], ['На границе', 'Отмечено: на границе']] as const) {
    await page.getByRole('button', { name: button }).click()
    await expect(page.getByTestId('action-status')).toContainText(done)
  }
  await page.getByRole('button', { name: 'Завершить поездку' }).click()
  await expect(page.getByTestId('action-status')).toContainText('Поездка завершена')
}

const NONE = 'Отзывов пока нет'
const FIVE = expect.stringMatching(/^★\s*5,0 из 5\s*· 1 отзыв$/)

// Each journey completes a run through its page and visits several pages as several people: more
// than the default minute on a busy machine.
test.describe.configure({ timeout: 180_000 })

/** Where a driver's rating shows: their profile, the run's page and the run in the search list. */
async function ratingShown(viewer: Page, driverId: string, nextRunId: string, nextOn: string) {
  await viewer.goto(`/users/${driverId}`)
  const text = async (l: ReturnType<Page['getByTestId']>) => ((await l.textContent()) ?? '').replace(/\s+/g, ' ').trim()
  const profile = await text(viewer.locator('.profile-head').getByTestId('rating'))
  await viewer.goto(`/trips/${nextRunId}`)
  const runPage = await text(viewer.getByTestId('rating'))
  await viewer.goto(`/trips?date=${nextOn}&from=almaty&checkpoint=korday`)
  const listed = await text(viewer.locator(`[data-trip-id="${nextRunId}"]`).getByTestId('rating'))
  return { profile, runPage, listed }
}

test('a completed run: rider and driver review each other; neither shows before the second, both after — on the profiles and where the run is listed', async ({ browser }) => {
  // Tomorrow's run, taken to completion now: the manage page does not wait for the clock.
  const runOn = kzDate(1)
  const nextOn = kzDate(4)
  const d = await driver(browser, 'Аскар')
  const rider = await person(browser, 'Дана')
  const visitor = (await browser.newContext()).newPage()
  const tripId = await run(d, runOn, '06:30')
  const nextRunId = await run(d, nextOn, '09:00')
  await book(rider, tripId)
  await completeRun(d, tripId, { name: rider.user.name, button: 'Сел' })

  // The rider reviews the driver from My bookings.
  await rider.page.goto('/bookings')
  const card = rider.page.getByTestId('booking-card').filter({ has: rider.page.locator(`a[href="/trips/${tripId}"]`) })
  const riderForm = card.getByRole('form', { name: /Оцените водителя/ })
  await riderForm.getByRole('radio', { name: '5 звёзд' }).check()
  await riderForm.getByLabel('Комментарий').fill('Приехал вовремя, помог с сумками на границе.')
  await riderForm.getByRole('button', { name: 'Отправить отзыв' }).click()
  // The page is redrawn with the review in place of the form.
  await expect(card.getByTestId('my-review')).toContainText('Ваш отзыв: 5 звёзд. Появится, когда водитель оставит свой')
  await expect(card.getByTestId('their-review')).toHaveCount(0)
  await expectNoSeriousAxeViolations(rider.page)
  await expectFitsPhone(rider.page)

  // Before the second review: nothing shows anywhere.
  const v = await visitor
  expect(await ratingShown(v, d.user.id, nextRunId, nextOn)).toEqual({ profile: NONE, runPage: NONE, listed: NONE })
  await v.goto(`/users/${d.user.id}`)
  await expect(v.getByTestId('review')).toHaveCount(0)
  await v.goto(`/users/${rider.user.id}`)
  await expect(v.getByTestId('review')).toHaveCount(0)
  await d.page.goto(`/my-trips/${tripId}`)
  await expect(d.page.getByTestId('their-review')).toHaveCount(0)

  // The driver reviews the rider on the run's page.
  const driverForm = d.page.getByRole('form', { name: /Оцените пассажира/ })
  await driverForm.getByRole('radio', { name: '4 звезды' }).check()
  await driverForm.getByLabel('Комментарий').fill('Пришла заранее.')
  await driverForm.getByRole('button', { name: 'Отправить отзыв' }).click()
  await expect(d.page.getByTestId('their-review')).toContainText('Отзыв пассажира о вас: 5 звёзд')
  await expect(d.page.getByTestId('their-review')).toContainText('Приехал вовремя, помог с сумками на границе.')
  await expect(d.page.getByTestId('my-review')).toContainText('Опубликован.')

  // After it: both, everywhere.
  expect(await ratingShown(v, d.user.id, nextRunId, nextOn)).toEqual({ profile: FIVE, runPage: FIVE, listed: FIVE })
  await v.goto(`/users/${d.user.id}`)
  await expect(v.getByTestId('review')).toHaveCount(1)
  await expect(v.getByTestId('review')).toContainText('Приехал вовремя, помог с сумками на границе.')
  await expect(v.getByTestId('runs-driven')).toHaveText('1')
  await v.goto(`/users/${rider.user.id}`)
  await expect(v.getByTestId('review')).toContainText('Пришла заранее.')
  await expect(v.getByTestId('runs-ridden')).toHaveText('1')
  await expect(v.getByRole('heading', { level: 1 })).toHaveText('Дана О.')
  await rider.page.goto('/bookings')
  await expect(card.getByTestId('their-review')).toContainText('Отзыв водителя о вас: 4 звезды')
  // The run's page links the driver's public profile; the profile has no contact and no date.
  await v.goto(`/trips/${nextRunId}`)
  await expect(v.getByTestId('driver-profile-link')).toHaveAttribute('href', `/users/${d.user.id}`)
  await v.goto(`/users/${rider.user.id}`)
  const html = await v.content()
  expect(html).not.toContain(rider.user.email)
  expect(html).not.toContain(runOn)
  await expectNoSeriousAxeViolations(v)
  await expectFitsPhone(v)
  await keepScreenshot(v, 'trust-profile')

  // The reviewed driver answers once, on their own profile.
  await d.page.goto(`/users/${d.user.id}`)
  await d.page.getByText('Ответить', { exact: true }).click()
  await d.page.getByLabel('Ваш ответ (один раз)').fill('Спасибо, Дана!')
  await d.page.getByRole('button', { name: 'Отправить ответ' }).click()
  await expect(d.page.getByTestId('review')).toContainText('Ответ Аскар О.')
  await v.goto(`/users/${d.user.id}`)
  await expect(v.getByTestId('review')).toContainText('Спасибо, Дана!')
})

test("a no-show mark shows on the rider's record for the next driver", async ({ browser }) => {
  const first = await driver(browser, 'Берик')
  const second = await driver(browser, 'Галым')
  const rider = await person(browser, 'Жанна')
  const tripId = await run(first, kzDate(1), '06:40')
  await book(rider, tripId)
  await completeRun(first, tripId, { name: rider.user.name, button: 'Не пришёл' })

  const nextTrip = await run(second, kzDate(3), '08:00')
  await book(rider, nextTrip)
  await second.page.goto(`/my-trips/${nextTrip}`)
  const party = second.page.getByRole('listitem', { name: rider.user.name }).first()
  await expect(party.getByTestId('rider-record')).toBeVisible()
  await expect(party.getByTestId('rider-no-shows')).toHaveText('не пришёл(а): 1 раз')
  await expect(party.getByRole('link', { name: 'Профиль: Жанна О.' })).toHaveAttribute('href', `/users/${rider.user.id}`)
  await expectFitsPhone(second.page)

  // The rider sees the mark on My bookings and may dispute it; while disputed it does not count.
  await rider.page.goto('/bookings')
  const card = rider.page.getByTestId('booking-card').filter({ has: rider.page.locator(`a[href="/trips/${tripId}"]`) })
  await expect(card.getByTestId('no-show-against-me')).toContainText('Водитель отметил, что вы не пришли. Это учитывается в профиле.')
  await card.getByText('Оспорить', { exact: true }).click()
  await card.getByLabel('Как было на самом деле').fill('Я стояла у главного входа с 06:20.')
  await card.getByRole('button', { name: 'Отправить', exact: true }).click()
  await expect(card.getByTestId('no-show-against-me')).toContainText('Вы оспорили — решит администратор.')
  await second.page.reload()
  await expect(second.page.getByRole('listitem', { name: rider.user.name }).first().getByTestId('rider-no-shows')).toHaveCount(0)
})

test('a report reaches the admin queue, and hiding the review removes it everywhere', async ({ browser }) => {
  const d = await driver(browser, 'Данияр')
  const rider = await person(browser, 'Ольга')
  const reporter = await person(browser, 'Марина')
  const admin = await person(browser, 'Админ', ['PASSENGER', 'ADMIN'])
  const nextOn = kzDate(5)
  const tripId = await run(d, kzDate(1), '06:50')
  const nextRunId = await run(d, nextOn, '07:30')
  const bookingId = await book(rider, tripId)
  await completeRun(d, tripId, { name: rider.user.name, button: 'Сел' })
  // Both reviews are in (through the API this time): the rider's is offensive.
  for (const [who, rating, comment] of [[rider, 1, 'Водитель — [оскорбление]'], [d, 5, 'Всё хорошо.']] as const) {
    const response = await who.page.request.post(`/api/bookings/${bookingId}/review`, { data: { rating, comment } })
    expect(response.status(), await response.text()).toBe(201)
  }
  const ONE = expect.stringMatching(/^★\s*1,0 из 5\s*· 1 отзыв$/)
  expect(await ratingShown(reporter.page, d.user.id, nextRunId, nextOn)).toEqual({ profile: ONE, runPage: ONE, listed: ONE })

  // A member reports the review from the driver's profile.
  await reporter.page.goto(`/users/${d.user.id}`)
  const review = reporter.page.getByTestId('review')
  await review.getByText('Пожаловаться на отзыв').click()
  await review.getByLabel('Причина').selectOption({ label: 'Оскорбительный текст' })
  await review.getByLabel('Что случилось').fill('Оскорбление вместо отзыва.')
  await review.getByRole('button', { name: 'Отправить жалобу' }).click()
  await expect(review.getByText('Жалоба отправлена администраторам.')).toBeVisible()

  // The admin finds it in the queue, with the review, and hides the review.
  await admin.page.goto('/admin/moderation')
  const item = admin.page.getByTestId('report').filter({ hasText: 'Оскорбление вместо отзыва.' })
  await expect(item.getByTestId('reported-review')).toContainText('Водитель — [оскорбление]')
  await expect(item).toContainText('Оскорбительный текст')
  await expectNoSeriousAxeViolations(admin.page)
  await expectFitsPhone(admin.page)
  await keepScreenshot(admin.page, 'trust-moderation-queue')
  await item.getByLabel('Решение', { exact: true }).selectOption({ label: 'Скрыть отзыв' })
  await item.getByLabel('Пояснение').fill('Оскорбления не публикуем.')
  await item.getByRole('button', { name: 'Применить' }).click()
  // Decided: the report leaves the queue, the decision enters the log.
  await expect(item).toHaveCount(0)
  await expect(admin.page.getByRole('region', { name: 'Последние решения' })).toContainText('отзыв скрыт')

  // Gone everywhere: the profile, the rating on the run page and in the search.
  expect(await ratingShown(reporter.page, d.user.id, nextRunId, nextOn)).toEqual({ profile: NONE, runPage: NONE, listed: NONE })
  await reporter.page.goto(`/users/${d.user.id}`)
  await expect(reporter.page.getByTestId('review')).toHaveCount(0)
  await d.page.goto(`/my-trips/${tripId}`)
  await expect(d.page.getByTestId('their-review')).toHaveCount(0)
  await rider.page.goto('/bookings')
  await expect(rider.page.getByTestId('my-review')).toContainText('Скрыт администратором.')
  const response = await reporter.page.request.get(`/api/users/${d.user.id}/profile`)
  expect(await response.json()).toMatchObject({ rating: { average: null, count: 0 }, reviews: [] })
  await admin.page.reload()
  await expect(admin.page.getByTestId('report').filter({ hasText: 'Оскорбление вместо отзыва.' })).toHaveCount(0)
})

test("a blocked rider cannot book the blocker's run", async ({ browser }) => {
  const d = await driver(browser, 'Нурлан')
  const rider = await person(browser, 'Семён')
  const on = kzDate(6)
  const tripId = await run(d, on, '10:15')

  // The driver blocks the rider from the rider's profile.
  await d.page.goto(`/users/${rider.user.id}`)
  await d.page.getByText('Заблокировать', { exact: true }).click()
  await d.page.getByRole('button', { name: 'Да, заблокировать' }).click()
  await expect(d.page.getByTestId('blocked-note')).toBeVisible()

  // The rider does not find the run, and booking it by its link is refused.
  await rider.page.goto(`/trips?date=${on}&from=almaty&checkpoint=korday`)
  await expect(rider.page.locator(`[data-trip-id="${tripId}"]`)).toHaveCount(0)
  await rider.page.goto(`/trips/${tripId}`)
  await expect(rider.page.getByRole('checkbox', { name: `${rider.user.name} (вы)` })).toBeChecked()
  await rider.page.getByRole('button', { name: 'Забронировать' }).click()
  await expect(rider.page.getByText('Забронировать поездку этого водителя нельзя.')).toBeVisible()
  expect((await e2eDb().query(`SELECT count(*)::int AS n FROM bookings WHERE trip_id = $1`, [tripId])).rows[0].n).toBe(0)
  const api = await rider.page.request.post(`/api/trips/${tripId}/bookings`, { data: { travellerIds: [rider.travellerId] } })
  expect(api.status()).toBe(403)
  expect(((await api.json()) as { error: { code: string } }).error.code).toBe('BOOKING_BLOCKED')

  // Unblocked, the rider books.
  await d.page.goto('/account')
  await d.page.getByRole('button', { name: 'Разблокировать' }).click()
  await expect(d.page.getByText('Вы никого не блокировали.')).toBeVisible()
  await book(rider, tripId)
})

test('a coordinator invites a co-coordinator, who joins without a car and runs the group; its drivers see who else is in it', async ({ browser }) => {
  const coordinator = await person(browser, 'Асель', ['PASSENGER'])
  await e2eDb().query(`UPDATE users SET roles = '{PASSENGER,COORDINATOR}' WHERE id = $1`, [coordinator.user.id])
  const member = await driver(browser, 'Тимур')
  const { rows } = await e2eDb().query<{ id: string }>(`INSERT INTO groups (name, created_by_id) VALUES ($1, $2) RETURNING id`, [`Утренние рейсы ${randomUUID().slice(0, 4)}`, coordinator.user.id])
  const groupId = rows[0]!.id
  await e2eDb().query(`INSERT INTO group_members (group_id, user_id, role) VALUES ($1, $2, 'COORDINATOR'), ($1, $3, 'DRIVER')`, [groupId, coordinator.user.id, member.user.id])

  // A coordinator's invitation.
  await coordinator.page.goto(`/dispatch/groups/${groupId}`)
  await coordinator.page.getByLabel('Кого приглашаете').selectOption('COORDINATOR')
  await coordinator.page.getByRole('button', { name: 'Создать приглашение' }).click()
  const invite = coordinator.page.getByTestId('invite').filter({ has: coordinator.page.getByTestId('invite-role').filter({ hasText: 'для координатора' }) })
  const code = (await invite.getByTestId('invite-code').textContent())!.trim()

  // A passenger without a car opens the link and joins as a coordinator.
  const colleague = await person(browser, 'Ринат')
  await colleague.page.goto(`/dispatch/join?code=${code}`)
  await expect(colleague.page.getByTestId('coordinator-invite')).toBeVisible()
  await colleague.page.getByRole('button', { name: 'Вступить' }).click()
  await expect(colleague.page).toHaveURL(new RegExp(`/dispatch/groups/${groupId}$`))
  await expect(colleague.page.getByRole('link', { name: 'Открыть доску дня' })).toBeVisible()
  await expect(colleague.page.getByTestId('member').filter({ hasText: colleague.user.name })).toContainText('координатор')

  // The group's driver sees the roster: public names, roles, profile links — no contacts of drivers.
  await member.page.goto(`/dispatch/groups/${groupId}`)
  const roster = member.page.getByTestId('roster')
  await expect(roster.getByTestId('roster-member')).toHaveCount(3)
  await expect(roster.getByRole('link', { name: 'Ринат О.' })).toHaveAttribute('href', `/users/${colleague.user.id}`)
  await expect(roster).toContainText('Hyundai Starex, серый')
  await expect(roster).not.toContainText(member.user.email)
  await expectFitsPhone(member.page)

  // The new coordinator removes the driver from the group.
  colleague.page.once('dialog', (dialog) => void dialog.accept())
  await colleague.page.getByRole('button', { name: `Исключить ${member.user.name}` }).click()
  await expect(colleague.page.getByTestId('member').filter({ hasText: member.user.name })).toHaveCount(0)
})
