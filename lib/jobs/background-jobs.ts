// Periodic work inside each app process: expire unanswered requests (and promote the waitlist),
// keep recurring series topped up, check live bookings again once a day (days pass, the count
// moves), forget signed-out sessions whose tokens have expired, count reviews whose 14 days ran out
// into the search's rating, write reminders, deliver the outbox (email, Telegram) and poll the
// Telegram bot. Every step is a conditional update or a claimed row (SKIP LOCKED), so several
// instances running the same job at once do no harm; the bot polls in one instance only (advisory
// lock).
//
// POPUTKA_JOBS: 1 (default) every job, 0 none, or a comma-separated list of job names
// (expire-requests, extend-series, publish-reviews, recheck-bookings, purge-ended-sessions,
// reminders, deliver, telegram).
import { purgeEndedSessions } from '@/lib/auth/purge-ended-sessions'
import { expireRequests } from '@/lib/bookings/expire-requests'
import { recheckDueBookings } from '@/lib/bookings/recheck-bookings'
import { env } from '@/lib/env'
import { isDatabaseUnavailable } from '@/lib/errors'
import { db } from '@/lib/db'
import { log } from '@/lib/log'
import { startDeliveryWorker } from '@/lib/notifications/delivery/delivery-worker'
import { createEmailSender, createTelegramApi, createTelegramSender, type Senders } from '@/lib/notifications/delivery/senders'
import { sendReminders } from '@/lib/notifications/send-reminders'
import { telegramApi, telegramConfig } from '@/lib/telegram/bot-config'
import { startTelegramBot } from '@/lib/telegram/telegram-bot'
import { publishReviews } from '@/lib/reviews/publish-reviews'
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
  const every = (ms: number, name: JobName, job: () => Promise<unknown>) => {
    if (!jobs.has(name)) return
    const run = (): void => {
      job().catch((error: unknown) => {
        if (isDatabaseUnavailable(error)) log.warn(`job ${name}: database unavailable`)
        else log.error(`job ${name} failed`, { error })
      })
    }
    setTimeout(run, 5_000).unref()
    setInterval(run, ms).unref()
  }
  every(60_000, 'expire-requests', () => expireRequests())
  every(60 * 60_000, 'extend-series', () => extendSeries())
  every(60_000, 'publish-reviews', () => publishReviews(db))
  // Hourly, but each booking at most once a Kazakhstan day (legal_rechecked_on): so the day's
  // sweep happens soon after midnight in Kazakhstan, or soon after a restart.
  if (process.env.POPUTKA_RECHECK_SWEEP !== '0') every(60 * 60_000, 'recheck-bookings', () => recheckDueBookings())
  every(60 * 60_000, 'purge-ended-sessions', () => purgeEndedSessions())
  every(5 * 60_000, 'reminders', () => sendReminders())

  if (jobs.has('deliver')) {
    const senders = sendersFromEnv()
    if (!senders.email) log.info('email is off (no SMTP_URL): emails wait in the outbox until it is set')
    if (!senders.telegram) log.info('the Telegram bot is off (no TELEGRAM_BOT_TOKEN)')
    startDeliveryWorker({ databaseUrl: env.DATABASE_URL, senders })
  }
  const telegram = telegramConfig()
  if (jobs.has('telegram') && telegram) {
    // Its own client: a long poll waits 25 s, longer than a send may take.
    startTelegramBot({ databaseUrl: env.DATABASE_URL, api: createTelegramApi({ ...telegram, timeoutSeconds: 45 }) })
  }
}
