// The server Playwright starts: a fresh embedded database in a temp folder (never the demo data
// in .data/), reference and demo data, the production build. Its database URL is written to a file
// the e2e fixtures read, so tests can create their own rows.
//
// The outside world too, as real protocol servers on free ports: a local SMTP server (SMTP_URL)
// and a fake Telegram Bot API (TELEGRAM_API_URL, with a bot token), so email and the bot run in
// every e2e test as in production. Tests reach both through the fake's /__fake/ control endpoints
// (the address is in test-results/e2e-outside-<port>.json; see e2e/lib/outside.ts).
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { startFakeTelegram } from '@/lib/testing/fake-telegram'
import { startSmtpSink } from '@/lib/testing/smtp-sink'
import { startPoputka, type RunningApp } from './lib/poputka'

// One file per port, so two e2e servers (two engineers' runs) never read each other's database.
export const E2E_DATABASE_URL_FILE = path.join(process.cwd(), 'test-results', `e2e-database-url-${process.env.E2E_PORT ?? 3210}`)
export const E2E_OUTSIDE_FILE = path.join(process.cwd(), 'test-results', `e2e-outside-${process.env.E2E_PORT ?? 3210}.json`)

async function main() {
  const dir = mkdtempSync(path.join(tmpdir(), 'poputka-e2e-'))
  chmodSync(dir, 0o755) // the server runs as OS user `postgres` when we are root
  const smtp = await startSmtpSink()
  const telegram = await startFakeTelegram({ extraControl: (name) => (name === 'mail' ? smtp.mails : undefined) })
  const running: { app?: RunningApp } = {}
  const stop = async () => {
    await running.app?.stop()
    await Promise.allSettled([smtp.close(), telegram.close()])
    rmSync(dir, { recursive: true, force: true })
    process.exit(0)
  }
  process.once('SIGINT', () => void stop())
  process.once('SIGTERM', () => void stop())
  delete process.env.DATABASE_URL
  const port = Number(process.env.E2E_PORT ?? 3210)
  Object.assign(process.env, {
    SMTP_URL: smtp.url,
    MAIL_FROM: 'Попутка <no-reply@poputka.test>',
    TELEGRAM_BOT_TOKEN: telegram.token,
    TELEGRAM_API_URL: telegram.url,
    PORT: String(port), // links in emails and Telegram messages: http://localhost:<port>/…
    // No reminder job: a reminder written mid-walk would change the rows the walk checks stay still.
    // Delivery and the bot run as in production.
    POPUTKA_JOBS: 'expire-requests,extend-series,publish-reviews,deliver,telegram',
    // One process: the specs share two cores with Chromium and PostgreSQL (a second worker only
    // made connections starve under the authorization walk). e2e/cluster.spec.ts starts its own
    // `npm start` on two processes to test serving on every core.
    WEB_CONCURRENCY: process.env.WEB_CONCURRENCY ?? '1',
  })
  running.app = await startPoputka({
    dev: false,
    port,
    hostname: '127.0.0.1',
    dataDir: dir,
    embeddedPort: Number(process.env.E2E_PG_PORT ?? 54331),
    demo: true,
    log: () => undefined,
  })
  mkdirSync(path.dirname(E2E_DATABASE_URL_FILE), { recursive: true })
  writeFileSync(E2E_DATABASE_URL_FILE, running.app.databaseUrl)
  writeFileSync(E2E_OUTSIDE_FILE, JSON.stringify({ fakeTelegram: telegram.url, botUsername: telegram.username, smtp: smtp.url }))
  console.log(`e2e server ready at ${running.app.url}`)
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
