// What checking that a session still stands costs (docs/decisions/006-sessions.md). Every signed-in
// request already read its user from the database (roles and deletion are re-read per request);
// since sessions can end, that same statement also compares the token's session version and makes
// sure this session was not signed out (a probe of revoked_sessions by primary key).
//
// Measured in the same minutes, in turns (ABBA):
//  - HTTP, 50 connections: signed-in GET /api/notifications with a token that carries the full check
//    (`sv` and `sid`) against the same request with a token from before sessions had ids (`uid`
//    only: the same read of the user, version compared, no probe) — and GET /api/ping for scale;
//  - the SQL alone, 1 connection: the check's statement (with the probe) against the read of the
//    user it replaced, with 50,000 ended sessions in the table.
import { randomUUID } from 'node:crypto'
import { encode } from 'next-auth/jwt'
import pg from 'pg'
import { combineHttp, runHttp, runSqlLoop, warmHttp, type HttpFigures, type SqlStatement } from './lib/load'
import { SESSION_COOKIE, mintSessionCookie } from './lib/session'
import type { Latency } from './lib/stats'

/** Sequential calls in this process through the app's own Prisma client: wall time per call and
 * this process's CPU per call (which other load on the machine barely moves). */
export type InProcessFigures = { calls: number; p50Ms: number; p99Ms: number; cpuUsPerCall: number }

export type SessionFigures = {
  /** findSessionUser (the check) against the read of the user it replaced (Prisma's findUnique). */
  inProcess: { check: InProcessFigures; before: InProcessFigures }
  ping: HttpFigures
  /** The full check: version and ended-session probe. */
  checked: HttpFigures
  /** The same request with a token from before sessions had ids (version compared, no probe). */
  baseline: HttpFigures
  sqlChecked: Latency
  sqlBaseline: Latency
  endedSessions: number
}

const USER_READ = `SELECT "public"."users"."id", "public"."users"."name", "public"."users"."email", "public"."users"."roles"::text[], "public"."users"."locale" FROM "public"."users"`


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

  // The statement findSessionUser sends, and the read of the user it replaced (Prisma's findUnique
  // of the user by id before sessions could end).
  const check = `SELECT u.id, u.name, u.email, u.roles::text[] AS roles, u.locale FROM users u
    WHERE u.id = $1::uuid AND u.deleted_at IS NULL AND u.session_version = $2
      AND ($3::uuid IS NULL OR NOT EXISTS (SELECT 1 FROM revoked_sessions r WHERE r.id = $4::uuid))`
  const before = `${USER_READ} WHERE ("public"."users"."id" = $1 AND "public"."users"."deleted_at" IS NULL) LIMIT $2 OFFSET $3`
  const sid = randomUUID()
  const checkedSql: SqlStatement[] = [{ text: check, values: [user.id, 0, sid, sid] }]
  const baselineSql: SqlStatement[] = [{ text: before, values: [user.id, 1, 0] }]
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
  const inProcess = await benchInProcess(databaseUrl, secret, user.id)
  return {
    inProcess,
    ping: p,
    checked: combineHttp(b1, b2),
    baseline: combineHttp(a1, a2),
    sqlChecked: mean(turns.checked),
    sqlBaseline: mean(turns.baseline),
    endedSessions,
  }
}

/** The check and the read it replaced, called one after another through the app's Prisma client in
 * this process, in turns (ABBA, twice). */
async function benchInProcess(databaseUrl: string, secret: string, userId: string, callsPerTurn = 1500): Promise<SessionFigures['inProcess']> {
  Object.assign(process.env, { DATABASE_URL: databaseUrl, NEXTAUTH_SECRET: secret, DATABASE_POOL_SIZE: '2' })
  const { db } = await import('@/lib/db')
  const { findSessionUser } = await import('@/lib/auth/session-user')
  const claims = { uid: userId, sv: 0, sid: randomUUID() }
  const work = {
    check: () => findSessionUser(claims),
    before: () => db.user.findUnique({ where: { id: userId, deletedAt: null }, select: { id: true, name: true, email: true, roles: true, locale: true } }),
  }
  const samples = { check: [] as number[], before: [] as number[] }
  const cpu = { check: 0, before: 0 }
  for (let i = 0; i < 50; i++) await Promise.all([work.check(), work.before()]) // warm
  for (const turn of ['before', 'check', 'check', 'before', 'before', 'check', 'check', 'before'] as const) {
    const started = process.cpuUsage()
    for (let i = 0; i < callsPerTurn; i++) {
      const t = performance.now()
      await work[turn]()
      samples[turn].push(performance.now() - t)
    }
    const used = process.cpuUsage(started)
    cpu[turn] += used.user + used.system
  }
  const figures = (turn: 'check' | 'before'): InProcessFigures => {
    const sorted = [...samples[turn]].sort((a, b) => a - b)
    return { calls: sorted.length, p50Ms: sorted[Math.floor(sorted.length / 2)]!, p99Ms: sorted[Math.floor(sorted.length * 0.99)]!, cpuUsPerCall: cpu[turn] / sorted.length }
  }
  await db.$disconnect()
  return { check: figures('check'), before: figures('before') }
}
