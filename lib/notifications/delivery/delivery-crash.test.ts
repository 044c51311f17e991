// Kill the delivery worker in the middle of a delivery; start it again; count what the real SMTP
// server and the fake Telegram Bot API (both started here) received.
//
// A child process runs the real worker (lib/testing/crash-delivery.ts) with the fault-injection
// pause of deliver-due.ts on, one delivery at a time, and is SIGKILLed inside the pause. A second
// child, without the fault, then delivers what is left (the first one's lease runs out; 1.5 s
// here, 2 minutes in production).
//
// - Killed after claiming (rows SENDING, nothing sent): every notice arrives exactly once per channel.
// - Killed after the other side accepted a message and before SENT was recorded — the one window
//   at-least-once leaves open: the message goes again. Email goes with the same Message-ID (made
//   from the delivery key), so the SMTP server sees one extra transaction and a mail store that
//   keeps one copy per Message-ID shows one message; Telegram's Bot API has no such key, so that one
//   message shows twice. Nothing else is ever sent twice, and nothing is lost.
import { spawn, type ChildProcess } from 'node:child_process'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { db } from '@/lib/db'
import { notify } from '@/lib/notifications/notify'
import { createUser } from '@/lib/testing/factories'
import { startFakeTelegram, type FakeTelegram } from '@/lib/testing/fake-telegram'
import { withOwnDatabase } from '@/lib/testing/own-database'
import { startSmtpSink, type SmtpSink } from '@/lib/testing/smtp-sink'

const database = withOwnDatabase('delivery_crash')
const LEASE_MS = 1_500
let smtp: SmtpSink
let telegram: FakeTelegram
let chatIds = 610_000_000

beforeAll(async () => {
  smtp = await startSmtpSink()
  telegram = await startFakeTelegram()
})
afterAll(async () => {
  await smtp?.close()
  await telegram?.close()
})

function runWorker(fault?: 'after-claim' | 'after-send') {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'lib/testing/crash-delivery.ts'], {
    cwd: process.cwd(),
    env: {
      ...process.env,
      DATABASE_URL: database.url(),
      DATABASE_POOL_SIZE: '3',
      SMTP_URL: smtp.url,
      MAIL_FROM: 'Попутка <no-reply@poputka.test>',
      TELEGRAM_BOT_TOKEN: telegram.token,
      TELEGRAM_API_URL: telegram.url,
      POPUTKA_DELIVERY_LEASE_MS: String(LEASE_MS),
      ...(fault ? { POPUTKA_FAULT_DELIVERY_PAUSE_MS: '60000', POPUTKA_FAULT_DELIVERY_PAUSE_AT: fault } : { POPUTKA_FAULT_DELIVERY_PAUSE_MS: '' }),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  child.stdout!.on('data', (d: Buffer) => (output += d.toString()))
  child.stderr!.on('data', (d: Buffer) => (output += d.toString()))
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)))
  return { child, exited, output: () => output }
}

async function killAtPause(fault: 'after-claim' | 'after-send') {
  const worker = runWorker(fault)
  const deadline = Date.now() + 30_000
  while (!worker.output().includes(`"faultPause":"${fault}"`)) {
    if (worker.child.exitCode !== null) throw new Error(`the worker ended before the pause: ${worker.output()}`)
    if (Date.now() > deadline) throw new Error(`no pause within 30 s: ${worker.output()}`)
    await new Promise((r) => setTimeout(r, 20))
  }
  worker.child.kill('SIGKILL')
  await worker.exited
}

async function restartAndFinish() {
  const worker = runWorker()
  const code = await worker.exited
  expect(code, worker.output()).toBe(0)
}

/** Notices with an email delivery, a Telegram delivery, or both. */
async function notices(count: number, channels: { email: boolean; telegram: boolean }) {
  const out: { userId: string; email: string; chatId: string }[] = []
  for (let i = 0; i < count; i++) {
    const user = await createUser()
    const chatId = ++chatIds
    await db.user.update({ where: { id: user.id }, data: { telegramChatId: channels.telegram ? BigInt(chatId) : null, emailTopics: channels.email ? ['BOOKINGS'] : [] } })
    await db.$transaction((tx) => notify(tx, [{ userId: user.id, kind: 'WAITLISTED', params: {} }]))
    out.push({ userId: user.id, email: user.email, chatId: String(chatId) })
  }
  return out
}

async function rowsOf(userIds: string[]) {
  return db.notificationDelivery.findMany({ where: { notification: { userId: { in: userIds } } }, select: { notificationId: true, channel: true, status: true, attempts: true } })
}

describe.sequential('killing the delivery worker in the middle of a delivery', { timeout: 120_000 }, () => {
  test('after claiming, before sending: after the restart every notice arrives exactly once per channel', async () => {
    const people = await notices(6, { email: true, telegram: true })
    await killAtPause('after-claim')
    const claimed = await rowsOf(people.map((p) => p.userId))
    expect(claimed.map((r) => r.status)).toEqual(Array(12).fill('SENDING'))
    expect(smtp.mails).toHaveLength(0)
    expect(telegram.sent).toHaveLength(0)

    await restartAndFinish()
    const rows = await rowsOf(people.map((p) => p.userId))
    expect(rows.every((r) => r.status === 'SENT' && r.attempts === 2)).toBe(true)
    for (const p of people) {
      expect(smtp.to(p.email)).toHaveLength(1)
      expect(telegram.sent.filter((m) => m.chatId === p.chatId)).toHaveLength(1)
    }
  })

  test('after the SMTP server accepted, before SENT was recorded: sent again with the same Message-ID — one message per Message-ID', async () => {
    const people = await notices(3, { email: true, telegram: false })
    const before = smtp.mails.length
    await killAtPause('after-send')
    const first = smtp.mails.slice(before)
    expect(first).toHaveLength(1) // the first delivery reached the server; the kill came before it was recorded

    await restartAndFinish()
    const mails = smtp.mails.slice(before)
    const ids = mails.map((m) => m.messageId)
    expect(mails).toHaveLength(4) // 3 notices, the first one transmitted twice
    expect(new Set(ids).size).toBe(3) // … under one Message-ID: its delivery key
    expect(ids.filter((id) => id === first[0]!.messageId)).toHaveLength(2)
    for (const p of people) expect(new Set(smtp.to(p.email).map((m) => m.messageId)).size).toBe(1)
    expect((await rowsOf(people.map((p) => p.userId))).map((r) => r.status)).toEqual(['SENT', 'SENT', 'SENT'])
  })

  test('after Telegram accepted, before SENT was recorded: that one message shows twice (the Bot API has no idempotency key); nothing else does', async () => {
    const people = await notices(3, { email: false, telegram: true })
    const before = telegram.sent.length
    await killAtPause('after-send')
    const first = telegram.sent.slice(before)
    expect(first).toHaveLength(1)

    await restartAndFinish()
    const sent = telegram.sent.slice(before)
    expect(sent).toHaveLength(4)
    const perChat = people.map((p) => sent.filter((m) => m.chatId === p.chatId).length).sort()
    expect(perChat).toEqual([1, 1, 2])
    expect(sent.filter((m) => m.chatId === first[0]!.chatId)).toHaveLength(2)
    expect((await rowsOf(people.map((p) => p.userId))).map((r) => r.status)).toEqual(['SENT', 'SENT', 'SENT'])
  })
})
