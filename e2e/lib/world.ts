// The people and things the authorization walk and the fuzz need, made with SQL on the e2e
// server's database.
//
// `createCast()` (once per worker): one user per audience, each signed in in its own browser context
// — a plain passenger, the rider who owns the booking, the run's driver, a driver of another run,
// the coordinator of the run's group, a coordinator of another group, an admin — each with a
// traveller profile of their own (so that any of them can book).
//
// `createWorld(cast)` (as often as needed): a coordinator group (the coordinator and the driver in
// it) with an invitation, a run tomorrow with the rider's CONFIRMED booking, a manual-approval run
// with the rider's PENDING request, an empty run on the same board (a move target), a run with the
// rider's WAITLISTED party and room to promote it; the rider's traveller on the confirmed booking
// has a stay and a residence document with dates found nowhere else (PRIVATE_MARKERS), also copied
// into the booking's check inputs as the legal check stores them. After the run (issue 13): a
// completed run of the driver with the rider's confirmed booking (reviews, "the driver did not
// come"), an older completed run with both reviews visible (a reply), the driver's no-show mark of
// the rider (a dispute), the rider's disputed claim that the driver did not come (an admin decides)
// and an open report of the rider's review (the admin queue); the plain target user is suspended.
// The rider has a phone and an email that mark them (PROFILE_MARKERS). `dropWorld()` removes it
// again, with anything a walked request added, and puts the cast's roles and profiles back.
import { randomUUID } from 'node:crypto'
import type { Browser, BrowserContext } from '@playwright/test'
import type { Audience, PrivateMarker } from '@/lib/auth/access-table'
import { createUser, e2eDb, signInContext, type Role, type TestUser } from '../fixtures'

/** A Kazakhstan calendar date (UTC+5) `offset` days from today. */
export function kzDate(offset: number): string {
  const d = new Date(Date.now() + 5 * 3_600_000)
  d.setUTCDate(d.getUTCDate() + offset)
  return d.toISOString().slice(0, 10)
}

/** The rider's stay and document: dates that appear nowhere else in the app's data. */
export const PRIVATE_DATES = { stayEntryOn: '2025-03-17', stayExitOn: '2025-04-29', documentFrom: '2023-07-19', documentTo: '2031-11-23' } as const

/** The booking rider's contacts, which no profile may show (PROFILE_MARKERS). */
export const RIDER_CONTACT = { emailPrefix: 'e2e-rider-contact', phone: '+77019130913' } as const

/** The days of the world's runs: tomorrow's board, and the two completed runs. */
export const RUN_OFFSETS = { board: 1, completed: -2, past: -20 } as const

const MONTHS_RU = ['января', 'февраля', 'марта', 'апреля', 'мая', 'июня', 'июля', 'августа', 'сентября', 'октября', 'ноября', 'декабря']
const MONTHS_EN = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December']

function dateForms(iso: string): RegExp[] {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number]
  const dd = String(d).padStart(2, '0')
  const mm = String(m).padStart(2, '0')
  return [
    new RegExp(iso),
    new RegExp(`${dd}\\.${mm}\\.${y}`),
    new RegExp(`\\b${d}\\s+${MONTHS_RU[m - 1]}\\s+${y}`),
    new RegExp(`\\b${d}\\s+${MONTHS_EN[m - 1]}\\s+${y}`),
    new RegExp(`${MONTHS_EN[m - 1]}\\s+${d},\\s+${y}`),
  ]
}

/** How each kind of private data (lib/auth/access-table.ts, PRIVATE_MARKERS and PROFILE_MARKERS)
 * shows in a body. */
