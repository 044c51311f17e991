// "Nothing was written": row counts and a checksum of everything that belongs to a set of users
// and groups (their accounts, cars, runs, bookings and the bookings on their runs, travellers,
// stays, documents, groups, memberships, invitations, notifications, audit entries, and what
// they said or had said of them: reviews, no-shows, reports, blocks). Scoped to
// those users, so that other tests writing to the same database at the same time do not disturb it.
import { e2eDb } from '../fixtures'

export type Snapshot = { counts: Record<string, number>; checksum: string }

const SNAPSHOT_SQL = `
WITH u AS (SELECT unnest($1::uuid[]) AS id),
     g AS (SELECT unnest($2::uuid[]) AS id UNION SELECT id FROM groups WHERE created_by_id IN (SELECT id FROM u)),
     t AS (SELECT id FROM trips WHERE driver_id IN (SELECT id FROM u) OR group_id IN (SELECT id FROM g)),
     b AS (SELECT id FROM bookings WHERE rider_id IN (SELECT id FROM u) OR trip_id IN (SELECT id FROM t)),
     tr AS (SELECT id FROM travellers WHERE account_id IN (SELECT id FROM u)),
     rows AS (
       SELECT 'users' AS tbl, concat_ws('|', id, roles::text, name, email, phone, deleted_at, password_hash, email_verified_at, phone_verified_at, telegram_chat_id, telegram_shared, email_topics::text, telegram_topics::text, languages::text, about, suspended_at) AS x FROM users WHERE id IN (SELECT id FROM u)
       UNION ALL SELECT 'cars', concat_ws('|', id, make, model, colour, plate, seats, archived_at) FROM cars WHERE owner_id IN (SELECT id FROM u)
       UNION ALL SELECT 'trips', concat_ws('|', id, status, seats_taken, seats_total, group_id, notes, departure_at, price_per_seat_tenge, pickup_label, updated_at) FROM trips WHERE id IN (SELECT id FROM t)
       UNION ALL SELECT 'bookings', concat_ws('|', id, trip_id, rider_id, status, seats, payment_state, updated_at, changed_by_driver_at, change_summary::text) FROM bookings WHERE id IN (SELECT id FROM b)
       UNION ALL SELECT 'booking_travellers', concat_ws('|', booking_id, position, traveller_id, name, boarding, verdict) FROM booking_travellers WHERE booking_id IN (SELECT id FROM b)
       UNION ALL SELECT 'travellers', concat_ws('|', id, name, citizenship, is_self, updated_at) FROM travellers WHERE id IN (SELECT id FROM tr)
       UNION ALL SELECT 'stays', concat_ws('|', id, traveller_id, entry_on, exit_on, registration_noted_on, updated_at) FROM stays WHERE traveller_id IN (SELECT id FROM tr)
       UNION ALL SELECT 'residence_documents', concat_ws('|', id, traveller_id, kind, valid_from, valid_to) FROM residence_documents WHERE traveller_id IN (SELECT id FROM tr)
       UNION ALL SELECT 'groups', concat_ws('|', id, name) FROM groups WHERE id IN (SELECT id FROM g)
       UNION ALL SELECT 'group_members', concat_ws('|', group_id, user_id, role) FROM group_members WHERE group_id IN (SELECT id FROM g) OR user_id IN (SELECT id FROM u)
       UNION ALL SELECT 'group_invites', concat_ws('|', id, group_id, code, uses, max_uses, revoked_at, expires_at, role) FROM group_invites WHERE group_id IN (SELECT id FROM g)
       UNION ALL SELECT 'reviews', concat_ws('|', id, booking_id, author_role, rating, comment, visible_at, hidden_at, reply) FROM reviews WHERE author_id IN (SELECT id FROM u) OR subject_id IN (SELECT id FROM u)
       UNION ALL SELECT 'no_shows', concat_ws('|', id, booking_id, absent_role, status, dispute_note, decided_at) FROM no_shows WHERE subject_id IN (SELECT id FROM u) OR reporter_id IN (SELECT id FROM u)
       UNION ALL SELECT 'reports', concat_ws('|', id, target, reason, status, resolution) FROM reports WHERE reporter_id IN (SELECT id FROM u) OR subject_id IN (SELECT id FROM u)
       UNION ALL SELECT 'blocks', concat_ws('|', blocker_id, blocked_id) FROM blocks WHERE blocker_id IN (SELECT id FROM u) OR blocked_id IN (SELECT id FROM u)
       UNION ALL SELECT 'notifications', concat_ws('|', id, user_id, kind, read_at) FROM notifications WHERE user_id IN (SELECT id FROM u)
       UNION ALL SELECT 'audit_log', concat_ws('|', id, action) FROM audit_log WHERE group_id IN (SELECT id FROM g) OR actor_id IN (SELECT id FROM u)
       UNION ALL SELECT 'trip_series', concat_ws('|', id, cancelled_at) FROM trip_series WHERE driver_id IN (SELECT id FROM u)
     )
SELECT tbl, count(*)::int AS n, md5(string_agg(x, E'\\n' ORDER BY x)) AS sum FROM rows GROUP BY tbl ORDER BY tbl`

export async function snapshot(userIds: string[], groupIds: string[] = []): Promise<Snapshot> {
  const { rows } = await e2eDb().query<{ tbl: string; n: number; sum: string }>(SNAPSHOT_SQL, [userIds, groupIds])
  const counts: Record<string, number> = {}
  for (const r of rows) counts[r.tbl] = r.n
  return { counts, checksum: rows.map((r) => `${r.tbl}:${r.sum}`).join(',') }
}
