// Notifications: riders and drivers are told in the app (always), and by email and Telegram when
// they have those channels and want that kind of notice.
//
// notify() writes the outbox: one `notifications` row per notice (the in-app message) and one
// `notification_deliveries` row per outside channel — the delivery key (notification, channel) —
// in ONE statement inside the transaction of the change it reports. Nobody is told of a change that
// did not happen, nor missed for one that did. The statement ends with pg_notify, which PostgreSQL
// delivers only when the transaction commits: the delivery worker (lib/notifications/delivery)
// wakes up after commit and sends; the request itself never waits for email or Telegram.
//
// Each kind has a message under `notifications.<kind>` (in-app) and `deliver.<kind>` (email and
// Telegram) in messages/*.json, rendered with `params` in the reader's language.
import { Prisma } from '@/lib/generated/prisma/client'
import type { NotificationTopic } from '@/lib/generated/prisma/enums'

/** Every kind of notice and the topic a user switches on or off per channel. */
export const NOTIFICATION_TOPICS = {
  BOOKING_CONFIRMED: 'BOOKINGS',
  BOOKING_REQUESTED: 'BOOKINGS',
  BOOKING_RECEIVED: 'BOOKINGS',
  REQUEST_APPROVED: 'BOOKINGS',
  REQUEST_DECLINED: 'BOOKINGS',
  REQUEST_EXPIRED: 'BOOKINGS',
  BOOKING_CANCELLED_BY_RIDER: 'BOOKINGS',
  WAITLISTED: 'BOOKINGS',
  PROMOTED_FROM_WAITLIST: 'BOOKINGS',
  WAITLIST_DROPPED_LEGAL: 'BOOKINGS',
  PAYMENT_MARKED_PAID: 'BOOKINGS',
  PAYMENT_CONFIRMED: 'BOOKINGS',
  PAYMENT_DISPUTED: 'BOOKINGS',
  TRIP_CHANGED: 'RUN_CHANGES',
  TRIP_CANCELLED: 'RUN_CHANGES',
  TRIP_COMPLETED_LOGGED: 'RUN_CHANGES',
  MOVED_TO_TRIP: 'RUN_CHANGES',
  PARTY_MOVED_IN: 'RUN_CHANGES',
  PARTY_MOVED_OUT: 'RUN_CHANGES',
  // Trust and moderation (issue 13)
  REVIEW_RECEIVED: 'BOOKINGS',
  REVIEW_HIDDEN: 'BOOKINGS',
  NO_SHOW_CLAIMED: 'BOOKINGS',
  NO_SHOW_DECIDED: 'BOOKINGS',
  MODERATION_WARNING: 'BOOKINGS',
  ACCOUNT_SUSPENDED: 'BOOKINGS',
  ACCOUNT_REINSTATED: 'BOOKINGS',
  /** A re-check found a live booking's legal verdict worse than before (lib/bookings/recheck-bookings.ts). */
  BOOKING_LEGAL_WORSENED: 'BOOKINGS',
  REMINDER_DEPARTURE_EVENING: 'REMINDERS',
  REMINDER_DEPARTURE_SOON: 'REMINDERS',
  REMINDER_REQUEST_EXPIRING: 'REMINDERS',
  REMINDER_LEGAL_EXIT: 'REMINDERS',
  REMINDER_REGISTRATION: 'REMINDERS',
  EMAIL_VERIFY: 'ACCOUNT',
  PASSWORD_RESET: 'ACCOUNT',
  PASSWORD_CHANGED: 'ACCOUNT',
  ACCOUNT_EXISTS: 'ACCOUNT',
} as const satisfies Record<string, NotificationTopic>

export type NotificationKind = keyof typeof NOTIFICATION_TOPICS

/** The topics a user chooses channels for (account mail always goes by email, never in-app). */
export const CHOOSABLE_TOPICS = ['BOOKINGS', 'RUN_CHANGES', 'REMINDERS'] as const satisfies readonly NotificationTopic[]
export type ChoosableTopic = (typeof CHOOSABLE_TOPICS)[number]

export function topicOf(kind: string): NotificationTopic | null {
  return (NOTIFICATION_TOPICS as Record<string, NotificationTopic>)[kind] ?? null
}

