// Statements the database ran between two points, from pg_stat_statements (loaded by the bench's
// database): how many queries one request costs, BEGIN/COMMIT included — N+1 shows up here.
import type pg from 'pg'

export async function resetQueryCounts(client: pg.Client): Promise<void> {
  await client.query('SELECT pg_stat_statements_reset()')
}

/** Calls since the last reset, the bench's own bookkeeping left out; null without the extension. */
export async function queriesSince(client: pg.Client): Promise<number | null> {
  try {
    const { rows } = await client.query<{ calls: string }>(
      `SELECT coalesce(sum(calls), 0) AS calls FROM pg_stat_statements
       WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database()) AND query NOT ILIKE '%pg_stat_statements%'`,
    )
    return Number(rows[0]!.calls)
  } catch {
    return null
  }
}

export type StatementTime = { calls: number; totalMs: number; meanMs: number; query: string }

/** The statements that took the most database time since the last reset (lock waits included). */
export async function slowestStatements(client: pg.Client, limit = 6): Promise<StatementTime[]> {
  try {
    const { rows } = await client.query<{ calls: string; total: number; mean: number; query: string }>(
      `SELECT calls, total_exec_time AS total, mean_exec_time AS mean, left(regexp_replace(query, '\\s+', ' ', 'g'), 160) AS query
       FROM pg_stat_statements
       WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database()) AND query NOT ILIKE '%pg_stat_statements%'
       ORDER BY total_exec_time DESC LIMIT $1`,
      [limit],
    )
    return rows.map((r) => ({ calls: Number(r.calls), totalMs: Math.round(r.total), meanMs: Math.round(r.mean * 100) / 100, query: r.query }))
  } catch {
    return []
  }
}
