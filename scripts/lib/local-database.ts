// The embedded database for `npm start` / `npm run dev`: data and secrets in a git-ignored folder
// that survives restarts (.data/ in the project, or a folder under /var/tmp when OS user
// `postgres` cannot reach the project, e.g. a clone inside root's 0700 home).
import { createHash, randomBytes } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { isReachableByPostgresUser, startEmbeddedPostgres, type EmbeddedDatabase } from './embedded-postgres'

export type LocalSecrets = { nextauthSecret: string; databasePassword: string }

export function resolveDataDir(projectDir: string = process.cwd()): string {
  if (process.env.POPUTKA_DATA_DIR) return path.resolve(process.env.POPUTKA_DATA_DIR)
  const local = path.join(projectDir, '.data')
  if (isReachableByPostgresUser(local)) return local
  const id = createHash('sha256').update(path.resolve(projectDir)).digest('hex').slice(0, 10)
  return path.join('/var/tmp', `poputka-${id}`)
}

/** Generated once and kept beside the data, so sessions survive restarts. */
export function loadOrCreateSecrets(dataDir: string): LocalSecrets {
  const file = path.join(dataDir, 'secrets.json')
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as LocalSecrets
  mkdirSync(dataDir, { recursive: true, mode: 0o755 })
  const secrets: LocalSecrets = {
    nextauthSecret: randomBytes(32).toString('base64url'),
    databasePassword: randomBytes(18).toString('base64url'),
  }
  writeFileSync(file, JSON.stringify(secrets, null, 2) + '\n', { mode: 0o600 })
  return secrets
}

export async function startLocalDatabase(options: { dataDir: string; port: number; quiet?: boolean; maxConnections?: number }): Promise<EmbeddedDatabase & { secrets: LocalSecrets }> {
  const secrets = loadOrCreateSecrets(options.dataDir)
  const database = await startEmbeddedPostgres({
    dataDir: path.join(options.dataDir, 'postgres'),
    port: options.port,
    password: secrets.databasePassword,
    database: 'poputka',
    quiet: options.quiet,
    // Room for every worker's pool (scripts/lib/pool-plan.ts); 100 is PostgreSQL's default.
    serverFlags: ['-c', `max_connections=${options.maxConnections ?? 100}`],
    // Ctrl-C reaches our processes, which drain, then stop the database (not the other way round).
    ownProcessGroup: true,
  })
  return { ...database, secrets }
}
