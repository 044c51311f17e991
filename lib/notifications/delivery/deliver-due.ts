// Sends what the outbox holds: claims due delivery rows, renders each notice in its reader's
// language, sends it on its channel and records the outcome.
//
// At least once, never twice for any reason of ours:
// - A row is claimed with one UPDATE over `FOR UPDATE SKIP LOCKED` rows that moves it to SENDING
//   with a lease (locked_until) and counts the attempt. Several workers (several app processes)
//   never claim the same row; a worker that died holding one loses it when the lease runs out, and
//   the next claim takes it over.
// - Only the holder of the current attempt can record the outcome (`WHERE status = 'SENDING' AND
//   attempts = <its attempt>`), and a SENT row is never claimed again.
// - A failure is retried with exponential backoff (30 s doubling to 1 h, with jitter); after
//   MAX_ATTEMPTS tries, or at once for a refusal that will not change (no such mailbox, bot
//   blocked), the row is FAILED — the dead letter, shown with its error on the admin outbox page.
// - The one window left is a crash after the other side accepted the message and before SENT is
//   recorded: the lease then runs out and the message goes again. Email carries a Message-ID made
//   from the delivery key, the same both times; Telegram has no such key, so there it can arrive
//   twice. docs/decisions/008-notification-delivery.md measures that window.
//
// A channel that is not configured is not claimed at all: its rows wait, PENDING, and go out once it
// is (no SMTP_URL: every email waits in the outbox, visible to admins, never lost).
import { db } from '@/lib/db'
import { isDatabaseUnavailable } from '@/lib/errors'
import type { NotificationChannel } from '@/lib/generated/prisma/enums'
import { isLocale, type Locale } from '@/lib/i18n/routing'
import { log } from '@/lib/log'
import { topicOf } from '@/lib/notifications/notify'
import { emailText, loadRenderContext, renderNotice, telegramText, type RenderContext } from './render-message'
import { DeliveryError, type Senders } from './senders'

export const DELIVERY = {
  /** Tries before a delivery is given up (dead letter): about 3 hours of retrying in all. */
  maxAttempts: 10,
  /** How long a claimed row is ours; longer than any send may take (senders time out at 30 s). */
  leaseMs: 120_000,
  batch: 25,
  /** Sends in flight per process (each records its outcome on a pooled connection, a moment). */
  concurrency: 4,
}

/** Wait before the next try after `attempt` failed: 30 s, 1, 2, 4 … minutes, at most 1 h, ±20 %. */
export function backoffMs(attempt: number, random: () => number = Math.random): number {
  const base = Math.min(30_000 * 2 ** Math.max(0, attempt - 1), 3_600_000)
  return Math.round(base * (0.8 + 0.4 * random()))
}

type Claimed = { id: string; notification_id: string; channel: NotificationChannel; attempts: number }

export type DeliveryRun = { claimed: number; sent: number; retrying: number; failed: number; skipped: number }

// Fault injection for lib/notifications/delivery/delivery-crash.test.ts, off unless
// POPUTKA_FAULT_DELIVERY_PAUSE_MS is set: the worker waits at one point (after-claim: the rows are
// SENDING, nothing sent; after-send: the other side has the message, SENT not yet recorded) so a
// test can kill the process exactly there.
async function pauseForFaultInjection(at: 'after-claim' | 'after-send', ids: string[]): Promise<void> {
  const ms = Number(process.env.POPUTKA_FAULT_DELIVERY_PAUSE_MS ?? 0)
  if (ms > 0 && (process.env.POPUTKA_FAULT_DELIVERY_PAUSE_AT ?? 'after-claim') === at) {
    process.stdout.write(`${JSON.stringify({ faultPause: at, deliveries: ids })}\n`)
    await new Promise((r) => setTimeout(r, ms))
  }
}

function configuredChannels(senders: Senders): NotificationChannel[] {
  const channels: NotificationChannel[] = []
  if (senders.email) channels.push('EMAIL')
  if (senders.telegram) channels.push('TELEGRAM')
  return channels
}

