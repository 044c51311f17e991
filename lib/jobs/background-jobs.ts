// Periodic work inside each app process: expire unanswered requests (and promote the waitlist),
// keep recurring series topped up, and count reviews whose 14 days ran out into the search's rating. Every step is a conditional update, so several instances
// running the same job at once do no harm.
import { expireRequests } from '@/lib/bookings/expire-requests'
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
}
