// The bench's data set, generated in SQL with generate_series (a million rows in seconds, no round
// trips): drivers with cars, riders, and runs over ~90 days (30 past, 60 ahead) from the reference
// origins through their real checkpoints, with bookings whose live seats add up to each run's
// seats_taken. Deterministic: setseed() before every batch, so every run measures the same rows.
//
// The bench's own bookkeeping (which user is the n-th driver or rider) lives in schema `bench`,
// beside the app's tables, never in them.
import type pg from 'pg'
import { RULE_VERSION } from '@/lib/stay-rules'

export const DRIVERS = 2_000
export const RIDERS = 50_000
/** Days of runs before and after today. */
export const PAST_DAYS = 30
export const AHEAD_DAYS = 60

// A password hash nobody can sign in with: bench users are signed in with minted session cookies.
const NO_PASSWORD = '$argon2id$v=19$m=19456,t=2,p=1$YmVuY2gtYmVuY2g$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA'

const FIRST_NAMES = ['Айдар', 'Руслан', 'Бекзат', 'Ерлан', 'Дамир', 'Нурлан', 'Асель', 'Дина', 'Анна', 'Сергей', 'Ольга', 'Тимур', 'Алия', 'Марат', 'Ирина', 'Павел']
const LAST_NAMES = ['Нурланов', 'Касымов', 'Омаров', 'Ахметов', 'Смирнов', 'Иванов', 'Жумабаев', 'Ким', 'Петров', 'Сейтказиев', 'Абенов', 'Ли']

const sqlArray = (values: readonly string[]) => `ARRAY[${values.map((v) => `'${v.replace(/'/g, "''")}'`).join(',')}]`

/** Drivers (each with a car) and riders; their ids by number in bench.drivers / bench.riders. */
export async function createPeople(client: pg.Client): Promise<void> {
  await client.query(`
    CREATE SCHEMA IF NOT EXISTS bench;
    SELECT setseed(0.17);
    CREATE TABLE bench.drivers AS SELECT n, gen_random_uuid() AS user_id, gen_random_uuid() AS car_id FROM generate_series(1, ${DRIVERS}) n;
    ALTER TABLE bench.drivers ADD PRIMARY KEY (n);
    CREATE TABLE bench.riders AS SELECT n, gen_random_uuid() AS user_id FROM generate_series(1, ${RIDERS}) n;
    ALTER TABLE bench.riders ADD PRIMARY KEY (n);
    INSERT INTO users (id, email, name, phone, password_hash, roles, locale, updated_at)
      SELECT user_id, 'driver' || n || '@bench.poputka.kz',
        (${sqlArray(FIRST_NAMES)})[1 + n % ${FIRST_NAMES.length}] || ' ' || (${sqlArray(LAST_NAMES)})[1 + (n / 7) % ${LAST_NAMES.length}],
        '+770' || lpad(n::text, 8, '0'), '${NO_PASSWORD}', ARRAY['PASSENGER', 'DRIVER']::"Role"[], 'ru', now()
      FROM bench.drivers;
    INSERT INTO cars (id, owner_id, make, model, colour, plate, seats)
      SELECT car_id, user_id, (ARRAY['Toyota', 'Hyundai', 'Chevrolet', 'Kia'])[1 + n % 4], (ARRAY['Camry', 'Starex', 'Cobalt', 'Sorento'])[1 + n % 4],
        'белый', lpad(n::text, 3, '0') || 'BEN02', 7
      FROM bench.drivers;
    INSERT INTO users (id, email, name, password_hash, roles, locale, updated_at)
      SELECT user_id, 'rider' || n || '@bench.poputka.kz',
        (${sqlArray(FIRST_NAMES)})[1 + n % ${FIRST_NAMES.length}] || ' ' || (${sqlArray(LAST_NAMES)})[1 + (n / 5) % ${LAST_NAMES.length}],
        '${NO_PASSWORD}', ARRAY['PASSENGER']::"Role"[], 'ru', now()
      FROM bench.riders;
  `)
}

export type AddRunsOptions = {
  /** Numbers of the first and last run of this batch (batches continue each other). */
  from: number
  to: number
  /** Also write the bookings (about 10 a run: live ones fill seats_taken, the rest cancelled,
   * declined, expired or waitlisted). Without them the batch's runs are empty (seats_taken 0). */
  bookings: boolean
  now: Date
  log?: (step: string, ms: number) => void
}

