import { defineConfig, devices } from '@playwright/test'

const port = Number(process.env.E2E_PORT ?? 3210)
export const baseURL = `http://127.0.0.1:${port}`

// Debian's Chromium (Playwright's own browser download cannot work on our machines); the flags
// keep it from calling home, which this network refuses.
const chromiumArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
]

export default defineConfig({
  testDir: './e2e',
  outputDir: './test-results/e2e',
  fullyParallel: true,
  workers: 2,
  retries: 0,
  forbidOnly: true,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.PLAYWRIGHT_JSON_OUTPUT_NAME ? [['list'], ['json']] : [['list']],
  use: {
    baseURL,
    locale: 'ru-RU',
    timezoneId: 'Asia/Almaty',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: { executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium', args: chromiumArgs },
  },
  projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'], channel: undefined } }],
  webServer: {
    // node --import tsx (not the tsx CLI, which SIGKILLs a child that is slow to acknowledge a signal).
    command: 'node --import tsx scripts/e2e-server.ts',
    url: `${baseURL}/api/health`,
    timeout: 240_000,
    reuseExistingServer: false,
    stdout: 'ignore',
    stderr: 'pipe',
    // The daily re-check sweep would re-judge bookings the specs write straight to the database
    // (with made-up verdicts) whenever its hour comes round; the specs test the re-check on change.
    env: { E2E_PORT: String(port), LOG_LEVEL: 'warn', POPUTKA_RECHECK_SWEEP: '0' },
    // SIGTERM lets the embedded database stop cleanly (the default SIGKILL orphans postgres).
    gracefulShutdown: { signal: 'SIGTERM', timeout: 10_000 },
  },
})
