// The environment, validated with zod on first use. Code reads `env.X`, never `process.env.X`.
// `npm start` fills DATABASE_URL and NEXTAUTH_SECRET for the embedded database (scripts/start.ts);
// in any other deployment both must be set.
import { z } from 'zod'

const booleanish = z
  .enum(['0', '1', 'true', 'false'])
  .transform((v) => v === '1' || v === 'true')

export const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  DATABASE_URL: z
    .string({ error: 'DATABASE_URL is required (npm start sets it for the embedded database)' })
    .regex(/^postgres(ql)?:\/\//, 'DATABASE_URL must be a postgresql:// URL'),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(10),
  /** The background jobs' lock session (lib/jobs/job-runner.ts): a direct or session-pooled
   * connection when DATABASE_URL goes through a transaction pooler (PgBouncer). */
  JOBS_DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'JOBS_DATABASE_URL must be a postgresql:// URL')
    .optional(),
  /** Processes serving the app under `npm start`; unset → one per core (scripts/lib/pool-plan.ts). */
  WEB_CONCURRENCY: z.coerce.number().int().min(1).max(256).optional(),
  NEXTAUTH_SECRET: z
    .string({ error: 'NEXTAUTH_SECRET is required: a random string of at least 32 characters' })
    .min(32, 'NEXTAUTH_SECRET must be at least 32 characters'),
  NEXTAUTH_URL: z.url('NEXTAUTH_URL must be the public URL of the app, e.g. https://poputka.kz').optional(),
  /** Trust X-Forwarded-For from a reverse proxy in front of the app (never when exposed directly). */
  TRUST_PROXY: booleanish.default(false),
  /** Tile URL template for maps, e.g. https://tile.openstreetmap.org/{z}/{x}/{y}.png; empty = offline basemap. */
  MAP_TILE_URL: z.string().default(''),
  MAP_TILE_ATTRIBUTION: z.string().default(''),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info'),
  /** Where the app listens; links in emails and Telegram messages fall back to http://localhost:PORT. */
  PORT: z.coerce.number().int().min(1).max(65_535).default(3000),
  /** Outgoing mail, e.g. smtps://user:password@smtp.example.com:465. Unset: email waits in the outbox. */
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\/[^\s]+$/, 'SMTP_URL must be an smtp:// or smtps:// URL, e.g. smtps://user:password@smtp.example.com:465')
    .optional(),
  /** The From of every email, e.g. "Попутка <no-reply@poputka.kz>" (required with SMTP_URL). */
  MAIL_FROM: z.string().trim().min(3).max(200).regex(/@/, 'MAIL_FROM must contain an address, e.g. Попутка <no-reply@poputka.kz>').optional(),
  /** The bot's token from @BotFather. Unset: the Telegram bot is off. */
  TELEGRAM_BOT_TOKEN: z
    .string()
    .regex(/^\d{3,20}:[A-Za-z0-9_-]{20,100}$/, 'TELEGRAM_BOT_TOKEN must look like 123456789:AA… (from @BotFather)')
    .optional(),
  /** The Bot API server (tests point it at a fake one on localhost). */
  TELEGRAM_API_URL: z.url('TELEGRAM_API_URL must be a URL, e.g. https://api.telegram.org').default('https://api.telegram.org'),
}).superRefine((value, ctx) => {
  if (value.SMTP_URL && !value.MAIL_FROM) {
    ctx.addIssue({ code: 'custom', path: ['MAIL_FROM'], message: 'MAIL_FROM is required with SMTP_URL, e.g. Попутка <no-reply@poputka.kz>' })
  }
})

export type Env = z.infer<typeof envSchema>

export class EnvError extends Error {
  override name = 'EnvError'
}

/** Parses an environment; the error names every offending variable. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = envSchema.safeParse(source)
  if (result.success) return result.data
  const lines = result.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`)
  throw new EnvError(`Invalid environment:\n${lines.join('\n')}`)
}

let cached: Env | undefined

export function getEnv(): Env {
  cached ??= parseEnv(process.env)
  return cached
}

/** `env.DATABASE_URL` etc., validated on first access (so `next build` needs no database). */
export const env: Env = new Proxy({} as Env, {
  get: (_target, key: string) => getEnv()[key as keyof Env],
})
