// Adds visible reviews into their subjects' search rating (users.rating_count / rating_sum /
// rating_key, a CHECK keeps the three in step), once
// each: a review is published when the other side writes theirs (submit-review.ts, in the same
// transaction) or when its 14 days run out (the background job, every minute). One statement; the
// conditional UPDATE of `rated_at` decides, so several processes running it at once count each
// review once. Profiles and the run page do not wait for it: they add visible reviews up themselves.
import { db } from '@/lib/db'
import { Prisma } from '@/lib/generated/prisma/client'

type Tx = Prisma.TransactionClient | typeof db

export async function publishReviews(tx: Tx, now: Date = new Date(), bookingId?: string): Promise<number> {
  const rows = await tx.$queryRaw<{ published: number }[]>`
    WITH due AS (
      UPDATE reviews SET rated_at = ${now}
      WHERE rated_at IS NULL AND hidden_at IS NULL AND visible_at <= ${now}
        ${bookingId ? Prisma.sql`AND booking_id = ${bookingId}::uuid` : Prisma.empty}
      RETURNING subject_id, rating
    ), per_member AS (
      SELECT subject_id, count(*)::int AS n, sum(rating)::int AS total FROM due GROUP BY subject_id
    ), counted AS (
      UPDATE users u SET rating_count = u.rating_count + p.n, rating_sum = u.rating_sum + p.total,
        rating_key = round((u.rating_sum + p.total) * 100.0 / (u.rating_count + p.n))::int
      FROM per_member p WHERE u.id = p.subject_id
      RETURNING p.n
    )
    SELECT coalesce(sum(n), 0)::int AS published FROM counted`
  return rows[0]?.published ?? 0
}
