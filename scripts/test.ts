// npm test: typecheck → lint → Vitest (unit + integration on a throwaway embedded PostgreSQL) →
// the same Vitest suite with the clock moved 400 days ahead (libfaketime: tests must not age) →
// production build → Playwright in headless Chromium against that build. The last line is the
// plain `N passed, N failed` over everything (typecheck and lint count as one check each), because
// CI reads neither Vitest's nor Playwright's own summaries.
//   --only unit | --only future | --only e2e     run just one part (with the checks skipped)
import { spawn, spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs'
import path from 'node:path'
import { ensureProductionBuild } from './lib/build'

type Step = { name: string; passed: number; failed: number; seconds: number }

const results: Step[] = []
const only = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1] : undefined
const resultsDir = path.join(process.cwd(), 'test-results')
const bin = (name: string) => path.join(process.cwd(), 'node_modules', '.bin', name)

function run(command: string, args: string[], env: Record<string, string> = {}): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: 'inherit', env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', ...env } })
    child.on('exit', (code) => resolve(code ?? 1))
    child.on('error', () => resolve(1))
  })
}

async function step(name: string, body: () => Promise<{ passed: number; failed: number }>): Promise<void> {
  console.log(`\n━━ ${name} ━━`)
  const started = performance.now()
  const outcome = await body().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error)
    return { passed: 0, failed: 1 }
  })
  results.push({ name, ...outcome, seconds: Math.round((performance.now() - started) / 100) / 10 })
}

async function check(name: string, command: string, args: string[]): Promise<void> {
  await step(name, async () => ((await run(command, args)) === 0 ? { passed: 1, failed: 0 } : { passed: 0, failed: 1 }))
}

/** Debian's Chromium: found, or installed with apt when we are root; otherwise one clear line. */
function ensureBrowser(): string {
  const candidates = [process.env.CHROME_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].filter(Boolean) as string[]
  const found = candidates.find((c) => existsSync(c))
  if (found) return found
  const isRoot = process.getuid?.() === 0
  if (isRoot && existsSync('/usr/bin/apt-get')) {
    console.log('No Chromium found: installing Debian\'s chromium with apt-get (Playwright\'s own download cannot work here)…')
    spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit' })
    const install = spawnSync('apt-get', ['install', '-y', '-qq', 'chromium'], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } })
    if (install.status === 0 && existsSync('/usr/bin/chromium')) return '/usr/bin/chromium'
  }
  throw new Error('No usable Chromium for the end-to-end tests: install it (Debian: `sudo apt-get install chromium`) or set CHROME_PATH to a Chrome/Chromium binary.')
}

/** libfaketime's `faketime` (Debian package faketime): found, or installed with apt when we are root. */
function ensureFaketime(): string {
  const found = ['/usr/bin/faketime', '/usr/local/bin/faketime'].find((c) => existsSync(c))
  if (found) return found
  const isRoot = process.getuid?.() === 0
  if (isRoot && existsSync('/usr/bin/apt-get')) {
    console.log('No faketime found: installing Debian\'s faketime with apt-get…')
    const install = () => spawnSync('apt-get', ['install', '-y', '-qq', 'faketime'], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } })
    if (install().status !== 0) {
      spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit' })
      install()
    }
    if (existsSync('/usr/bin/faketime')) return '/usr/bin/faketime'
  }
  throw new Error('No faketime for the moved-clock test run: install it (Debian: `sudo apt-get install faketime`).')
}

type VitestReport = { numPassedTests: number; numFailedTests: number; numTotalTests: number; numPendingTests: number; numTodoTests?: number }

/** One Vitest run, counted from its JSON report; `prefix` runs it under another program (faketime). */
async function vitest(reportName: string, prefix: string[] = []): Promise<{ passed: number; failed: number }> {
  const file = path.join(resultsDir, reportName)
  const args = [bin('vitest'), 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${file}`]
  const code = prefix.length ? await run(prefix[0]!, [...prefix.slice(1), ...args]) : await run(args[0]!, args.slice(1))
  if (!existsSync(file)) return { passed: 0, failed: 1 }
  const report = JSON.parse(readFileSync(file, 'utf8')) as VitestReport
  // A suite that failed to load reports no failed test but a non-zero exit: count it as one.
  const failed = report.numFailedTests + report.numPendingTests + (report.numTodoTests ?? 0) + (code !== 0 && report.numFailedTests === 0 ? 1 : 0)
  return { passed: report.numPassedTests, failed }
}

// How far the second Vitest run moves the clock: far enough that a fixture date which "works today"
// has turned into another verdict (a stay past 90 days, a document expired, a run in the past).
const FUTURE_OFFSET = '+400d'

async function main() {
  rmSync(resultsDir, { recursive: true, force: true })
  mkdirSync(resultsDir, { recursive: true })

  if (!only) {
    await check('typecheck', 'npm', ['run', '-s', 'typecheck'])
    await check('lint', 'npm', ['run', '-s', 'lint'])
  }

  if (!only || only === 'unit') {
    await step('vitest', () => vitest('vitest.json'))
  }

  if (!only || only === 'future') {
    // The whole suite again with the system clock 400 days ahead for Node and the embedded
    // PostgreSQL alike (libfaketime via LD_PRELOAD reaches every child process).
    await step(`vitest ${FUTURE_OFFSET}`, async () => {
      const faketime = [ensureFaketime(), '-f', FUTURE_OFFSET]
      // A preload that silently failed would make this a second run on today's date: prove the move.
      const probe = spawnSync(faketime[0]!, [...faketime.slice(1), process.execPath, '-p', 'Date.now()'], { encoding: 'utf8' })
      const movedDays = (Number(probe.stdout.trim()) - Date.now()) / 86_400_000
      if (!(Math.abs(movedDays - Number.parseInt(FUTURE_OFFSET, 10)) < 1)) throw new Error(`faketime did not move the clock (${probe.stdout.trim() || probe.stderr.trim()})`)
      return vitest('vitest-future.json', faketime)
    })
  }

  if (!only || only === 'e2e') {
    await step('playwright', async () => {
      const chrome = ensureBrowser()
      await ensureProductionBuild()
      const file = path.join(resultsDir, 'playwright.json')
      const code = await run(bin('playwright'), ['test'], { CHROME_PATH: chrome, PLAYWRIGHT_JSON_OUTPUT_NAME: file })
      if (!existsSync(file)) return { passed: 0, failed: 1 }
      const report = JSON.parse(readFileSync(file, 'utf8')) as { stats: { expected: number; unexpected: number; flaky: number; skipped: number }; errors?: unknown[] }
      const { expected, unexpected, flaky, skipped } = report.stats
      const failed = unexpected + flaky + skipped + (code !== 0 && unexpected === 0 ? 1 : 0)
      return { passed: expected, failed }
    })
  }

  console.log('\n━━ summary ━━')
  for (const r of results) console.log(`${r.name.padEnd(12)} ${String(r.passed).padStart(5)} passed ${String(r.failed).padStart(4)} failed  ${r.seconds}s`)
  const passed = results.reduce((n, r) => n + r.passed, 0)
  const failed = results.reduce((n, r) => n + r.failed, 0)
  console.log(`${passed} passed, ${failed} failed`)
  process.exit(failed === 0 ? 0 : 1)
}

void main()
