// Periodic work inside each app process: expire unanswered requests (and promote the waitlist),
// keep recurring series topped up, check live bookings again once a day (days pass, the count
// moves), forget signed-out sessions whose tokens have expired, and count reviews whose 14 days ran
// out into the search's rating. Every step is a conditional update or takes its row with SKIP
// LOCKED, so several instances running the same job at once do no harm.
import { purgeEndedSessions } from '@/lib/auth/purge-ended-sessions'
import { expireRequests } from '@/lib/bookings/expire-requests'
import { recheckDueBookings } from '@/lib/bookings/recheck-bookings'
import { isDatabaseUnavailable } from '@/lib/errors'
import { db } from '@/lib/db'
import { log } from '@/lib/log'
import { publishReviews } from '@/lib/reviews/publish-reviews'
import { extendSeries } from '@/lib/trips/extend-series'

let started = false

export function startBackgroundJobs(): void {
  if (started || process.env.POPUTKA_JOBS === '0') return
  started = true
  const every = (ms: number, name: string, job: () => Promise<unknown>) => {
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
}