export const MARKER_PATTERNS: Record<PrivateMarker, RegExp[]> = {
  stayDates: [PRIVATE_DATES.stayEntryOn, PRIVATE_DATES.stayExitOn].flatMap(dateForms),
  documentDates: [PRIVATE_DATES.documentFrom, PRIVATE_DATES.documentTo].flatMap(dateForms),
  checkInputs: [/check_?inputs/i],
  reasons: [/\\?"reasons\\?"\s*:/],
  stays: [/\\?"stays\\?"\s*:/],
  documents: [/\\?"documents\\?"\s*:/],
  email: [new RegExp(`${RIDER_CONTACT.emailPrefix}-[0-9a-f-]+@`)],
  // +7 701 913 09 13 however it is written.
  phone: [/\+?7[\s()-]*701[\s()-]*913[\s-]*09[\s-]*13/],
  citizenship: [/\\?"citizenship\\?"\s*:/],
  travelDates: Object.values(RUN_OFFSETS).map(kzDate).flatMap(dateForms),
}

/** The dates are looked for in every response to anyone but the rider. */
const ALWAYS: PrivateMarker[] = ['stayDates', 'documentDates']

/** The private data of the rider found in `body`, with where. */
export function findPrivateMarkers(body: string, hides: readonly PrivateMarker[] = []): string[] {
  const found: string[] = []
  for (const marker of new Set([...ALWAYS, ...hides])) {
    for (const re of MARKER_PATTERNS[marker]) {
      const at = body.search(re)
      if (at >= 0) found.push(`${marker} (${re}) → …${body.slice(Math.max(0, at - 60), at + 60)}…`)
    }
  }
  return found
}

export type Member = TestUser & { roles: Role[]; travellerId: string; carId?: string; spareCarId?: string; context: BrowserContext }

export type Cast = {
  users: Record<Exclude<Audience, 'anonymous'>, Member>
  /** A context with no session, and one with a session cookie that is not valid (it passes the
   * proxy's "signed in?" test, so the page's or action's own check is what refuses). */
  anonymous: BrowserContext
  forged: BrowserContext
  /** The run's driver's phone and Telegram, and the booking rider's phone (E.164). */
  contacts: { driverPhone: string; driverTelegram: string; riderPhone: string }
  otherGroupId: string
  otherTripId: string
}

const ROLES: Record<Exclude<Audience, 'anonymous'>, Role[]> = {
  passenger: ['PASSENGER'],
  bookingOwner: ['PASSENGER'],
  tripDriver: ['PASSENGER', 'DRIVER'],
  otherDriver: ['PASSENGER', 'DRIVER'],
  groupCoordinator: ['PASSENGER', 'COORDINATOR'],
  otherCoordinator: ['PASSENGER', 'COORDINATOR'],
  admin: ['PASSENGER', 'ADMIN'],
}

async function one<T>(sql: string, params: unknown[]): Promise<T> {
  const { rows } = await e2eDb().query(sql, params)
  return rows[0] as T
}

async function addCar(ownerId: string, make = 'Toyota'): Promise<string> {
  const plate = `${Math.floor(100 + Math.random() * 899)}AZ${String(Math.floor(Math.random() * 99)).padStart(2, '0')}`
  return (await one<{ id: string }>(`INSERT INTO cars (owner_id, make, model, colour, plate, seats) VALUES ($1, $2, 'Alphard', 'белый', $3, 7) RETURNING id`, [ownerId, make, plate])).id
}

async function addTraveller(accountId: string, name: string, self: boolean): Promise<string> {
  return (await one<{ id: string }>(`INSERT INTO travellers (account_id, is_self, name, citizenship, updated_at) VALUES ($1, $2, $3, 'RU', now()) RETURNING id`, [accountId, self, name])).id
}

type RunOptions = {
  driverId: string; carId: string; groupId: string | null; on: string; time: string; seats?: number; taken?: number; approval?: 'INSTANT' | 'MANUAL'; notes?: string
  /** A run that is over: COMPLETED that many days ago. */
  completedDaysAgo?: number
}

