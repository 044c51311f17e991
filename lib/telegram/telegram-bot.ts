// The Telegram bot's long polling: it works with no public URL (no webhook to expose), which is how
// Poputka is usually run. Telegram lets one getUpdates consumer per bot at a time, so among several
// app processes only the one holding a PostgreSQL advisory lock polls (on a connection of its own;
// the lock goes when the process does, and another takes over within 15 s). Updates are handled
// one at a time in order; the next getUpdates with a higher offset confirms them to Telegram.
import { GrammyError, type Api } from 'grammy'
import pg from 'pg'
import { log } from '@/lib/log'
import { handleUpdate } from './handle-update'

/** pg_try_advisory_lock key of the Telegram poller ("Tg" + 12, any constant unique to us). */
export const TELEGRAM_POLL_LOCK = 547_012_012

export type TelegramBot = { isPolling: () => boolean; stop: () => Promise<void> }

export function startTelegramBot(options: {
  databaseUrl: string
  /** A client whose timeout exceeds the long-poll wait (pollSeconds). */
  api: Api
  pollSeconds?: number
  retryLeadershipMs?: number
}): TelegramBot {
  const pollSeconds = options.pollSeconds ?? 25
  let stopped = false
  let polling = false
  let lockClient: pg.Client | null = null
  const abort = new AbortController()
  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms)
      abort.signal.addEventListener('abort', () => (clearTimeout(timer), resolve()), { once: true })
    })

  async function becomeLeader(): Promise<boolean> {
    const client = new pg.Client({ connectionString: options.databaseUrl, application_name: 'poputka-telegram-poller' })
    client.on('error', () => undefined)
    try {
      await client.connect()
      const { rows } = await client.query<{ ok: boolean }>('SELECT pg_try_advisory_lock($1) AS ok', [TELEGRAM_POLL_LOCK])
      if (rows[0]?.ok) {
        lockClient = client
        client.on('end', () => {
          if (lockClient === client) lockClient = null
        })
        return true
      }
    } catch {
      // the database is away: try again later
    }
    await client.end().catch(() => undefined)
    return false
  }

  const loop = (async () => {
    let offset = 0
    let failures = 0
    while (!stopped) {
      if (!lockClient) {
        polling = false
        if (!(await becomeLeader())) {
          await sleep(options.retryLeadershipMs ?? 15_000)
          continue
        }
        polling = true
        // Long polling and a webhook exclude each other; ours is polling.
        await options.api.deleteWebhook({ drop_pending_updates: false }).catch(() => undefined)
      }
      try {
        const updates = await options.api.getUpdates({ offset, timeout: pollSeconds, allowed_updates: ['message', 'callback_query'] }, abort.signal as Parameters<Api['getUpdates']>[1])
        failures = 0
        for (const update of updates) {
          if (stopped) break
          try {
            await handleUpdate(options.api, update)
          } catch (error) {
            log.error('telegram: update failed', { updateId: update.update_id, error })
          }
          offset = update.update_id + 1
        }
      } catch (error) {
        if (stopped) break
        failures++
        // 409: another consumer (a webhook or a second deployment) holds the bot; 401: wrong token.
        const conflict = error instanceof GrammyError && error.error_code === 409
        log.warn('telegram: getUpdates failed', { error: String(error instanceof Error ? error.message : error), conflict })
        await sleep(Math.min(30_000, 1_000 * 2 ** Math.min(failures, 5)))
      }
    }
  })()

  return {
    isPolling: () => polling && lockClient !== null,
    stop: async () => {
      stopped = true
      abort.abort()
      await loop
      polling = false
      const c = lockClient
      lockClient = null
      await c?.end().catch(() => undefined)
    },
  }
}
