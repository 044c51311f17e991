// Periodic work of the app: expire unanswered requests (and promote the waitlist), keep recurring
// series topped up, check live bookings again once a day (days pass, the count moves), forget
// signed-out sessions whose tokens have expired, count reviews whose 14 days ran out into the
// search's rating, write reminders — and, running all the time, deliver the outbox (email,
// Telegram) and poll the Telegram bot. Every app process calls startBackgroundJobs()
// (instrumentation.ts); the job runner lets only one process at a time — the holder of the jobs'
// advisory lock — run them, each slot once (lib/jobs/job-runner.ts), and starts the delivery
// worker and the bot in that process only (taken over within seconds when it dies). Each step is
// still a conditional update or takes its row with SKIP LOCKED, so a run that overlaps a user's
// action does no harm.
//
// POPUTKA_JOBS: 1 (default) every job, 0 none, or a comma-separated list of job names
// (expire-requests, extend-series, publish-reviews, recheck-bookings, purge-ended-sessions,
// reminders, deliver, telegram).
//
// A new job: registerJob({ name, everyMs, run }) below; long-running leader-only work (a queue
// worker, a long poll): registerLeaderTask({ name, start }).
import { purgeEndedSessions } from '@/lib/auth/purge-ended-sessions'
import { expireRequests } from '@/lib/bookings/expire-requests'
import { recheckDueBookings } from '@/lib/bookings/recheck-bookings'
import { db } from '@/lib/db'
import { env } from '@/lib/env'
import { registerJob, registerLeaderTask, startJobRunner } from '@/lib/jobs/job-runner'
import { log } from '@/lib/log'
import { startDeliveryWorker } from '@/lib/notifications/delivery/delivery-worker'
import { createEmailSender, createTelegramApi, createTelegramSender, type Senders } from '@/lib/notifications/delivery/senders'
import { sendReminders } from '@/lib/notifications/send-reminders'
import { publishReviews } from '@/lib/reviews/publish-reviews'
import { telegramApi, telegramConfig } from '@/lib/telegram/bot-config'
import { startTelegramBot } from '@/lib/telegram/telegram-bot'
import { extendSeries } from '@/lib/trips/extend-series'

export const JOB_NAMES = ['expire-requests', 'extend-series', 'publish-reviews', 'recheck-bookings', 'purge-ended-sessions', 'reminders', 'deliver', 'telegram'] as const
export type JobName = (typeof JOB_NAMES)[number]

export function enabledJobs(setting: string | undefined): Set<JobName> {
  if (setting === undefined || setting === '' || setting === '1' || setting === 'true') return new Set(JOB_NAMES)
  if (setting === '0' || setting === 'false') return new Set()
  return new Set(setting.split(',').map((s) => s.trim()).filter((s): s is JobName => (JOB_NAMES as readonly string[]).includes(s)))
}

/** The channels this process can send on: email with SMTP_URL, Telegram with TELEGRAM_BOT_TOKEN. */
export function sendersFromEnv(): Senders {
  const telegram = telegramApi()
  return {
    ...(env.SMTP_URL && env.MAIL_FROM ? { email: createEmailSender({ smtpUrl: env.SMTP_URL, from: env.MAIL_FROM }) } : {}),
    ...(telegram ? { telegram: createTelegramSender(telegram) } : {}),
  }
}

let started = false

export function startBackgroundJobs(): void {
  const jobs = enabledJobs(process.env.POPUTKA_JOBS)
  if (started || jobs.size === 0) return
  started = true
  const every = (everyMs: number, name: JobName, run: () => Promise<unknown>) => {
    if (jobs.has(name)) registerJob({ name, everyMs, run })
  }
  every(60_000, 'expire-requests', () => expireRequests())
  every(60 * 60_000, 'extend-series', () => extendSeries())
  every(60_000, 'publish-reviews', () => publishReviews(db))
  // Hourly, but each booking at most once a Kazakhstan day (legal_rechecked_on): so the day's
  // sweep happens soon after midnight in Kazakhstan, or soon after a restart.
  if (process.env.POPUTKA_RECHECK_SWEEP !== '0') every(60 * 60_000, 'recheck-bookings', () => recheckDueBookings())
  every(60 * 60_000, 'purge-ended-sessions', () => purgeEndedSessions())
  every(5 * 60_000, 'reminders', () => sendReminders())
  registerJob({ name: 'prune-job-runs', everyMs: 24 * 60 * 60_000, run: () => pruneJobRuns() })

  if (jobs.has('deliver')) {
    registerLeaderTask({
      name: 'deliver',
      start: () => {
        const senders = sendersFromEnv()
        if (!senders.email) log.info('email is off (no SMTP_URL): emails wait in the outbox until it is set')
        if (!senders.telegram) log.info('the Telegram bot is off (no TELEGRAM_BOT_TOKEN)')
        return startDeliveryWorker({ databaseUrl: env.DATABASE_URL, senders })
      },
    })
  }
  const telegram = telegramConfig()
  if (jobs.has('telegram') && telegram) {
    // Its own client: a long poll waits 25 s, longer than a send may take.
    registerLeaderTask({ name: 'telegram', start: () => startTelegramBot({ databaseUrl: env.DATABASE_URL, api: createTelegramApi({ ...telegram, timeoutSeconds: 45 }) }) })
  }
  const override = Number(process.env.POPUTKA_JOB_INTERVAL_MS)
  // A session of its own holds the lock: never through a transaction pooler (JOBS_DATABASE_URL).
  startJobRunner({ databaseUrl: env.JOBS_DATABASE_URL ?? env.DATABASE_URL, intervalOverrideMs: Number.isInteger(override) && override > 0 ? override : undefined })
}

/** A week of job runs is kept for operators; older ones go. */
async function pruneJobRuns(): Promise<void> {
  await db.jobRun.deleteMany({ where: { startedAt: { lt: new Date(Date.now() - 7 * 24 * 60 * 60_000) } } })
}
