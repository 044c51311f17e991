// Journey: a driver publishes runs (one, a weekly series), is refused a closed checkpoint, works a
// run's manifest — approves and declines requests, edits the run, marks boarding and payment —
// and drives it to completion, which writes the boarded rider's crossing into their travel log.
import { createUser, e2eDb, expect, keepScreenshot, test, type TestUser } from './fixtures'
import { expectFitsPhone, expectNoSeriousAxeViolations } from './lib/page-checks'

const kzToday = () => new Date(Date.now() + 5 * 3_600_000).toISOString().slice(0, 10)
const addDays = (on: string, days: number) => {
  const d = new Date(`${on}T00:00:00Z`)
  d.setUTCDate(d.getUTCDate() + days)
  return d.toISOString().slice(0, 10)
}

async function addCar(ownerId: string, seats = 4): Promise<string> {
  const { rows } = await e2eDb().query<{ id: string }>(
    `INSERT INTO cars (owner_id, make, model, colour, plate, seats) VALUES ($1, 'Toyota', 'Camry', 'белый', $2, $3) RETURNING id`,
    [ownerId, `E2E${Math.floor(Math.random() * 1e6)}`, seats],
  )
  return rows[0]!.id
}

test('a driver publishes a shared-cost round trip Almaty → Korday → Bishkek and lands on its manage page', async ({ signedInAs }) => {
  const { page, user } = await signedInAs(['PASSENGER', 'DRIVER'])
  await addCar(user.id, 4)
  const tomorrow = addDays(kzToday(), 1)

  await page.goto('/my-trips')
  await page.getByRole('link', { name: 'Опубликовать поездку' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Опубликовать поездку' })).toBeVisible()
  await expect(page.getByRole('region', { name: /Карта/ })).toBeVisible()
  await expectNoSeriousAxeViolations(page)
  await expectFitsPhone(page, 360)

  await expect(page.getByLabel('Откуда')).toHaveValue('almaty')
  await page.getByLabel('Где встречаемся').selectOption({ label: 'Рынок «Алтын Орда»' })
  await expect(page.getByLabel('Пункт пропуска')).toHaveValue('korday')
  await expect(page.getByLabel('Куда', { exact: true })).toHaveValue('bishkek')
  // Closed, cargo-only and unconfirmed checkpoints are listed but cannot be chosen.
  await expect(page.locator('select[name="checkpointId"] option[value="zhibek-zholy"]')).toBeDisabled()
  await expect(page.locator('select[name="checkpointId"] option[value="karasu"]')).toBeDisabled()
  await expect(page.getByLabel('Дата выезда')).toHaveValue(tomorrow)
  await page.getByLabel('Время выезда').fill('08:30')
  await expect(page.getByRole('radio', { name: /Туда и обратно/ })).toBeChecked()
  await page.getByLabel('Время обратного выезда').fill('18:00')
  await page.getByLabel('Мест для пассажиров').fill('4')

  await page.getByRole('radio', { name: /Делим расходы/ }).check()
  await page.getByLabel('Общая стоимость поездки, ₸').fill('20000')
  await page.getByLabel('Минимум пассажиров').fill('2')
  await page.getByRole('checkbox', { name: /Я тоже участвую в расходах/ }).check()
  // 20 000 ₸ over 4 riders + the driver = 4 000 a seat; the cap is 20 000 / (2 + 1) rounded up.
  const preview = page.getByTestId('price-preview')
  await expect(preview).toContainText(/от 4\s000\s₸/)
  await expect(preview).toContainText(/предела 6\s667\s₸/)
  await page.getByLabel('Примечания').fill('Один чемодан на человека.')
  await keepScreenshot(page, 'driver-publish-form')

  await page.getByRole('button', { name: 'Опубликовать', exact: true }).click()
  await expect(page).toHaveURL(/\/my-trips\/[0-9a-f-]{36}\?published=1$/)
  await expect(page.getByRole('heading', { level: 1, name: 'Алматы → Бишкек' })).toBeVisible()
  await expect(page.getByText('Поездка опубликована')).toBeVisible()

  const tripId = /\/my-trips\/([0-9a-f-]{36})/.exec(page.url())![1]
  const { rows } = await e2eDb().query(
    `SELECT pricing_mode, total_cost_tenge, min_riders, driver_shares, seats_total, round_trip, checkpoint_id, destination_city_id,
            pickup_label, departure_on::text AS departure_on, return_on::text AS return_on, seat_price_tenge, approval_mode, status
       FROM trips WHERE id = $1 AND driver_id = $2`,
    [tripId, user.id],
  )
  expect(rows).toEqual([
    {
      pricing_mode: 'SHARED_COST', total_cost_tenge: 20000, min_riders: 2, driver_shares: true, seats_total: 4, round_trip: true,
      checkpoint_id: 'korday', destination_city_id: 'bishkek', pickup_label: 'Рынок «Алтын Орда»', departure_on: tomorrow,
      return_on: tomorrow, seat_price_tenge: 6667, approval_mode: 'INSTANT', status: 'SCHEDULED',
    },
  ])

  // The manage page: accessible, fits a phone.
  await expectNoSeriousAxeViolations(page)
  await expectFitsPhone(page, 360)
  await keepScreenshot(page, 'driver-manage-new-run')

  // And the run is on "My runs".
  await page.getByRole('link', { name: '← Мои рейсы' }).click()
  await expect(page.getByRole('article', { name: /Алматы → Бишкек/ })).toContainText('занято 0 из 4')
})

test('a run through Zhibek Zholy is refused with the checkpoint status beside the field', async ({ signedInAs }) => {
  const { page, user } = await signedInAs(['PASSENGER', 'DRIVER'])
  await addCar(user.id, 4)
  await page.goto('/my-trips/new')
  await page.getByLabel('Откуда').selectOption('shymkent')
  await expect(page.getByLabel('Пункт пропуска')).toHaveValue('kaplanbek')
  // The form will not let anyone choose it; the server must refuse it on its own.
  await page.locator('select[name="checkpointId"] option[value="zhibek-zholy"]').evaluate((o) => o.removeAttribute('disabled'))
  await page.getByLabel('Пункт пропуска').selectOption('zhibek-zholy')
  await expect(page.getByLabel('Куда', { exact: true })).toHaveValue('tashkent')
  await page.getByLabel('Цена за место, ₸').fill('3500')
  await page.getByRole('button', { name: 'Опубликовать', exact: true }).click()

  const error = page.locator('#checkpoint-error')
  await expect(error).toContainText('не подтверждена')
  await expect(error).toContainText('31 июля 2026')
  await expect(page.getByLabel('Пункт пропуска')).toHaveAttribute('aria-invalid', 'true')
  // What the driver typed is still there.
  await expect(page.getByLabel('Цена за место, ₸')).toHaveValue('3500')
  const { rows } = await e2eDb().query('SELECT count(*)::int AS n FROM trips WHERE driver_id = $1', [user.id])
  expect(rows[0].n).toBe(0)
})

test('a weekly series creates a run on each chosen day, and one date can be cancelled alone', async ({ signedInAs }) => {
  const { page, user } = await signedInAs(['PASSENGER', 'DRIVER'])
  await addCar(user.id, 4)
  const first = addDays(kzToday(), 1)
  const last = addDays(first, 6)

  await page.goto('/my-trips/new')
  await page.getByLabel('Время выезда').fill('07:00')
  await page.getByRole('radio', { name: /В одну сторону/ }).check()
  await page.getByLabel('Цена за место, ₸').fill('4000')
  await page.getByRole('checkbox', { name: /Повторять каждую неделю/ }).check()
  for (const day of ['понедельник', 'вторник', 'среда', 'четверг', 'пятница', 'суббота', 'воскресенье']) {
    await page.getByRole('checkbox', { name: day }).check()
  }
  await page.getByLabel('До какого числа (необязательно)').fill(last)
  await page.getByRole('button', { name: 'Опубликовать', exact: true }).click()

  await expect(page).toHaveURL(/\/my-trips\?series=/)
  await expect(page.getByTestId('series-created')).toContainText('создано 7 поездок')
  const seriesId = new URL(page.url()).searchParams.get('series')!
  const runs = await e2eDb().query<{ id: string; departure_on: string }>(
    `SELECT id, departure_on::text AS departure_on FROM trips WHERE series_id = $1 AND driver_id = $2 ORDER BY departure_on`,
    [seriesId, user.id],
  )
  expect(runs.rows.map((r) => r.departure_on)).toEqual([0, 1, 2, 3, 4, 5, 6].map((n) => addDays(first, n)))
  await expect(page.getByRole('region', { name: 'Предстоящие' }).getByRole('article')).toHaveCount(7)

  // Cancel the third date only.
  const third = runs.rows[2]!
  await page.goto(`/my-trips/${third.id}`)
  await expect(page.getByText('из серии')).toBeVisible()
  await page.getByText('Отменить только эту дату').click()
  await page.getByLabel('Причина (пассажиры её увидят)').fill('Машина в ремонте')
  await page.getByRole('button', { name: 'Да, отменить эту дату' }).click()
  await expect(page.getByTestId('action-status')).toContainText('Поездка отменена')
  await expect(page.getByText('Поездка отменена. Все пассажиры получили уведомление.')).toBeVisible()

  const after = await e2eDb().query<{ id: string; status: string }>(`SELECT id, status FROM trips WHERE series_id = $1 ORDER BY departure_on`, [seriesId])
  expect(after.rows.map((r) => r.status)).toEqual(['SCHEDULED', 'SCHEDULED', 'CANCELLED', 'SCHEDULED', 'SCHEDULED', 'SCHEDULED', 'SCHEDULED'])
  expect(after.rows[2]!.id).toBe(third.id)
})

/** A manual-approval round trip tomorrow, made in SQL, and two riders who asked for seats. */
async function manualRunWithRequests(driver: TestUser) {
  const db = e2eDb()
  const carId = await addCar(driver.id, 4)
  const on = addDays(kzToday(), 1)
  const { rows: trips } = await db.query<{ id: string }>(
    `INSERT INTO trips (driver_id, car_id, origin_city_id, pickup_label, pickup_lat, pickup_lng, checkpoint_id, destination_city_id,
                        departure_at, departure_on, round_trip, return_at, return_on, seats_total, seats_taken, pricing_mode,
                        price_per_seat_tenge, seat_price_tenge, min_riders, approval_mode, request_ttl_hours, notes, updated_at)
     VALUES ($1, $2, 'almaty', 'Автовокзал «Сайран»', 43.2406, 76.8625, 'korday', 'bishkek',
             ($3 || 'T07:00:00+05:00')::timestamptz, $3::date, true, ($3 || 'T19:00:00+05:00')::timestamptz, $3::date, 4, 3, 'PER_SEAT',
             5000, 5000, 1, 'MANUAL', 3, '', now())
     RETURNING id`,
    [driver.id, carId, on],
  )
  const tripId = trips[0]!.id
  const stayEntryOn = addDays(kzToday(), -40)

  const rider = async (name: string, phone: string, travellers: { name: string; verdict: 'OK' | 'WARN'; stayEntryOn?: string }[]) => {
    const user = await createUser({ roles: ['PASSENGER'], name })
    await db.query(`UPDATE users SET phone = $2 WHERE id = $1`, [user.id, phone])
    const { rows: booking } = await db.query<{ id: string }>(
      `INSERT INTO bookings (trip_id, rider_id, status, seats, quoted_tenge, cap_tenge, verdict, rule_version, expires_at, updated_at)
       VALUES ($1, $2, 'PENDING', $3, $4, $4, $5, 'e2e', now() + interval '3 hours', now()) RETURNING id`,
      [tripId, user.id, travellers.length, travellers.length * 5000, travellers.some((t) => t.verdict === 'WARN') ? 'WARN' : 'OK'],
    )
    const ids: string[] = []
    for (const [position, t] of travellers.entries()) {
      const { rows: tr } = await db.query<{ id: string }>(
        `INSERT INTO travellers (account_id, is_self, name, citizenship, updated_at) VALUES ($1, $2, $3, 'RU', now()) RETURNING id`,
        [user.id, position === 0, t.name],
      )
      const travellerId = tr[0]!.id
      ids.push(travellerId)
      if (t.stayEntryOn) {
        await db.query(`INSERT INTO stays (traveller_id, entry_on, updated_at) VALUES ($1, $2::date, now())`, [travellerId, t.stayEntryOn])
      }
      // The check's inputs (stays) are stored with the booking; the driver must never see them.
      await db.query(
        `INSERT INTO booking_travellers (booking_id, traveller_id, position, name, verdict, reasons, check_inputs)
         VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7::jsonb)`,
        [booking[0]!.id, travellerId, position, t.name, t.verdict, JSON.stringify([{ code: 'DAYS_LOW', daysLeft: 12 }]), JSON.stringify({ stays: [{ entryOn: t.stayEntryOn ?? null }] })],
      )
    }
    return { user, bookingId: booking[0]!.id, travellerIds: ids }
  }

  const anna = await rider('Анна Лебедева', '+77015550101', [
    { name: 'Анна Лебедева', verdict: 'OK', stayEntryOn },
    { name: 'Миша Лебедев', verdict: 'WARN' },
  ])
  const boris = await rider('Борис Ким', '+77015550202', [{ name: 'Борис Ким', verdict: 'OK' }])
  return { tripId, on, stayEntryOn, anna, boris }
}

test('a driver works the manifest: requests, edit, boarding, payment, statuses through completion', async ({ signedInAs }) => {
  test.setTimeout(120_000)
  const { page, user } = await signedInAs(['PASSENGER', 'DRIVER'])
  const { tripId, on, stayEntryOn, anna, boris } = await manualRunWithRequests(user)
  const db = e2eDb()

  await page.goto('/my-trips')
  await expect(page.getByRole('article', { name: /Алматы → Бишкек/ }).getByRole('link', { name: '2 заявки ждут ответа' })).toBeVisible()

  await page.goto(`/my-trips/${tripId}`)
  const requests = page.getByRole('region', { name: /Заявки/ })
  await expect(requests.getByRole('listitem', { name: 'Анна Лебедева' }).first()).toBeVisible()
  // Phones stay hidden until a request is approved.
  await expect(page.getByText('+7 701 555 0101')).toHaveCount(0)
  await expect(page.locator('a[href="tel:+77015550101"]')).toHaveCount(0)

  // Approve Anna, decline Boris.
  await requests.getByRole('listitem', { name: 'Анна Лебедева' }).first().getByRole('button', { name: 'Одобрить' }).click()
  await expect(page.getByTestId('action-status')).toContainText('Заявка одобрена')
  const manifest = page.getByRole('region', { name: 'Пассажиры' })
  await expect(manifest.getByRole('link', { name: '+7 701 555 0101' })).toHaveAttribute('href', 'tel:+77015550101')
  await requests.getByRole('listitem', { name: 'Борис Ким' }).getByRole('button', { name: 'Отклонить' }).click()
  await expect(page.getByTestId('action-status')).toContainText('Заявка отклонена')
  await expect(requests.getByText('Заявок нет.')).toBeVisible()
  const decided = await db.query(`SELECT id, status FROM bookings WHERE trip_id = $1 ORDER BY created_at`, [tripId])
  expect(Object.fromEntries(decided.rows.map((r) => [r.id, r.status]))).toEqual({ [anna.bookingId]: 'CONFIRMED', [boris.bookingId]: 'DECLINED' })
  expect((await db.query(`SELECT seats_taken FROM trips WHERE id = $1`, [tripId])).rows[0].seats_taken).toBe(2)

  // The verdict only — never the rider's stays, documents or the reasons.
  await expect(manifest.getByRole('listitem', { name: 'Миша Лебедев' })).toContainText('есть предупреждение')
  const html = await page.content()
  const stayRu = new Intl.DateTimeFormat('ru-RU', { timeZone: 'UTC', day: 'numeric', month: 'long' }).format(new Date(`${stayEntryOn}T12:00:00Z`))
  expect(html).not.toContain(stayEntryOn)
  expect(html).not.toContain(stayRu)
  expect(html).not.toContain('DAYS_LOW')

  // Edit: moving the date is refused while riders are booked; a new time is saved and Anna told.
  await page.getByRole('link', { name: 'Изменить' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Изменить поездку' })).toBeVisible()
  await page.getByLabel('Дата выезда').fill(addDays(on, 1))
  await page.getByLabel('Дата возвращения').fill(addDays(on, 1))
  await page.getByRole('button', { name: 'Сохранить изменения' }).click()
  await expect(page.locator('#edit-departure-on-error')).toContainText('Дату нельзя менять')
  await page.getByLabel('Дата выезда').fill(on)
  await page.getByLabel('Дата возвращения').fill(on)
  await page.getByLabel('Время выезда').fill('07:30')
  await page.getByRole('button', { name: 'Сохранить изменения' }).click()
  await expect(page.getByTestId('form-message')).toContainText('1 пассажир получил уведомление')
  const told = await db.query(`SELECT kind FROM notifications WHERE user_id = $1 AND kind = 'TRIP_CHANGED'`, [anna.user.id])
  expect(told.rows).toHaveLength(1)
  await page.getByRole('link', { name: '← К поездке' }).first().click()

  // Boarding: Anna is in the car, her son did not come.
  await page.getByRole('button', { name: 'Начать посадку' }).click()
  await expect(page.getByTestId('action-status')).toContainText('Посадка началась')
  await manifest.getByRole('listitem', { name: 'Анна Лебедева' }).last().getByRole('button', { name: 'Сел' }).click()
  await expect(manifest.getByRole('listitem', { name: 'Анна Лебедева' }).last().getByRole('button', { name: 'Сел' })).toHaveAttribute('aria-pressed', 'true')
  await manifest.getByRole('listitem', { name: 'Миша Лебедев' }).getByRole('button', { name: 'Не пришёл' }).click()
  await expect(manifest.getByRole('listitem', { name: 'Миша Лебедев' })).toContainText('не пришёл')
  const boarding = await db.query(`SELECT name, boarding FROM booking_travellers WHERE booking_id = $1 ORDER BY position`, [anna.bookingId])
  expect(boarding.rows).toEqual([{ name: 'Анна Лебедева', boarding: 'BOARDED' }, { name: 'Миша Лебедев', boarding: 'NO_SHOW' }])

  // Payment received.
  await manifest.getByRole('button', { name: 'Оплата получена' }).click()
  await expect(manifest.getByText('оплата получена', { exact: true })).toBeVisible()
  expect((await db.query(`SELECT payment_state FROM bookings WHERE id = $1`, [anna.bookingId])).rows[0].payment_state).toBe('CONFIRMED')
  await expectNoSeriousAxeViolations(page)
  await expectFitsPhone(page, 360)
  await keepScreenshot(page, 'driver-manage-manifest')

  // Departed → at the border → back → completed.
  for (const [button, done] of [
    ['Выехали', 'Отмечено: выехали'],
    ['На границе', 'Отмечено: на границе'],
    ['Вернулись в Казахстан', 'Отмечено: вернулись'],
  ] as const) {
    await page.getByRole('button', { name: button }).click()
    await expect(page.getByTestId('action-status')).toContainText(done)
  }
  await expect(page.getByText(/запишется в журнал поездок каждого севшего пассажира \(сейчас отмечено: 1\)/)).toBeVisible()
  await page.getByRole('button', { name: 'Завершить поездку' }).click()
  await expect(page.getByTestId('action-status')).toContainText('Поездка завершена')
  await expect(page.locator('[data-status="COMPLETED"]')).toBeVisible()

  // Anna's travel log: the stay she was in ends on the run's date, a new one opens on the return.
  const stays = await db.query(
    `SELECT entry_on::text AS entry_on, exit_on::text AS exit_on, source FROM stays WHERE traveller_id = $1 ORDER BY entry_on`,
    [anna.travellerIds[0]],
  )
  expect(stays.rows).toEqual([
    { entry_on: stayEntryOn, exit_on: on, source: 'MANUAL' },
    { entry_on: on, exit_on: null, source: 'RUN' },
  ])
  // The no-show's log is untouched.
  expect((await db.query(`SELECT count(*)::int AS n FROM stays WHERE traveller_id = $1`, [anna.travellerIds[1]])).rows[0].n).toBe(0)
  expect((await db.query(`SELECT status FROM trips WHERE id = $1`, [tripId])).rows[0].status).toBe('COMPLETED')
})

test('a passenger without a car is sent to add one', async ({ signedInAs }) => {
  const { page } = await signedInAs(['PASSENGER'])
  await page.goto('/my-trips/new')
  await expect(page.getByRole('heading', { level: 1, name: 'Сначала добавьте машину' })).toBeVisible()
  await page.getByRole('link', { name: 'Добавить машину в профиле' }).click()
  await expect(page).toHaveURL(/\/account$/)
})