export async function addRun(o: RunOptions): Promise<string> {
  const departureAt = new Date(`${o.on}T${o.time}:00+05:00`)
  const returnAt = new Date(departureAt.getTime() + 8 * 3_600_000)
  const approval = o.approval ?? 'INSTANT'
  return (
    await one<{ id: string }>(
      `INSERT INTO trips (driver_id, car_id, origin_city_id, pickup_label, pickup_lat, pickup_lng, checkpoint_id, destination_city_id,
         departure_at, departure_on, round_trip, return_at, return_on, seats_total, seats_taken, pricing_mode, price_per_seat_tenge,
         min_riders, seat_price_tenge, approval_mode, request_ttl_hours, notes, group_id, status, completed_at, updated_at)
       VALUES ($1, $2, 'almaty', 'Алматы, Сайран', 43.2389, 76.8897, 'korday', 'bishkek', $3, $4::date, true, $5, $4::date, $6, $7,
         'PER_SEAT', 5000, 1, 5000, $8::"ApprovalMode", $9, $10, $11, $12::"TripStatus", $13, now())
       RETURNING id`,
      [
        o.driverId, o.carId, departureAt, o.on, returnAt, o.seats ?? 4, o.taken ?? 0, approval, approval === 'MANUAL' ? 3 : null, o.notes ?? 'Встреча у главного входа.', o.groupId,
        o.completedDaysAgo === undefined ? 'SCHEDULED' : 'COMPLETED', o.completedDaysAgo === undefined ? null : new Date(Date.now() - o.completedDaysAgo * 86_400_000),
      ],
    )
  ).id
}

type BookingOptions = {
  tripId: string; riderId: string; travellerId: string; travellerName: string; status: 'CONFIRMED' | 'PENDING' | 'WAITLISTED'; exitOn: string; withPrivateInputs?: boolean
  boarding?: 'PENDING' | 'BOARDED' | 'NO_SHOW'
}

export async function addBooking(o: BookingOptions): Promise<string> {
  const booking = await one<{ id: string }>(
    `INSERT INTO bookings (trip_id, rider_id, status, seats, quoted_tenge, cap_tenge, verdict, rule_version, expires_at, updated_at)
     VALUES ($1, $2, $3::"BookingStatus", 1, 5000, 5000, 'OK', 'kz-2023-01-27/v1', $4, now()) RETURNING id`,
    [o.tripId, o.riderId, o.status, o.status === 'PENDING' ? new Date(Date.now() + 3 * 3_600_000) : null],
  )
  // The engine's reasons, with a private date among their parameters: a view that showed reasons
  // to someone else would show it.
  const reasons = o.withPrivateInputs
    ? [{ code: 'DAYS_USED_ON_EXIT', severity: 'info', params: { daysUsed: 44, maxDaysInWindow: 90, windowStart: PRIVATE_DATES.stayEntryOn } }]
    : []
  // What the legal check stores with a booking: exactly the engine's inputs (private to the rider).
  const inputs = {
    citizenship: 'RU',
    stays: o.withPrivateInputs ? [{ entryOn: PRIVATE_DATES.stayEntryOn, exitOn: PRIVATE_DATES.stayExitOn }] : [],
    documents: o.withPrivateInputs ? [{ kind: 'visa', validFrom: PRIVATE_DATES.documentFrom, validTo: PRIVATE_DATES.documentTo }] : [],
    exitOn: o.exitOn,
    returnOn: o.exitOn,
    ruleVersion: 'kz-2023-01-27/v1',
  }
  await e2eDb().query(
    `INSERT INTO booking_travellers (booking_id, traveller_id, position, name, verdict, reasons, check_inputs, boarding) VALUES ($1, $2, 0, $3, 'OK', $4::jsonb, $5::jsonb, $6::"BoardingState")`,
    [booking.id, o.travellerId, o.travellerName, JSON.stringify(reasons), JSON.stringify(inputs), o.boarding ?? 'PENDING'],
  )
  return booking.id
}