/**
 * Adds runs numbered `from`…`to`. Foreign-key triggers are skipped while writing (the rows are
 * consistent by construction) — a bulk load, not the app's write path.
 */
export async function addRuns(client: pg.Client, options: AddRunsOptions): Promise<{ runs: number; bookings: number }> {
  const { from, to } = options
  let last = performance.now()
  const query = async (text: string, values?: unknown[]) => {
    const result = await client.query(text, values)
    const now = performance.now()
    options.log?.(text.trim().split('\n')[0]!.slice(0, 60), now - last)
    last = now
    return result
  }
  await client.query('BEGIN')
  try {
    await query(`SET LOCAL session_replication_role = replica`)
    // A big batch loads faster into bare tables; the indexes are rebuilt once at the end.
    const rebuild = to - from >= 50_000 ? await dropIndexes(client, ['trips', 'bookings']) : []
    await query(`SELECT setseed(${(from % 9973) / 9973})`)
    // The plan of each run: every random choice made once, as columns.
    await query(`
      CREATE TEMP TABLE run_plan ON COMMIT DROP AS
      WITH r AS (
        SELECT seq, random() r1, random() r2, random() r3, random() r4, random() r5, random() r6, random() r7, random() r8,
          random() r9, random() r10, random() r11, random() r12, random() r13, random() r14, random() r15,
          floor(random() * ${PAST_DAYS + AHEAD_DAYS})::int - ${PAST_DAYS} AS day_offset
        FROM generate_series(${from}::int, ${to}::int) seq
      ), o AS (
        SELECT r.*,
          CASE WHEN r1 < 0.6 THEN 'almaty' WHEN r1 < 0.9 THEN 'shymkent' ELSE 'taraz' END AS origin,
          (($1::timestamptz AT TIME ZONE 'UTC') + interval '5 hours')::date + day_offset AS departure_on,
          CASE WHEN r6 < 0.6 THEN 4 WHEN r6 < 0.85 THEN 7 WHEN r6 < 0.95 THEN 3 ELSE 5 END AS seats_total
        FROM r
      ), c AS (
        SELECT o.*,
          CASE origin
            WHEN 'almaty' THEN CASE WHEN r2 < 0.8 THEN 'korday' ELSE 'karasu' END
            WHEN 'shymkent' THEN CASE WHEN r2 < 0.75 THEN 'kaplanbek' WHEN r2 < 0.95 THEN 'konysbayeva' ELSE 'zhibek-zholy' END
            ELSE 'aisha-bibi' END AS checkpoint_id,
          ((departure_on + make_interval(mins => 300 + floor(r4 * 32)::int * 30)) - interval '5 hours') AT TIME ZONE 'UTC' AS departure_at
        FROM o
      )
      SELECT seq, gen_random_uuid() AS id, c.origin, c.checkpoint_id, cp.destination_city_id, c.departure_on, c.departure_at,
        c.seats_total, r5 < 0.5 AS round_trip,
        CASE WHEN r7 < 0.8 THEN 'PER_SEAT' ELSE 'SHARED_COST' END::"PricingMode" AS pricing_mode,
        2500 + floor(r8 * 8)::int * 500 AS price_per_seat, 12000 + floor(r8 * 13)::int * 1000 AS total_cost,
        least(c.seats_total, 1 + floor(r9 * 4)::int) AS min_riders, r10 < 0.5 AS driver_shares,
        r11 < 0.7 AS instant,
        CASE WHEN c.departure_at < $1::timestamptz THEN (CASE WHEN r12 < 0.9 THEN 'COMPLETED' ELSE 'CANCELLED' END)
             ELSE (CASE WHEN r12 < 0.95 THEN 'SCHEDULED' ELSE 'CANCELLED' END) END::"TripStatus" AS status,
        c.departure_at - make_interval(secs => (1 + r13 * 14) * 86400) AS created_at,
        -- How full the run gets: past runs mostly full, the far future mostly empty.
        floor(greatest(0, least(1, CASE WHEN c.departure_at < $1::timestamptz THEN 0.4 + 0.6 * r14
             ELSE r14 * (1.15 - c.day_offset / ${AHEAD_DAYS}.0) END)) * (c.seats_total + 0.99))::int AS fill,
        ${options.bookings ? 'floor(r15 * 21)::int' : '0'} AS booking_count,
        1 + (seq::bigint * 7919) % ${DRIVERS} AS driver_n,
        r3 AS pickup_r
      FROM c JOIN checkpoints cp ON cp.id = c.checkpoint_id`, [options.now])
    await query(`
      CREATE TEMP TABLE booking_plan ON COMMIT DROP AS
      SELECT p.seq, p.id AS trip_id, k, s.seats, s.r,
        sum(s.seats) OVER (PARTITION BY p.seq ORDER BY k) AS cum
      FROM run_plan p, generate_series(1, p.booking_count) k,
        LATERAL (SELECT CASE WHEN random() < 0.15 THEN 2 ELSE 1 END AS seats, random() AS r, k AS kk) s`)
    await query(`
      CREATE TEMP TABLE booking_rows ON COMMIT DROP AS
      SELECT b.*, p.status AS trip_status, p.instant, p.departure_at, p.created_at AS trip_created_at,
        CASE
          WHEN p.status = 'CANCELLED' THEN 'CANCELLED'
          WHEN b.cum <= p.fill THEN (CASE WHEN p.status = 'SCHEDULED' AND NOT p.instant AND b.r < 0.3 THEN 'PENDING' ELSE 'CONFIRMED' END)
          WHEN p.status = 'SCHEDULED' THEN (CASE WHEN b.r < 0.25 THEN 'WAITLISTED' WHEN b.r < 0.6 THEN 'CANCELLED' WHEN b.r < 0.8 THEN 'DECLINED' ELSE 'EXPIRED' END)
          ELSE (CASE WHEN b.r < 0.6 THEN 'CANCELLED' WHEN b.r < 0.8 THEN 'DECLINED' ELSE 'EXPIRED' END)
        END::"BookingStatus" AS status
      FROM booking_plan b JOIN run_plan p ON p.seq = b.seq`)
    const runs = await query(`
      INSERT INTO trips (id, driver_id, car_id, origin_city_id, pickup_point_id, pickup_label, pickup_lat, pickup_lng, checkpoint_id,
        destination_city_id, departure_at, departure_on, round_trip, return_at, return_on, seats_total, seats_taken, pricing_mode,
        price_per_seat_tenge, total_cost_tenge, driver_shares, seat_price_tenge, min_riders, approval_mode, request_ttl_hours, notes,
        status, cancelled_at, completed_at, created_at, updated_at)
      SELECT p.id, d.user_id, d.car_id, p.origin, pp.ids[1 + floor(p.pickup_r * pp.n)::int], coalesce(pp.names[1 + floor(p.pickup_r * pp.n)::int], 'Центр'),
        coalesce(pp.lats[1 + floor(p.pickup_r * pp.n)::int], oc.lat), coalesce(pp.lngs[1 + floor(p.pickup_r * pp.n)::int], oc.lng),
        p.checkpoint_id, p.destination_city_id, p.departure_at, p.departure_on, p.round_trip,
        CASE WHEN p.round_trip THEN p.departure_at + interval '11 hours' END,
        CASE WHEN p.round_trip THEN ((p.departure_at + interval '11 hours') AT TIME ZONE 'UTC' + interval '5 hours')::date END,
        p.seats_total, coalesce(taken.seats, 0), p.pricing_mode,
        CASE WHEN p.pricing_mode = 'PER_SEAT' THEN p.price_per_seat END,
        CASE WHEN p.pricing_mode = 'SHARED_COST' THEN p.total_cost END,
        p.pricing_mode = 'SHARED_COST' AND p.driver_shares,
        CASE WHEN p.pricing_mode = 'PER_SEAT' THEN p.price_per_seat
             ELSE ceil(p.total_cost::numeric / (CASE WHEN p.pricing_mode = 'SHARED_COST' THEN p.min_riders ELSE 1 END + CASE WHEN p.driver_shares THEN 1 ELSE 0 END))::int END,
        CASE WHEN p.pricing_mode = 'SHARED_COST' THEN p.min_riders ELSE 1 END,
        CASE WHEN p.instant THEN 'INSTANT' ELSE 'MANUAL' END::"ApprovalMode", CASE WHEN p.instant THEN NULL ELSE 3 END, '',
        p.status, CASE WHEN p.status = 'CANCELLED' THEN p.created_at + interval '1 day' END,
        CASE WHEN p.status = 'COMPLETED' THEN p.departure_at + interval '12 hours' END, p.created_at, p.created_at
      FROM run_plan p
      JOIN bench.drivers d ON d.n = p.driver_n
      JOIN cities oc ON oc.id = p.origin
      LEFT JOIN (SELECT city_id, count(*)::int AS n, array_agg(id ORDER BY sort_order) AS ids, array_agg(name_ru ORDER BY sort_order) AS names,
                   array_agg(lat ORDER BY sort_order) AS lats, array_agg(lng ORDER BY sort_order) AS lngs
                 FROM pickup_points GROUP BY city_id) pp ON pp.city_id = p.origin
      LEFT JOIN (SELECT seq, sum(seats)::int AS seats FROM booking_rows WHERE status IN ('PENDING', 'CONFIRMED') GROUP BY seq) taken ON taken.seq = p.seq`)
    const bookings = await query(`
      INSERT INTO bookings (id, trip_id, rider_id, status, seats, quoted_tenge, cap_tenge, verdict, rule_version, warning_acknowledged,
        payment_state, expires_at, decided_at, cancelled_at, created_at, updated_at)
      SELECT uuidv7(), b.trip_id, r.user_id, b.status, b.seats, t.seat_price_tenge * b.seats, t.seat_price_tenge * b.seats,
        CASE WHEN b.r > 0.97 THEN 'WARN' ELSE 'OK' END::"Verdict", '${RULE_VERSION}', b.r > 0.97,
        CASE WHEN b.status = 'CONFIRMED' AND b.trip_status = 'COMPLETED' THEN (CASE WHEN b.r < 0.7 THEN 'CONFIRMED' WHEN b.r < 0.9 THEN 'PAID' ELSE 'OWED' END)
             ELSE 'OWED' END::"PaymentState",
        CASE WHEN b.status = 'PENDING' THEN least(b.departure_at, $1::timestamptz + interval '3 hours') END,
        CASE WHEN b.status IN ('CONFIRMED', 'DECLINED') THEN b.trip_created_at + make_interval(mins => b.k * 30) END,
        CASE WHEN b.status = 'CANCELLED' THEN b.trip_created_at + make_interval(mins => b.k * 30 + 60) END,
        b.trip_created_at + make_interval(mins => b.k * 20), b.trip_created_at + make_interval(mins => b.k * 20)
      FROM booking_rows b
      JOIN trips t ON t.id = b.trip_id
      JOIN bench.riders r ON r.n = 1 + (b.seq::bigint * 7919 + b.k * 104729) % ${RIDERS}`, [options.now])
    for (const definition of rebuild) await query(definition)
    await client.query('COMMIT')
    return { runs: runs.rowCount ?? 0, bookings: bookings.rowCount ?? 0 }
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined)
    throw error
  }
}

/** Drops the tables' secondary indexes (not those behind constraints); returns their definitions. */
async function dropIndexes(client: pg.Client, tables: string[]): Promise<string[]> {
  const { rows } = await client.query<{ name: string; definition: string }>(
    `SELECT i.indexrelid::regclass::text AS name, pg_get_indexdef(i.indexrelid) AS definition
     FROM pg_index i JOIN pg_class t ON t.oid = i.indrelid
     WHERE t.relname = ANY($1) AND t.relnamespace = 'public'::regnamespace
       AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)`,
    [tables],
  )
  for (const row of rows) await client.query(`DROP INDEX ${row.name}`)
  return rows.map((r) => r.definition)
}

/** Statistics and visibility maps, as a long-running database would have them. */
export async function analyse(client: pg.Client): Promise<void> {
  await client.query('VACUUM (ANALYZE) trips')
  await client.query('VACUUM (ANALYZE) bookings')
  await client.query('ANALYZE users, cars, cities, checkpoints, pickup_points')
}