/** Claims up to `limit` due rows of the configured channels (and rows whose sender's lease ran out). */
export async function claimDeliveries(channels: NotificationChannel[], limit: number, leaseMs: number = DELIVERY.leaseMs): Promise<Claimed[]> {
  if (channels.length === 0) return []
  return db.$queryRaw<Claimed[]>`
    UPDATE notification_deliveries d
    SET status = 'SENDING', attempts = d.attempts + 1, locked_until = now() + make_interval(secs => ${leaseMs / 1000}), updated_at = now()
    WHERE d.id IN (
      SELECT id FROM notification_deliveries
      WHERE channel = ANY(${channels}::"NotificationChannel"[])
        AND ((status = 'PENDING' AND next_attempt_at <= now()) OR (status = 'SENDING' AND locked_until < now()))
      ORDER BY next_attempt_at, id
      LIMIT ${limit}
      FOR UPDATE SKIP LOCKED
    )
    RETURNING d.id, d.notification_id, d.channel, d.attempts`
}

/** One pass: claim a batch, send each (a few at a time), record each outcome. */
export async function deliverDue(senders: Senders, options: { limit?: number; concurrency?: number; leaseMs?: number } = {}): Promise<DeliveryRun> {
  const run: DeliveryRun = { claimed: 0, sent: 0, retrying: 0, failed: 0, skipped: 0 }
  const claimedAt = Date.now()
  const claimed = await claimDeliveries(configuredChannels(senders), options.limit ?? DELIVERY.batch, options.leaseMs)
  run.claimed = claimed.length
  if (claimed.length === 0) return run
  await pauseForFaultInjection('after-claim', claimed.map((c) => c.id))
  // What the batch needs, in three queries: the notices with their readers, the runs and bookings.
  const notices = new Map((await db.notification.findMany({ where: { id: { in: claimed.map((c) => c.notification_id) } }, select: noticeSelect })).map((n) => [n.id, n]))
  const context = await loadRenderContext([...notices.values()])
  const queue = [...claimed]
  const workers = Array.from({ length: Math.min(options.concurrency ?? DELIVERY.concurrency, queue.length) }, async () => {
    for (let row = queue.shift(); row; row = queue.shift()) {
      try {
        const outcome = await deliverOne(row, notices.get(row.notification_id) ?? null, context, senders, claimedAt, options.leaseMs)
        run[outcome]++
      } catch (error) {
        // The database went away mid-way: the row stays claimed and is taken over when the lease ends.
        log.warn('delivery outcome not recorded', { deliveryId: row.id, error: String(error instanceof Error ? error.message : error) })
      }
    }
  })
  await Promise.all(workers)
  return run
}

const noticeSelect = {
  id: true, kind: true, params: true, createdAt: true,
  user: { select: { id: true, name: true, email: true, locale: true, deletedAt: true, telegramChatId: true, emailTopics: true, telegramTopics: true } },
} as const

type Notice = Awaited<ReturnType<typeof db.notification.findMany<{ select: typeof noticeSelect }>>>[number]

