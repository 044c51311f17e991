// What checking that a session still stands costs (docs/decisions/006-sessions.md). Every signed-in
// request already read its user from the database (roles and deletion are re-read per request);
// since sessions can end, that same statement also compares the token's session version and makes
// sure this session was not signed out (a probe of revoked_sessions by primary key).
//
// Measured in the same minutes, in turns (ABBA):
//  - HTTP, 50 connections: signed-in GET /api/notifications with a token that carries the full check
//    (`sv` and `sid`) against the same request with a token from before sessions had ids (`uid`
//    only: the same read of the user, version compared, no probe) — and GET /api/ping for scale;
//  - the SQL alone, 1 connection: the statement with the probe against the one without (the exact
//    statements Prisma sends), with 50,000 ended sessions in the table.
import { randomUUID } from 'node:crypto'
import { encode } from 'next-auth/jwt'
import pg from 'pg'
import { runHttp, runSqlLoop, warmHttp, type HttpFigures, type SqlStatement } from './lib/load'
import { SESSION_COOKIE, mintSessionCookie } from './lib/session'
import type { Latency } from './lib/stats'

export type SessionFigures = {
  ping: HttpFigures
  /** The full check: version and ended-session probe. */
  checked: HttpFigures
  /** The read of the user every request made before sessions could end (version only, no probe). */
  baseline: HttpFigures
  sqlChecked: Latency
  sqlBaseline: Latency
  endedSessions: number
}

const USER_READ = `SELECT "public"."users"."id", "public"."users"."name", "public"."users"."email", "public"."users"."roles"::text[], "public"."users"."locale" FROM "public"."users"`

function combine(a: HttpFigures, b: HttpFigures): HttpFigures {
  const requests = a.requests + b.requests
  return {
    rps: requests / (a.seconds + b.seconds),
    requests,
    seconds: a.seconds + b.seconds,
    p50: (a.p50 + b.p50) / 2,
    p99: (a.p99 + b.p99) / 2,
    max: Math.max(a.max, b.max),
    samples: requests,
    non2xx: a.non2xx + b.non2xx,
    errors: a.errors + b.errors,
    appCpuMs: a.appCpuMs === null || b.appCpuMs === null ? null : (a.appCpuMs * a.requests + b.appCpuMs * b.requests) / requests,
  }
}

export async function benchSession(url: string, databaseUrl: string, secret: string, options: { seconds: number; sqlSeconds: number; pid?: number }): Promise<SessionFigures> {
  const client = new pg.Client({ connectionString: databaseUrl })
  await client.connect()
  let user: { id: string; name: string; email: string }
  let endedSessions: number
  try {
    // Other people's signed-out sessions, still within their tokens' lifetime.
    const inserted = await client.query(
      `INSERT INTO revoked_sessions (id, user_id, expires_at) SELECT gen_random_uuid(), r.user_id, now() + interval '20 days'
       FROM bench.riders r WHERE r.n <= 50000 ON CONFLICT DO NOTHING`,
    )
    endedSessions = inserted.rowCount ?? 0
    await client.query('ANALYZE revoked_sessions')
    const { rows } = await client.query<{ id: string; name: string; email: string }>(`SELECT u.id, u.name, u.email FROM bench.riders r JOIN users u ON u.id = r.user_id WHERE r.n = 45001`)
    user = rows[0]!
  } finally {
    await client.end()
  }

  const checkedCookie = await mintSessionCookie(secret, user)
  // A token as next-auth minted them before sessions had a version and an id.
  const legacyCookie = `${SESSION_COOKIE}=${await encode({ secret, token: { uid: user.id, sub: user.id, name: user.name, email: user.email } })}`
  const path = '/api/notifications'
  const load = (cookie: string) => ({ url, paths: [path], connections: 50, seconds: options.seconds, headers: { cookie }, pid: options.pid })
  await warmHttp(load(checkedCookie))
  await warmHttp(load(legacyCookie))
  const ping = { url, paths: ['/api/ping'], connections: 50, seconds: options.seconds, pid: options.pid }
  const a1 = await runHttp(load(legacyCookie))
  const b1 = await runHttp(load(checkedCookie))
  const p = await runHttp(ping)
  const b2 = await runHttp(load(checkedCookie))
  const a2 = await runHttp(load(legacyCookie))

  const probe = `${USER_READ} WHERE ("public"."users"."id" = $1 AND "public"."users"."deleted_at" IS NULL AND "public"."users"."session_version" = $2 AND NOT EXISTS(SELECT "t0"."user_id" FROM "public"."revoked_sessions" AS "t0" WHERE ("t0"."id" = $3 AND ("public"."users"."id") = ("t0"."user_id") AND "t0"."user_id" IS NOT NULL))) LIMIT $4 OFFSET $5`
  const plain = `${USER_READ} WHERE ("public"."users"."id" = $1 AND "public"."users"."deleted_at" IS NULL AND "public"."users"."session_version" = $2) LIMIT $3 OFFSET $4`
  const checkedSql: SqlStatement[] = [{ text: probe, values: [user.id, 0, randomUUID(), 1, 0] }]
  const baselineSql: SqlStatement[] = [{ text: plain, values: [user.id, 0, 1, 0] }]
  const turns: Record<'checked' | 'baseline', Latency[]> = { checked: [], baseline: [] }
  for (const turn of ['baseline', 'checked', 'checked', 'baseline'] as const) {
    turns[turn].push(await runSqlLoop(databaseUrl, turn === 'checked' ? checkedSql : baselineSql, { connections: 1, seconds: options.sqlSeconds / 2 }))
  }
  const mean = (l: Latency[]): Latency => ({
    p50: l.reduce((s, x) => s + x.p50, 0) / l.length,
    p99: l.reduce((s, x) => s + x.p99, 0) / l.length,
    max: Math.max(...l.map((x) => x.max)),
    samples: l.reduce((s, x) => s + x.samples, 0),
  })
  return {
    ping: p,
    checked: combine(b1, b2),
    baseline: combine(a1, a2),
    sqlChecked: mean(turns.checked),
    sqlBaseline: mean(turns.baseline),
    endedSessions,
  }
}
