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
