// In-app notifications: riders and drivers are "told" here. Each kind has a message under
// `notifications.<kind>` in messages/*.json, rendered with `params` in the reader's language.
import type { Prisma } from '@/lib/generated/prisma/client'

export type NotificationKind =
  | 'BOOKING_CONFIRMED'
  | 'BOOKING_REQUESTED'
  | 'BOOKING_RECEIVED'
  | 'REQUEST_APPROVED'
  | 'REQUEST_DECLINED'
  | 'REQUEST_EXPIRED'
  | 'BOOKING_CANCELLED_BY_RIDER'
  | 'WAITLISTED'
  | 'PROMOTED_FROM_WAITLIST'
  | 'WAITLIST_DROPPED_LEGAL'
  | 'TRIP_CHANGED'
  | 'TRIP_CANCELLED'
  | 'TRIP_COMPLETED_LOGGED'
  | 'PAYMENT_MARKED_PAID'
  | 'PAYMENT_CONFIRMED'
  | 'PAYMENT_DISPUTED'
  | 'MOVED_TO_TRIP'
  | 'PARTY_MOVED_IN'
  | 'PARTY_MOVED_OUT'
  /** A re-check found a live booking's legal verdict worse than before (lib/bookings/recheck-bookings.ts). */
  | 'BOOKING_LEGAL_WORSENED'

type Tx = Prisma.TransactionClient

export type NotificationInput = { userId: string | null; kind: NotificationKind; params: Record<string, string | number> }

/** Written in the same transaction as the change it reports, so nobody is told of a change that
 * did not happen (or not told of one that did). */
export async function notify(tx: Tx, notifications: NotificationInput[]): Promise<void> {
  const rows = notifications.filter((n): n is NotificationInput & { userId: string } => Boolean(n.userId))
  if (rows.length === 0) return
  await tx.notification.createMany({ data: rows.map((n) => ({ userId: n.userId, kind: n.kind, params: n.params })) })
}