/** Kinds that are account mail: not listed in the app, not counted as unread. */
export const ACCOUNT_KINDS = Object.entries(NOTIFICATION_TOPICS).filter(([, topic]) => topic === 'ACCOUNT').map(([kind]) => kind)

/** One field of a run or booking as it was and as it is now (see lib/notifications/changes.ts). */
export type ChangeEntry = { field: string; before: string | number | boolean | null; after: string | number | boolean | null }

export type NotificationParam = string | number | ChangeEntry[]

type Tx = Prisma.TransactionClient

export type NotificationInput = {
  userId: string | null
  kind: NotificationKind
  params: Record<string, NotificationParam>
  /** Once-only notices (reminders): a notice with a key already written is not written again. */
  dedupeKey?: string
}

/** The channel the outbox wakes the delivery worker on (pg_notify, delivered at COMMIT). */
export const OUTBOX_CHANNEL = 'poputka_outbox'

/** Written in the same transaction as the change it reports, so nobody is told of a change that
 * did not happen (or not told of one that did). Returns how many notices were written (a notice
 * whose dedupe key exists already is not). */
export async function notify(tx: Tx | Pick<Tx, '$queryRaw'>, notifications: NotificationInput[]): Promise<number> {
  const rows = notifications.filter((n): n is NotificationInput & { userId: string } => Boolean(n.userId))
  if (rows.length === 0) return 0
  const userIds = rows.map((n) => n.userId)
  const kinds = rows.map((n) => n.kind)
  const topics = rows.map((n) => NOTIFICATION_TOPICS[n.kind])
  const params = rows.map((n) => JSON.stringify(n.params))
  const keys = rows.map((n) => n.dedupeKey ?? null)
  // One statement: the notices, then for each one its delivery rows on the channels its user has
  // and wants for that topic (a deleted account gets none), then the wake-up for the worker.
  const [result] = await tx.$queryRaw<{ written: number }[]>`
    WITH ${outboxCtes(Prisma.sql`
      SELECT * FROM unnest(${userIds}::uuid[], ${kinds}::text[], ${topics}::text[], ${params}::text[], ${keys}::text[])
        AS t(user_id, kind, topic, params, dedupe_key)`)}
    SELECT (SELECT count(*) FROM inserted)::int AS written,
           (SELECT count(*) FROM deliveries)::int AS deliveries,
           pg_notify(${OUTBOX_CHANNEL}, '')::text AS woken`
  return result?.written ?? 0
}

/**
 * The outbox as common table expressions, for a statement that writes notices together with the
 * change they report (notify() above; the booking's one statement, lib/bookings/book-seats.ts).
 * `input` yields rows (user_id uuid, kind text, topic text, params text — JSON, dedupe_key text);
 * the CTEs `inserted` (the notices written) and `deliveries` (their delivery rows) follow. The
 * statement must also call pg_notify(OUTBOX_CHANNEL, '') to wake the worker at commit.
 */
export function outboxCtes(input: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`notice_input AS (${input}
    ), inserted AS (
      INSERT INTO notifications (user_id, kind, topic, params, dedupe_key, read_at)
      SELECT user_id, kind, topic::"NotificationTopic", params::jsonb, dedupe_key, CASE WHEN topic = 'ACCOUNT' THEN now() END FROM notice_input
      ON CONFLICT (dedupe_key) DO NOTHING
      RETURNING id, user_id, topic
    ), deliveries AS (
      INSERT INTO notification_deliveries (notification_id, channel)
      SELECT i.id, 'EMAIL'::"NotificationChannel" FROM inserted i JOIN users u ON u.id = i.user_id
        WHERE u.deleted_at IS NULL AND (i.topic = 'ACCOUNT' OR i.topic = ANY(u.email_topics))
      UNION ALL
      SELECT i.id, 'TELEGRAM'::"NotificationChannel" FROM inserted i JOIN users u ON u.id = i.user_id
        WHERE u.deleted_at IS NULL AND u.telegram_chat_id IS NOT NULL AND i.topic <> 'ACCOUNT' AND i.topic = ANY(u.telegram_topics)
      RETURNING 1
    )`
}
