// Periodic work of the app: expire unanswered requests (and promote the waitlist), keep recurring
// series topped up, check live bookings again once a day (days pass, the count moves), and forget
// signed-out sessions whose tokens have expired. Every app process calls startBackgroundJobs()
// (instrumentation.ts); the job runner lets only one process at a time — the holder of the jobs'
// advisory lock — run them, each slot once (lib/jobs/job-runner.ts). Each step is still a
// conditional update or takes its row with SKIP LOCKED, so a run that overlaps a user's action does
// no harm.
//
// A new job: registerJob({ name, everyMs, run }) below; long-running leader-only work (a queue
// worker, a long poll): registerLeaderTask({ name, start }).
import { purgeEndedSessions } from '@/lib/auth/purge-ended-sessions'
import { expireRequests } from '@/lib/bookings/expire-requests'
import { recheckDueBookings } from '@/lib/bookings/recheck-bookings'
import { db } from '@/lib/db'
import { env } from '@/lib/env'
import { registerJob, startJobRunner } from '@/lib/jobs/job-runner'
import { extendSeries } from '@/lib/trips/extend-series'

let started = false

export function startBackgroundJobs(): void {
  if (started || process.env.POPUTKA_JOBS === '0') return
  started = true
  registerJob({ name: 'expire-requests', everyMs: 60_000, run: () => expireRequests() })
  registerJob({ name: 'extend-series', everyMs: 60 * 60_000, run: () => extendSeries() })
  // Hourly, but each booking at most once a Kazakhstan day (legal_rechecked_on): so the day's
  // sweep happens soon after midnight in Kazakhstan, or soon after a restart.
  if (process.env.POPUTKA_RECHECK_SWEEP !== '0') registerJob({ name: 'recheck-bookings', everyMs: 60 * 60_000, run: () => recheckDueBookings() })
  registerJob({ name: 'purge-ended-sessions', everyMs: 60 * 60_000, run: () => purgeEndedSessions() })
  registerJob({ name: 'prune-job-runs', everyMs: 24 * 60 * 60_000, run: () => pruneJobRuns() })
  const override = Number(process.env.POPUTKA_JOB_INTERVAL_MS)
  // A session of its own holds the lock: never through a transaction pooler (JOBS_DATABASE_URL).
  startJobRunner({ databaseUrl: env.JOBS_DATABASE_URL ?? env.DATABASE_URL, intervalOverrideMs: Number.isInteger(override) && override > 0 ? override : undefined })
}

/** A week of job runs is kept for operators; older ones go. */
async function pruneJobRuns(): Promise<void> {
  await db.jobRun.deleteMany({ where: { startedAt: { lt: new Date(Date.now() - 7 * 24 * 60 * 60_000) } } })
}