export async function createCast(browser: Browser, baseURL: string): Promise<Cast> {
  const entries = await Promise.all(
    (Object.keys(ROLES) as (keyof typeof ROLES)[]).map(async (audience) => {
      const contact = audience === 'bookingOwner' ? RIDER_CONTACT : {}
      const user = await createUser({ roles: ROLES[audience], name: `${audience} ${randomUUID().slice(0, 4)}`, ...contact })
      const travellerId = await addTraveller(user.id, user.name, true)
      // In Kazakhstan (an empty log is not zero days: a booking would ask for the entry date).
      await e2eDb().query(`INSERT INTO stays (traveller_id, entry_on, exit_on, updated_at) VALUES ($1, $2::date, NULL, now())`, [travellerId, kzDate(-5)])
      const carId = ROLES[audience].includes('DRIVER') ? await addCar(user.id) : undefined
      // A second car with no runs, for runs opened for the driver (one car is on one run at a time).
      const spareCarId = ROLES[audience].includes('DRIVER') ? await addCar(user.id) : undefined
      const context = await browser.newContext()
      await signInContext(context, user)
      return [audience, { ...user, roles: ROLES[audience], travellerId, carId, spareCarId, context }] as const
    }),
  )
  const users = Object.fromEntries(entries) as Cast['users']
  // Contacts that must reach the other side only once a booking is confirmed: the run's driver
  // (phone, Telegram shown by choice) and the rider.
  const digits = () => String(Math.floor(100_000 + Math.random() * 899_999))
  const contacts = { driverPhone: `+996555${digits()}`, driverTelegram: `drv_${randomUUID().slice(0, 8)}`, riderPhone: RIDER_CONTACT.phone }
  await e2eDb().query(`UPDATE users SET phone = $2, telegram_chat_id = $3, telegram_username = $4, telegram_shared = true WHERE id = $1`, [users.tripDriver.id, contacts.driverPhone, 800_000_000 + Math.floor(Math.random() * 99_999_999), contacts.driverTelegram])
  await e2eDb().query(`UPDATE users SET phone = $2 WHERE id = $1`, [users.bookingOwner.id, contacts.riderPhone])
  // The other driver's run, in the other coordinator's group.
  const otherGroupId = (await one<{ id: string }>(`INSERT INTO groups (name, created_by_id) VALUES ($1, $2) RETURNING id`, [`Другая группа ${randomUUID().slice(0, 4)}`, users.otherCoordinator.id])).id
  await e2eDb().query(`INSERT INTO group_members (group_id, user_id, role) VALUES ($1, $2, 'COORDINATOR'), ($1, $3, 'DRIVER')`, [otherGroupId, users.otherCoordinator.id, users.otherDriver.id])
  const otherTripId = await addRun({ driverId: users.otherDriver.id, carId: users.otherDriver.carId!, groupId: otherGroupId, on: kzDate(1), time: '09:00' })

  const anonymous = await browser.newContext()
  const forged = await browser.newContext()
  await forged.addCookies([{ name: 'next-auth.session-token', value: `forged.${randomUUID()}`, url: baseURL }])
  return { users, anonymous, forged, otherGroupId, otherTripId, contacts }
}

export async function closeCast(cast: Cast): Promise<void> {
  for (const u of Object.values(cast.users)) await u.context.close()
  await cast.anonymous.close()
  await cast.forged.close()
}

export type World = {
  startedAt: Date
  date: string
  groupId: string
  inviteId: string
  inviteCode: string
  tripId: string
  manualTripId: string
  targetTripId: string
  waitlistTripId: string
  bookingId: string
  pendingBookingId: string
  waitlistedBookingId: string
  /** The rider's traveller on the confirmed booking: the stay and the document are theirs. */
  travellerId: string
  stayId: string
  documentId: string
  /** A traveller of the rider with no booking (may be deleted). */
  freeTravellerId: string
  /** A plain user an admin may change the roles of (suspended: an admin may reinstate them); a
   * member anyone may report or block. */
  targetUserId: string
  /** A dead-lettered email to the target user (an admin may send it again). */
  failedDeliveryId: string
  /** The driver's completed run (two days ago) with the rider's confirmed booking, not reviewed yet. */
  completedTripId: string
  completedBookingId: string
  /** An older completed run: both reviews visible; the driver's review of the rider. */
  pastBookingId: string
  reviewOfRiderId: string
  reviewOfDriverId: string
  /** The driver's no-show mark of the rider on the older run (standing, disputable). */
  noShowId: string
  /** The rider's claim that the driver did not come on the older run, disputed by the driver. */
  disputedNoShowId: string
  /** A passenger's open report of the rider's review of the driver. */
  reportId: string
  travellerIds: string[]
  tripIds: string[]
}

