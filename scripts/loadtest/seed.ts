// Load-test data, written with plain SQL (2,000 riders take well under a second this way): drivers
// with cars, 50 runs over the coming week on the real routes, riders each with a "self" traveller
// (Russian citizen, in Kazakhstan for 5 days — an open stay, which a booking needs since issue 11 —
// so the legal check says OK) and some with companions.
import { randomUUID } from 'node:crypto'
import pg from 'pg'
import { addDaysIso, kzInstant, todayInKz } from '@/lib/dates/kz-date'

export type LoadRider = { id: string; name: string; email: string; travellerIds: string[] }
export type LoadRun = { id: string; departureOn: string; from: string; checkpoint: string; to: string; seatsTotal: number }
export type LoadData = { riders: LoadRider[]; runs: LoadRun[]; dates: string[] }

const ROUTES = [
  { from: 'almaty', checkpoint: 'korday', to: 'bishkek', lat: 43.24, lng: 76.86, pickup: 'Sairan' },
  { from: 'almaty', checkpoint: 'karasu', to: 'bishkek', lat: 43.26, lng: 76.93, pickup: 'Sayakhat' },
  { from: 'shymkent', checkpoint: 'zhibek-zholy', to: 'tashkent', lat: 42.32, lng: 69.59, pickup: 'Samal' },
  { from: 'shymkent', checkpoint: 'kaplanbek', to: 'tashkent', lat: 42.31, lng: 69.6, pickup: 'Samal' },
  { from: 'taraz', checkpoint: 'aisha-bibi', to: 'talas', lat: 42.9, lng: 71.37, pickup: 'Taraz bus station' },
] as const

export async function seedLoadData(url: string, options: { runs: number; riders: number; now?: Date }): Promise<LoadData> {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    await client.query('BEGIN')
    const drivers = 10
    const driverIds: string[] = []
    const carIds: string[] = []
    for (let d = 0; d < drivers; d++) {
      const { rows } = await client.query<{ id: string }>(
        `INSERT INTO users (email, name, password_hash, roles, updated_at) VALUES ($1, $2, 'load-test-no-login', ARRAY['PASSENGER','DRIVER']::"Role"[], now()) RETURNING id`,
        [`load-driver-${d}@load.poputka.kz`, `Load Driver ${d}`],
      )
      driverIds.push(rows[0]!.id)
      const car = await client.query<{ id: string }>(
        `INSERT INTO cars (owner_id, make, model, colour, plate, seats) VALUES ($1, 'Hyundai', 'Starex', 'white', $2, 8) RETURNING id`,
        [rows[0]!.id, `LT${String(d).padStart(3, '0')}02`],
      )
      carIds.push(car.rows[0]!.id)
    }

    const today = todayInKz(options.now)
    const runs: LoadRun[] = []
    for (let i = 0; i < options.runs; i++) {
      const route = ROUTES[i % ROUTES.length]!
      const on = addDaysIso(today, 1 + (i % 7))
      const seatsTotal = 3 + (i % 5) // 3–7 seats
      const manual = i % 5 === 4 // a fifth of the runs want the driver's approval (PENDING bookings)
      const price = 3000 + (i % 4) * 500
      const id = randomUUID()
      await client.query(
        `INSERT INTO trips (id, driver_id, car_id, origin_city_id, pickup_label, pickup_lat, pickup_lng, checkpoint_id, destination_city_id,
           departure_at, departure_on, round_trip, return_at, return_on, seats_total, pricing_mode, price_per_seat_tenge, seat_price_tenge,
           approval_mode, request_ttl_hours, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, true, $12, $11, $13, 'PER_SEAT', $14, $14, $15, $16, now())`,
        [
          id, driverIds[i % drivers], carIds[i % drivers], route.from, route.pickup, route.lat, route.lng, route.checkpoint, route.to,
          kzInstant(on, `${String(6 + (i % 6)).padStart(2, '0')}:00`), on, kzInstant(on, '20:00'), seatsTotal, price,
          manual ? 'MANUAL' : 'INSTANT', manual ? 3 : null,
        ],
      )
      runs.push({ id, departureOn: on, from: route.from, checkpoint: route.checkpoint, to: route.to, seatsTotal })
    }

    // Riders: every 4th has one companion, every 8th two (parties of 2–3).
    await client.query(
      `INSERT INTO users (email, name, password_hash, updated_at)
       SELECT 'load-rider-' || n || '@load.poputka.kz', 'Load Rider ' || n, 'load-test-no-login', now() FROM generate_series(1, $1) n`,
      [options.riders],
    )
    await client.query(
      `INSERT INTO travellers (account_id, is_self, name, citizenship, updated_at)
       SELECT id, true, name, 'RU', now() FROM users WHERE email LIKE 'load-rider-%'`,
    )
    await client.query(
      `INSERT INTO travellers (account_id, is_self, name, citizenship, updated_at)
       SELECT u.id, false, 'Companion ' || c || ' of ' || u.name, 'RU', now()
       FROM users u, generate_series(1, 2) c
       WHERE u.email LIKE 'load-rider-%'
         AND ((split_part(split_part(u.email, '-', 3), '@', 1)::int % 4 = 0 AND c = 1)
           OR (split_part(split_part(u.email, '-', 3), '@', 1)::int % 8 = 0 AND c = 2))`,
    )
    await client.query(
      `INSERT INTO stays (traveller_id, entry_on, exit_on, updated_at)
       SELECT t.id, $1::date, NULL, now() FROM travellers t JOIN users u ON u.id = t.account_id WHERE u.email LIKE 'load-rider-%'`,
      [addDaysIso(todayInKz(), -5)],
    )
    await client.query('COMMIT')

    const { rows } = await client.query<{ id: string; name: string; email: string; traveller_ids: string[] }>(
      `SELECT u.id, u.name, u.email, array_agg(t.id ORDER BY t.is_self DESC, t.name) AS traveller_ids
       FROM users u JOIN travellers t ON t.account_id = u.id
       WHERE u.email LIKE 'load-rider-%' GROUP BY u.id ORDER BY u.email`,
    )
    const dates = [...new Set(runs.map((r) => r.departureOn))].sort()
    return { riders: rows.map((r) => ({ id: r.id, name: r.name, email: r.email, travellerIds: r.traveller_ids })), runs, dates }
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined)
    throw error
  } finally {
    await client.end()
  }
}

/** Between scenarios: every booking gone, every run empty again. */
export async function resetBookings(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    await client.query('BEGIN')
    await client.query('DELETE FROM notifications')
    await client.query('DELETE FROM booking_travellers')
    await client.query('DELETE FROM bookings')
    await client.query('DELETE FROM rate_limits')
    await client.query('UPDATE trips SET seats_taken = 0')
    await client.query('COMMIT')
  } finally {
    await client.end()
  }
}
