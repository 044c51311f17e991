// Expected refusals are AppErrors: a stable code for clients, a status, optional per-field
// messages. The user-facing message comes from messages/<locale>.json under `errors.<code>`, so a
// service never writes English or Russian itself.
export const errorStatus = {
  VALIDATION: 400,
  BAD_REQUEST: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  EMAIL_TAKEN: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  RATE_LIMITED: 429,
  SERVICE_UNAVAILABLE: 503,
  INTERNAL: 500,
} as const satisfies Record<string, number>

export type BaseErrorCode = keyof typeof errorStatus

export type ErrorParams = Record<string, string | number>

/** A message for one form field: a key under `validation.` or `errors.` plus its parameters. */
export type FieldMessage = { key: string; params?: ErrorParams }

export class AppError extends Error {
  override name = 'AppError'
  readonly status: number
  constructor(
    readonly code: string,
    readonly options: {
      status?: number
      params?: ErrorParams
      fields?: Record<string, FieldMessage[]>
      /** Extra machine-readable detail returned beside the message (e.g. per-traveller reasons). */
      details?: unknown
      retryAfterSeconds?: number
    } = {},
  ) {
    super(code)
    this.status = options.status ?? (errorStatus as Record<string, number>)[code] ?? 400
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError
}

/** Connection-level failures: the database is away (restart, network) or has no connection free for
 * us in time (Prisma's "Unable to start a transaction in the given time", P2028, when the pool stays
 * exhausted past the transaction's maxWait under overload) — not a bug of ours: 503, come back later.
 * Raw queries report a lost connection as P2010 with Prisma's words for it ("Server has closed the
 * connection."), so the messages are matched as well as the codes (both seen in `npm run loadtest`). */
export function isDatabaseUnavailable(error: unknown): boolean {
  const seen = new Set<unknown>()
  let current: unknown = error
  while (current && typeof current === 'object' && !seen.has(current)) {
    seen.add(current)
    const e = current as { code?: unknown; message?: unknown; cause?: unknown; name?: unknown }
    const code = typeof e.code === 'string' ? e.code : ''
    const message = typeof e.message === 'string' ? e.message : ''
    if (['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', '57P01', '57P02', '57P03', '08006', '08001', '08003', 'P1001', 'P1008', 'P1017', 'P2037'].includes(code)) return true
    if (/Connection terminated|connect ECONNREFUSED|timeout exceeded when trying to connect|the database system is (starting up|shutting down)|terminating connection due to administrator command|Can't reach database server|Client has encountered a connection error|Unable to start a transaction in the given time|Server has closed the connection|Operation has timed out|Too many database connections opened/i.test(message)) return true
    current = e.cause
  }
  return false
}