export async function createWorld(cast: Cast): Promise<World> {
  const { users } = cast
  // The database's clock: whatever a walked request adds after this belongs to this world.
  const startedAt = (await one<{ now: Date }>(`SELECT now() AS now`, [])).now
  const date = kzDate(1)
  const tag = randomUUID().slice(0, 6)
  const groupId = (await one<{ id: string }>(`INSERT INTO groups (name, created_by_id) VALUES ($1, $2) RETURNING id`, [`Группа ${tag}`, users.groupCoordinator.id])).id
  await e2eDb().query(`INSERT INTO group_members (group_id, user_id, role) VALUES ($1, $2, 'COORDINATOR'), ($1, $3, 'DRIVER')`, [groupId, users.groupCoordinator.id, users.tripDriver.id])
  const inviteCode = `E2E${tag.toUpperCase().replace(/[^A-Z0-9]/g, 'X')}`
  const inviteId = (
    await one<{ id: string }>(`INSERT INTO group_invites (group_id, code, created_by_id, expires_at, max_uses) VALUES ($1, $2, $3, now() + interval '7 days', 10) RETURNING id`, [groupId, inviteCode, users.groupCoordinator.id])
  ).id
  const driver = { driverId: users.tripDriver.id, carId: users.tripDriver.carId!, groupId, on: date }
  const tripId = await addRun({ ...driver, time: '10:00', taken: 1 })
  const manualTripId = await addRun({ ...driver, time: '12:00', taken: 1, approval: 'MANUAL' })
  const targetTripId = await addRun({ ...driver, time: '14:00' })
  const waitlistTripId = await addRun({ ...driver, time: '16:00', seats: 2 })

  const rider = users.bookingOwner
  const travellerName = `Айгерим ${tag}`
  const travellerId = await addTraveller(rider.id, travellerName, false)
  const pendingTraveller = await addTraveller(rider.id, `Попутчик ${tag}`, false)
  const waitlistTraveller = await addTraveller(rider.id, `Ожидающий ${tag}`, false)
  const freeTravellerId = await addTraveller(rider.id, `Свободный ${tag}`, false)
  // The other travellers are in Kazakhstan (an empty log is not zero days: moves and promotions
  // check them again).
  for (const id of [pendingTraveller, waitlistTraveller, freeTravellerId]) {
    await e2eDb().query(`INSERT INTO stays (traveller_id, entry_on, exit_on, updated_at) VALUES ($1, $2::date, NULL, now())`, [id, kzDate(-5)])
  }
  const stayId = (
    await one<{ id: string }>(`INSERT INTO stays (traveller_id, entry_on, exit_on, updated_at) VALUES ($1, $2::date, $3::date, now()) RETURNING id`, [travellerId, PRIVATE_DATES.stayEntryOn, PRIVATE_DATES.stayExitOn])
  ).id
  const documentId = (
    await one<{ id: string }>(`INSERT INTO residence_documents (traveller_id, kind, valid_from, valid_to) VALUES ($1, 'VISA', $2::date, $3::date) RETURNING id`, [travellerId, PRIVATE_DATES.documentFrom, PRIVATE_DATES.documentTo])
  ).id
  const bookingId = await addBooking({ tripId, riderId: rider.id, travellerId, travellerName, status: 'CONFIRMED', exitOn: date, withPrivateInputs: true })
  const pendingBookingId = await addBooking({ tripId: manualTripId, riderId: rider.id, travellerId: pendingTraveller, travellerName: `Попутчик ${tag}`, status: 'PENDING', exitOn: date })
  const waitlistedBookingId = await addBooking({ tripId: waitlistTripId, riderId: rider.id, travellerId: waitlistTraveller, travellerName: `Ожидающий ${tag}`, status: 'WAITLISTED', exitOn: date })
  const target = await createUser({ name: `Цель ${tag}` })
  // The driver moved the confirmed run meanwhile: a change waits for the rider's answer.
  await e2eDb().query(
    `UPDATE bookings SET changed_by_driver_at = now(), change_summary = $2::jsonb WHERE id = $1`,
    [bookingId, JSON.stringify({ kind: 'TRIP_CHANGED', changes: [{ field: 'pickup', before: 'Алматы, Сайран', after: 'Алматы, Саяхат' }], reason: 'Ремонт дороги', at: new Date().toISOString() })],
  )
  const failedDeliveryId = (
    await one<{ id: string }>(
      `WITH n AS (INSERT INTO notifications (user_id, kind, topic, params) VALUES ($1, 'WAITLISTED', 'BOOKINGS', '{}'::jsonb) RETURNING id)
       INSERT INTO notification_deliveries (notification_id, channel, status, attempts, last_error) SELECT id, 'EMAIL', 'FAILED', 10, 'SMTP 550: No such mailbox' FROM n RETURNING id`,
      [target.id],
    )
  ).id
  await e2eDb().query(`UPDATE users SET suspended_at = now(), suspension_reason = 'e2e' WHERE id = $1`, [target.id])

  // After the run (issue 13).
  const pastTraveller = await addTraveller(rider.id, `Попутчица ${tag}`, false)
  const over = { driverId: users.tripDriver.id, carId: users.tripDriver.carId!, groupId: null, time: '08:00', taken: 1 }
  const completedTripId = await addRun({ ...over, on: kzDate(RUN_OFFSETS.completed), completedDaysAgo: 1 })
  const pastTripId = await addRun({ ...over, on: kzDate(RUN_OFFSETS.past), completedDaysAgo: 19 })
  const travelled = { riderId: rider.id, travellerId: pastTraveller, travellerName: `Попутчица ${tag}`, status: 'CONFIRMED' as const, boarding: 'BOARDED' as const }
  const completedBookingId = await addBooking({ ...travelled, tripId: completedTripId, exitOn: kzDate(RUN_OFFSETS.completed) })
  const pastBookingId = await addBooking({ ...travelled, tripId: pastTripId, exitOn: kzDate(RUN_OFFSETS.past) })
  const review = (authorId: string, subjectId: string, role: 'DRIVER' | 'RIDER', rating: number, comment: string) =>
    one<{ id: string }>(
      `INSERT INTO reviews (booking_id, trip_id, author_id, subject_id, author_role, rating, comment, created_at, visible_at)
       VALUES ($1, $2, $3, $4, $5::"TripRole", $6, $7, now() - interval '18 days', now() - interval '18 days') RETURNING id`,
      [pastBookingId, pastTripId, authorId, subjectId, role, rating, comment],
    )
  const reviewOfRiderId = (await review(users.tripDriver.id, rider.id, 'DRIVER', 5, 'Пунктуальная попутчица.')).id
  const reviewOfDriverId = (await review(rider.id, users.tripDriver.id, 'RIDER', 2, 'Опоздал на полчаса.')).id
  const noShowId = (
    await one<{ id: string }>(`INSERT INTO no_shows (booking_id, trip_id, absent_role, subject_id, reporter_id) VALUES ($1, $2, 'RIDER', $3, $4) RETURNING id`, [pastBookingId, pastTripId, rider.id, users.tripDriver.id])
  ).id
  const disputedNoShowId = (
    await one<{ id: string }>(
      `INSERT INTO no_shows (booking_id, trip_id, absent_role, subject_id, reporter_id, status, disputed_at, dispute_note) VALUES ($1, $2, 'DRIVER', $3, $4, 'DISPUTED', now(), 'Я ждал у входа.') RETURNING id`,
      [pastBookingId, pastTripId, users.tripDriver.id, rider.id],
    )
  ).id
  const reportId = (
    await one<{ id: string }>(`INSERT INTO reports (reporter_id, target, subject_id, review_id, reason, comment) VALUES ($1, 'REVIEW', $2, $3, 'OFFENSIVE', 'Грубо.') RETURNING id`, [users.passenger.id, rider.id, reviewOfDriverId])
  ).id
  return {
    startedAt, date, groupId, inviteId, inviteCode, tripId, manualTripId, targetTripId, waitlistTripId,
    bookingId, pendingBookingId, waitlistedBookingId, travellerId, stayId, documentId, freeTravellerId,
    targetUserId: target.id,
    failedDeliveryId,
    completedTripId, completedBookingId, pastBookingId, reviewOfRiderId, reviewOfDriverId, noShowId, disputedNoShowId, reportId,
    travellerIds: [travellerId, pendingTraveller, waitlistTraveller, freeTravellerId, pastTraveller],
    tripIds: [tripId, manualTripId, targetTripId, waitlistTripId, completedTripId, pastTripId],
  }
}

