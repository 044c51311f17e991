// npm test: typecheck → lint → Vitest (unit + integration on a throwaway embedded PostgreSQL) →
// production build → Playwright in headless Chromium against that build. The last line is the
// plain `N passed, N failed` over everything (typecheck and lint count as one check each), because
// CI reads neither Vitest's nor Playwright's own summaries.
//   --only unit | --only e2e     run just one part (with the checks skipped)
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

async function main() {
  rmSync(resultsDir, { recursive: true, force: true })
  mkdirSync(resultsDir, { recursive: true })

  if (!only) {
    await check('typecheck', 'npm', ['run', '-s', 'typecheck'])
    await check('lint', 'npm', ['run', '-s', 'lint'])
  }

  if (!only || only === 'unit') {
    await step('vitest', async () => {
      const file = path.join(resultsDir, 'vitest.json')
      const code = await run(bin('vitest'), ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${file}`])
      if (!existsSync(file)) return { passed: 0, failed: 1 }
      const report = JSON.parse(readFileSync(file, 'utf8')) as { numPassedTests: number; numFailedTests: number; numTotalTests: number; numPendingTests: number; numTodoTests?: number }
      // A suite that failed to load reports no failed test but a non-zero exit: count it as one.
      const failed = report.numFailedTests + report.numPendingTests + (report.numTodoTests ?? 0) + (code !== 0 && report.numFailedTests === 0 ? 1 : 0)
      return { passed: report.numPassedTests, failed }
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
