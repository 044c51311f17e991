// The outside world of the e2e server (scripts/e2e-server.ts): the local SMTP server's mailbox and
// the fake Telegram Bot API, reached through the fake's /__fake/ control endpoints. Tests play the
// Telegram user (send /start, press a button) and read what the app sent.
import { readFileSync } from 'node:fs'
import path from 'node:path'
import type { InlineButton, TgUser } from '@/lib/testing/fake-telegram'
import type { ReceivedMail } from '@/lib/testing/smtp-sink'

type Outside = { fakeTelegram: string; botUsername: string; smtp: string }
export type SentTelegram = { chatId: string; messageId: number; text: string; buttons: InlineButton[][]; asksContact: boolean; at: number }
type TelegramState = { sent: SentTelegram[]; edits: SentTelegram[]; answers: { callbackQueryId: string; text?: string }[]; pending: number }

let outside: Outside | undefined
function config(): Outside {
  outside ??= JSON.parse(readFileSync(path.join(process.cwd(), 'test-results', `e2e-outside-${process.env.E2E_PORT ?? 3210}.json`), 'utf8')) as Outside
  return outside
}

async function control<T>(name: string, body?: unknown): Promise<T> {
  const response = await fetch(`${config().fakeTelegram}/__fake/${name}`, body === undefined ? {} : { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) })
  const json = (await response.json()) as unknown
  if (!response.ok) throw new Error(`fake control ${name}: ${JSON.stringify(json)}`)
  return json as T
}

export const telegram = {
  username: () => config().botUsername,
  state: () => control<TelegramState>('state'),
  userSends: (from: TgUser, text: string) => control<boolean>('user-sends', { from, text }),
  userPressesButton: (from: TgUser, message: SentTelegram, data: string) => control<string>('user-presses-button', { from, message, data }),
  sentTo: async (chatId: number) => (await control<TelegramState>('state')).sent.filter((m) => m.chatId === String(chatId)),
}

export const mailbox = {
  all: () => control<ReceivedMail[]>('mail'),
  to: async (address: string) => (await control<ReceivedMail[]>('mail')).filter((m) => m.to.includes(address.toLowerCase())),
}

let nextTelegramId = 900_000_000 + Math.floor(Math.random() * 50_000_000)
/** A Telegram user of our own (ids far from the cast's). */
export function telegramUser(firstName: string): TgUser {
  return { id: nextTelegramId++, first_name: firstName, username: `${firstName.toLowerCase().replace(/[^a-z]/g, '')}_${nextTelegramId}` }
}
