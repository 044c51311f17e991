// Delivery under load: the app runs its delivery worker (POPUTKA_JOBS=deliver) against a local SMTP
// server and a fake Telegram Bot API started here; every booking's notices (the rider's and the
// driver's) go by email, and by Telegram to the linked (all drivers, every fourth rider). After a
// scenario the outbox is drained and measured:
// - latency: from the notice's commit (notifications.created_at) to its delivery recorded SENT;
// - the duplicate window: from the other side accepting a message to SENT being recorded (a crash of
//   the app inside it would send that message again);
// - what did not go out, and what the servers received more than once.
import { spawn, type ChildProcess } from 'node:child_process'
import pg from 'pg'
import type { Latency } from './report'

export type Outside = { smtpUrl: string; telegramUrl: string; telegramToken: string; process: ChildProcess }
type Received = { mails: { messageId: string; at: number }[]; sent: { chatId: string; messageId: number; at: number }[] }

/** Starts scripts/loadtest/outside-server.ts (`node --import tsx`, one process). */
export async function startOutside(): Promise<Outside> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/loadtest/outside-server.ts'], { cwd: process.cwd(), stdio: ['ignore', 'pipe', 'inherit', 'ipc'] })
  const line = await new Promise<string>((resolve, reject) => {
    let out = ''
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString()
      if (out.includes('\n')) resolve(out.split('\n')[0]!)
    })
    child.once('exit', (code) => reject(new Error(`the outside servers exited (${code})`)))
  })
  return { ...(JSON.parse(line) as Omit<Outside, 'process'>), process: child }
}

async function control<T>(outside: Outside, name: string): Promise<T> {
  const response = await fetch(`${outside.telegramUrl}/__fake/${name}`)
  if (!response.ok) throw new Error(`outside control ${name}: ${response.status}`)
  return (await response.json()) as T
}

export async function received(outside: Outside): Promise<Received> {
  const [mails, state] = await Promise.all([control<Received['mails']>(outside, 'mail'), control<{ sent: Received['sent'] }>(outside, 'state')])
  return { mails, sent: state.sent }
}

export const resetReceived = (outside: Outside) => control<boolean>(outside, 'reset')

export async function linkTelegram(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    const { rowCount } = await client.query(
      `UPDATE users SET telegram_chat_id = 700000000 + n, telegram_username = 'load_' || n
       FROM (SELECT id, row_number() OVER (ORDER BY email) AS n FROM users WHERE email LIKE '%@load.poputka.kz') u
       WHERE users.id = u.id AND ('DRIVER' = ANY(users.roles) OR u.n % 4 = 0)`,
    )
    return rowCount ?? 0
  } finally {
    await client.end()
  }
}

/** Waits until nothing is PENDING or SENDING (or the time is up). */
export async function drainOutbox(url: string, timeoutMs: number): Promise<number> {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    const deadline = Date.now() + timeoutMs
    for (;;) {
      const { rows } = await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM notification_deliveries WHERE status IN ('PENDING', 'SENDING')`)
      if (rows[0]!.n === 0 || Date.now() > deadline) return Date.now() - (deadline - timeoutMs)
      await new Promise((r) => setTimeout(r, 250))
    }
  } finally {
    await client.end()
  }
}

const round = (n: number) => Math.round(n * 10) / 10
function percentiles(values: number[]): Latency {
  const sorted = [...values].sort((a, b) => a - b)
  const at = (p: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]! : 0)
  return { p50: round(at(50)), p95: round(at(95)), p99: round(at(99)), max: round(sorted.at(-1) ?? 0) }
}

export type DeliveryFigures = {
  notices: number
  deliveries: Record<string, number>
  byStatus: Record<string, number>
  latency: { EMAIL: Latency; TELEGRAM: Latency }
  /** Other side accepted → SENT recorded. */
  duplicateWindow: { EMAIL: Latency; TELEGRAM: Latency }
  /** Transmissions the servers received beyond one per delivery. */
  duplicates: { EMAIL: number; TELEGRAM: number }
  drainedInMs: number
}

export async function deliveryFigures(url: string, got: Received, drainedInMs: number): Promise<DeliveryFigures> {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    const { rows } = await client.query<{ notification_id: string; channel: 'EMAIL' | 'TELEGRAM'; status: string; remote_id: string | null; chat: string | null; created_ms: number; sent_ms: number | null }>(
      `SELECT d.notification_id, d.channel, d.status, d.remote_id, u.telegram_chat_id::text AS chat,
              extract(epoch FROM n.created_at) * 1000 AS created_ms, extract(epoch FROM d.sent_at) * 1000 AS sent_ms
       FROM notification_deliveries d JOIN notifications n ON n.id = d.notification_id JOIN users u ON u.id = n.user_id`,
    )
    const notices = (await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM notifications`)).rows[0]!.n
    const mailAt = new Map<string, number[]>()
    for (const m of got.mails) {
      const key = /<([0-9a-f-]{36})\.email@/.exec(m.messageId)?.[1]
      if (key) mailAt.set(key, [...(mailAt.get(key) ?? []), m.at])
    }
    const tgAt = new Map<string, number[]>()
    for (const m of got.sent) tgAt.set(`${m.chatId}:${m.messageId}`, [...(tgAt.get(`${m.chatId}:${m.messageId}`) ?? []), m.at])
    const latency = { EMAIL: [] as number[], TELEGRAM: [] as number[] }
    const window = { EMAIL: [] as number[], TELEGRAM: [] as number[] }
    const deliveries: Record<string, number> = {}
    const byStatus: Record<string, number> = {}
    for (const r of rows) {
      deliveries[r.channel] = (deliveries[r.channel] ?? 0) + 1
      byStatus[r.status] = (byStatus[r.status] ?? 0) + 1
      if (r.status !== 'SENT' || r.sent_ms === null) continue
      latency[r.channel].push(Number(r.sent_ms) - Number(r.created_ms))
      const accepted = r.channel === 'EMAIL' ? mailAt.get(r.notification_id)?.[0] : tgAt.get(`${r.chat}:${r.remote_id}`)?.[0]
      if (accepted !== undefined) window[r.channel].push(Math.max(0, Number(r.sent_ms) - accepted))
    }
    // One Telegram message per delivery: messages to a chat beyond the chat's SENT deliveries are extra.
    const telegramPerChat = new Map<string, number>()
    for (const m of got.sent) telegramPerChat.set(m.chatId, (telegramPerChat.get(m.chatId) ?? 0) + 1)
    const deliveredPerChat = new Map<string, number>()
    for (const r of rows) if (r.channel === 'TELEGRAM' && r.status === 'SENT' && r.chat) deliveredPerChat.set(r.chat, (deliveredPerChat.get(r.chat) ?? 0) + 1)
    let telegramExtra = 0
    for (const [chat, n] of telegramPerChat) telegramExtra += Math.max(0, n - (deliveredPerChat.get(chat) ?? 0))
    return {
      notices,
      deliveries,
      byStatus,
      latency: { EMAIL: percentiles(latency.EMAIL), TELEGRAM: percentiles(latency.TELEGRAM) },
      duplicateWindow: { EMAIL: percentiles(window.EMAIL), TELEGRAM: percentiles(window.TELEGRAM) },
      duplicates: { EMAIL: [...mailAt.values()].reduce((sum, list) => sum + list.length - 1, 0), TELEGRAM: telegramExtra },
      drainedInMs,
    }
  } finally {
    await client.end()
  }
}