async function deliverOne(row: Claimed, notice: Notice | null, context: RenderContext, senders: Senders, claimedAt: number, leaseMs: number | undefined): Promise<'sent' | 'retrying' | 'failed' | 'skipped'> {
  let remoteId: string
  try {
    if (!notice) return 'skipped' // the notice was deleted with its account; the row went with it
    const { user } = notice
    const topic = topicOf(notice.kind)
    const wanted = topic === 'ACCOUNT' || (topic !== null && (row.channel === 'EMAIL' ? user.emailTopics : user.telegramTopics).includes(topic))
    const skip = user.deletedAt ? 'account deleted' : row.channel === 'TELEGRAM' && !user.telegramChatId ? 'Telegram unlinked' : !wanted ? 'switched off by the user' : null
    if (skip) {
      await record(row, { status: 'SKIPPED', error: skip })
      return 'skipped'
    }
    const locale: Locale = isLocale(user.locale) ? user.locale : 'ru'
    const message = await renderNotice(notice, user, { deliveryId: row.id, channel: row.channel, context })
    if (row.channel === 'EMAIL') {
      // The delivery key becomes the Message-ID: a message sent again after a crash is the same message.
      const sent = await senders.email!.send({ to: user.email, subject: message.subject, text: emailText(message, locale), deliveryKey: `${notice.id}.email` })
      remoteId = sent.remoteId
    } else {
      const sent = await senders.telegram!.send({ chatId: user.telegramChatId!.toString(), text: telegramText(message, locale), buttons: message.buttons })
      remoteId = sent.remoteId
    }
  } catch (error) {
    // Not sent (or the other side refused it): try again later, or give up.
    const failure = error instanceof DeliveryError ? error : new DeliveryError(error instanceof Error ? error.message.slice(0, 500) : String(error), 'transient')
    if (failure.kind === 'gone' && row.channel === 'TELEGRAM') await unlinkGoneChat(row.notification_id)
    if (failure.kind !== 'transient' || row.attempts >= DELIVERY.maxAttempts) {
      log.warn('delivery failed for good', { deliveryId: row.id, channel: row.channel, attempts: row.attempts, error: failure.message })
      await record(row, { status: 'FAILED', error: failure.message })
      return 'failed'
    }
    const wait = Math.max(failure.retryAfterMs ?? 0, backoffMs(row.attempts))
    await record(row, { status: 'PENDING', error: failure.message, retryInMs: wait })
    return 'retrying'
  }
  // Sent: from here on it is never marked for another try. The outcome is recorded even through a
  // database restart (while our lease lasts), so an outage between the send and the record does not
  // send it twice — only the death of this process in that moment can (the lease then runs out).
  await pauseForFaultInjection('after-send', [row.id])
  await recordSent(row, remoteId, claimedAt + (leaseMs ?? DELIVERY.leaseMs) - 5_000)
  return 'sent'
}

type Outcome =
  | { status: 'SENT'; remoteId: string }
  | { status: 'PENDING'; error: string; retryInMs: number }
  | { status: 'FAILED' | 'SKIPPED'; error: string }

/** Records an outcome — only for the attempt this worker holds (a taken-over row is not ours). */
async function record(row: Claimed, outcome: Outcome): Promise<void> {
  const updated =
    outcome.status === 'SENT'
      ? await db.$executeRaw`
          UPDATE notification_deliveries SET status = 'SENT', sent_at = now(), remote_id = ${outcome.remoteId}, locked_until = NULL, last_error = NULL, updated_at = now()
          WHERE id = ${row.id}::uuid AND status = 'SENDING' AND attempts = ${row.attempts}`
      : outcome.status === 'PENDING'
        ? await db.$executeRaw`
            UPDATE notification_deliveries SET status = 'PENDING', next_attempt_at = now() + make_interval(secs => ${outcome.retryInMs / 1000}), locked_until = NULL, last_error = ${outcome.error}, updated_at = now()
            WHERE id = ${row.id}::uuid AND status = 'SENDING' AND attempts = ${row.attempts}`
        : await db.$executeRaw`
            UPDATE notification_deliveries SET status = ${outcome.status}::"DeliveryStatus", locked_until = NULL, last_error = ${outcome.error}, updated_at = now()
            WHERE id = ${row.id}::uuid AND status = 'SENDING' AND attempts = ${row.attempts}`
  // Not ours any more: taken over after the lease ran out, or deleted with its notice (an account deleted).
  if (updated === 0) log.warn('delivery outcome not recorded: the row is no longer held by this attempt', { deliveryId: row.id, status: outcome.status })
}

async function recordSent(row: Claimed, remoteId: string, until: number): Promise<void> {
  for (let wait = 250; ; wait = Math.min(wait * 2, 4_000)) {
    try {
      return await record(row, { status: 'SENT', remoteId })
    } catch (error) {
      if (!isDatabaseUnavailable(error) || Date.now() + wait > until) throw error
      await new Promise((r) => setTimeout(r, wait))
    }
  }
}

/** The person blocked the bot or deleted the chat: the link ends from their side. */
async function unlinkGoneChat(notificationId: string): Promise<void> {
  await db.$executeRaw`
    UPDATE users SET telegram_chat_id = NULL, telegram_username = NULL, telegram_linked_at = NULL, updated_at = now()
    WHERE id = (SELECT user_id FROM notifications WHERE id = ${notificationId}::uuid)`
}