/** Removes a world and whatever the walked requests added since it was made; the cast keeps its
 * users, roles, self profiles and cars. */
export async function dropWorld(cast: Cast, world: World): Promise<void> {
  const ids = Object.values(cast.users).map((u) => u.id)
  const db = e2eDb()
  const client = await db.connect()
  try {
    await client.query('BEGIN')
    // Runs of the world, and runs the cast published or opened since.
    const { rows } = await client.query<{ id: string }>(
      `SELECT id FROM trips WHERE id = ANY($1::uuid[]) OR group_id = $2::uuid OR (driver_id = ANY($3::uuid[]) AND created_at >= $4 AND id <> $5::uuid)`,
      [world.tripIds, world.groupId, ids, world.startedAt, cast.otherTripId],
    )
    const trips = rows.map((r) => r.id)
    await client.query(`DELETE FROM bookings WHERE trip_id = ANY($1::uuid[]) OR (rider_id = ANY($2::uuid[]) AND created_at >= $3)`, [trips, ids, world.startedAt])
    await client.query(`DELETE FROM trips WHERE id = ANY($1::uuid[])`, [trips])
    await client.query(`DELETE FROM trip_series WHERE driver_id = ANY($1::uuid[]) AND created_at >= $2`, [ids, world.startedAt])
    await client.query(`DELETE FROM travellers WHERE id = ANY($1::uuid[]) OR (account_id = ANY($2::uuid[]) AND NOT is_self AND created_at >= $3)`, [world.travellerIds, ids, world.startedAt])
    await client.query(`DELETE FROM groups WHERE id = $1::uuid OR (created_by_id = ANY($2::uuid[]) AND created_at >= $3 AND id <> $4::uuid)`, [world.groupId, ids, world.startedAt, cast.otherGroupId])
    await client.query(`DELETE FROM group_members WHERE group_id = $1::uuid AND user_id = ANY($2::uuid[]) AND role = 'DRIVER' AND joined_at >= $3 AND user_id <> $4::uuid`, [cast.otherGroupId, ids, world.startedAt, cast.users.otherDriver.id])
    const castCars = Object.values(cast.users).flatMap((u) => (u.carId ? [u.carId] : []))
    await client.query(`DELETE FROM cars WHERE owner_id = ANY($1::uuid[]) AND created_at >= $2 AND NOT (id = ANY($3::uuid[]))`, [ids, world.startedAt, castCars])
    await client.query(`DELETE FROM notifications WHERE user_id = ANY($1::uuid[])`, [ids])
    // Trust (issue 13): reports, blocks and moderation decisions of the cast; reviews and no-shows
    // went with the bookings.
    await client.query(`DELETE FROM reports WHERE reporter_id = ANY($1::uuid[]) OR subject_id = ANY($1::uuid[])`, [ids])
    await client.query(`DELETE FROM blocks WHERE blocker_id = ANY($1::uuid[]) OR blocked_id = ANY($1::uuid[])`, [ids])
    await client.query(`DELETE FROM audit_log WHERE group_id IS NULL AND actor_id = ANY($1::uuid[]) AND created_at >= $2`, [ids, world.startedAt])
    for (const [audience, user] of Object.entries(cast.users)) {
      await client.query(`UPDATE users SET roles = $2::"Role"[], languages = '{}', about = '', suspended_at = NULL, suspension_reason = NULL WHERE id = $1`, [user.id, ROLES[audience as keyof typeof ROLES]])
    }
    await client.query(`DELETE FROM users WHERE id = $1`, [world.targetUserId])
    await client.query('COMMIT')
  } catch (error) {
    await client.query('ROLLBACK')
    throw error
  } finally {
    client.release()
  }
}
