// The delivery worker inside an app process: it LISTENs on the outbox channel (pg_notify from
// notify(), delivered when the change commits) and drains what is due at once, and it polls every
// few seconds for retries whose time has come and anything a lost connection made it miss. Passes
// never overlap within a process; across processes the claims keep them apart (deliver-due.ts).
import pg from 'pg'
import { isDatabaseUnavailable } from '@/lib/errors'
import { log } from '@/lib/log'
import { OUTBOX_CHANNEL } from '@/lib/notifications/notify'
import { DELIVERY, deliverDue } from './deliver-due'
import type { Senders } from './senders'

export type DeliveryWorker = {
  /** Runs passes until nothing is due (resolves when the current drain ends). */
  drain: () => Promise<void>
  stop: () => Promise<void>
}

export function startDeliveryWorker(options: { databaseUrl: string; senders: Senders; pollMs?: number }): DeliveryWorker {
  const { senders } = options
  let stopped = false
  let current: Promise<void> | null = null
  let again = false

  const drain = (): Promise<void> => {
    if (stopped) return Promise.resolve()
    if (current) {
      again = true
      return current
    }
    current = (async () => {
      try {
        do {
          again = false
          // A full batch means there may be more: keep going until a pass comes back short.
          for (;;) {
            const run = await deliverDue(senders)
            if (stopped || run.claimed < DELIVERY.batch) break
          }
        } while (again && !stopped)
      } catch (error) {
        if (isDatabaseUnavailable(error)) log.warn('delivery: database unavailable')
        else log.error('delivery pass failed', { error })
      } finally {
        current = null
      }
    })()
    return current
  }

  // LISTEN on a connection of its own (not the pool's): it stays open for the process's life, and
  // comes back (once, however it was lost) two seconds after it drops.
  let client: pg.Client | null = null
  let reconnectTimer: NodeJS.Timeout | undefined
  const reconnectLater = () => {
    if (stopped || reconnectTimer) return
    reconnectTimer = setTimeout(() => {
      reconnectTimer = undefined
      void connect()
    }, 2_000)
    reconnectTimer.unref()
  }
  const connect = async () => {
    if (stopped) return
    const c = new pg.Client({ connectionString: options.databaseUrl, application_name: 'poputka-outbox-listener' })
    c.on('notification', () => void drain())
    c.on('error', () => undefined)
    c.on('end', () => {
      if (client === c) client = null
      reconnectLater()
    })
    try {
      await c.connect()
      await c.query(`LISTEN ${OUTBOX_CHANNEL}`)
      client = c
      if (stopped) await c.end().catch(() => undefined)
      else void drain() // whatever arrived while we were not listening
    } catch {
      await c.end().catch(() => undefined)
      reconnectLater()
    }
  }
  void connect()
  const poll = setInterval(() => void drain(), options.pollMs ?? 5_000)
  poll.unref()

  return {
    drain,
    stop: async () => {
      stopped = true
      clearInterval(poll)
      clearTimeout(reconnectTimer)
      await current
      const c = client
      client = null
      await c?.end().catch(() => undefined)
      senders.email?.close()
    },
  }
}
