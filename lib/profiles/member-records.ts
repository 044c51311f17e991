// A member's record as other members see it (docs/decisions/009-trust-and-moderation.md): runs
// completed as driver and as rider, late cancellations as driver, no-shows both ways, and the
// rating from visible reviews. Counts only — never a date, a route or a traveller. One statement for
// any number of members (the driver's manifest asks for every rider of a run at once).
import { db } from '@/lib/db'

type Row = {
  id: string
  runs_driven: number
  runs_ridden: number
  late_cancellations: number
  no_shows_as_rider: number
  no_shows_as_driver: number
  rating_count: number
  rating_sum: number
}

export type Rating = { average: number | null; count: number }

export type MemberRecord = {
  runsDriven: number
  runsRidden: number
  /** Late cancellations of runs with confirmed riders, of the runs the driver drove or so cancelled. */
  lateCancellations: { count: number; of: number; percent: number | null }
  noShows: { asRider: number; asDriver: number }
  rating: Rating
}

/** The average to two decimals (shown with one), null before the first visible review. */
export function ratingOf(count: number, sum: number): Rating {
  return { count, average: count > 0 ? Math.round((sum / count) * 100) / 100 : null }
}

export async function loadMemberRecords(userIds: string[], now: Date = new Date()): Promise<Map<string, MemberRecord>> {
  const ids = [...new Set(userIds)]
  if (ids.length === 0) return new Map()
  // A run counts as ridden when the rider's booking was confirmed, the run completed and at least
  // one of the party boarded. A no-show counts while it stands or after an admin upheld it, and
  // not on a run that was cancelled. Reviews count once visible (double-blind) and not hidden.
  const rows = await db.$queryRaw<Row[]>`
    SELECT u.id,
      (SELECT count(*)::int FROM trips t WHERE t.driver_id = u.id AND t.status = 'COMPLETED') AS runs_driven,
      (SELECT count(*)::int FROM trips t WHERE t.driver_id = u.id AND t.late_cancellation) AS late_cancellations,
      (SELECT count(*)::int FROM bookings b JOIN trips t ON t.id = b.trip_id
         WHERE b.rider_id = u.id AND b.status = 'CONFIRMED' AND t.status = 'COMPLETED'
           AND EXISTS (SELECT 1 FROM booking_travellers bt WHERE bt.booking_id = b.id AND bt.boarding = 'BOARDED')) AS runs_ridden,
      (SELECT count(*)::int FROM no_shows n JOIN trips t ON t.id = n.trip_id
         WHERE n.subject_id = u.id AND n.absent_role = 'RIDER' AND n.status IN ('STANDING', 'UPHELD') AND t.status <> 'CANCELLED') AS no_shows_as_rider,
      (SELECT count(*)::int FROM no_shows n JOIN trips t ON t.id = n.trip_id
         WHERE n.subject_id = u.id AND n.absent_role = 'DRIVER' AND n.status IN ('STANDING', 'UPHELD') AND t.status <> 'CANCELLED') AS no_shows_as_driver,
      r.rating_count, r.rating_sum
    FROM users u
    CROSS JOIN LATERAL (
      SELECT count(*)::int AS rating_count, coalesce(sum(rv.rating), 0)::int AS rating_sum
      FROM reviews rv WHERE rv.subject_id = u.id AND rv.hidden_at IS NULL AND rv.visible_at <= ${now}
    ) r
    WHERE u.id = ANY(${ids}::uuid[])`
  return new Map(
    rows.map((r) => {
      const of = r.runs_driven + r.late_cancellations
      return [
        r.id,
        {
          runsDriven: r.runs_driven,
          runsRidden: r.runs_ridden,
          lateCancellations: { count: r.late_cancellations, of, percent: of > 0 ? Math.round((r.late_cancellations / of) * 100) : null },
          noShows: { asRider: r.no_shows_as_rider, asDriver: r.no_shows_as_driver },
          rating: ratingOf(r.rating_count, r.rating_sum),
        },
      ]
    }),
  )
}

/** A driver as the run page shows them — name and rating — in one statement (the run page's
 * statement count is a test: lib/trips/search-trips.query-count.test.ts). */
export async function loadDriverCard(userId: string, now: Date = new Date()): Promise<DriverCard> {
  const rows = await db.$queryRaw<{ id: string; name: string; phone: string | null; telegram_username: string | null; telegram_shared: boolean; telegram_chat_id: bigint | null; count: number; sum: number }[]>`
    SELECT u.id, u.name, u.phone, u.telegram_username, u.telegram_shared, u.telegram_chat_id, r.count, r.sum
    FROM users u
    CROSS JOIN LATERAL (
      SELECT count(*)::int AS count, coalesce(sum(rv.rating), 0)::int AS sum
      FROM reviews rv WHERE rv.subject_id = u.id AND rv.hidden_at IS NULL AND rv.visible_at <= ${now}
    ) r
    WHERE u.id = ${userId}::uuid`
  const row = rows[0]
  if (!row) throw new Error(`driver ${userId} not found`)
  return {
    id: row.id,
    name: row.name,
    rating: ratingOf(row.count, row.sum),
    // For driverContact() only: who may see it is decided there (a confirmed booking).
    contact: { name: row.name, phone: row.phone, telegramUsername: row.telegram_username, telegramShared: row.telegram_shared, telegramChatId: row.telegram_chat_id },
  }
}

/** The driver line of a run: name and rating, and the contact that driverContact() may reveal. */
export type DriverCard = {
  id: string
  name: string
  rating: Rating
  contact: { name: string; phone: string | null; telegramUsername: string | null; telegramShared: boolean; telegramChatId: bigint | null }
}
