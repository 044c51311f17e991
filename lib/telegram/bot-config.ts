// Whether the Telegram bot is on (TELEGRAM_BOT_TOKEN) and who it is (getMe, asked once per process).
import type { Api } from 'grammy'
import { env } from '@/lib/env'
import { createTelegramApi } from '@/lib/notifications/delivery/senders'

export type TelegramConfig = { token: string; apiUrl: string }

export function telegramConfig(): TelegramConfig | null {
  return env.TELEGRAM_BOT_TOKEN ? { token: env.TELEGRAM_BOT_TOKEN, apiUrl: env.TELEGRAM_API_URL } : null
}

let api: Api | undefined
let username: Promise<string> | undefined

/** The Bot API client for sending (null when the bot is off). */
export function telegramApi(): Api | null {
  const config = telegramConfig()
  if (!config) return null
  api ??= createTelegramApi(config)
  return api
}

/** The bot's @username, for t.me deep links (asked once; asked again after a failure). */
export function botUsername(): Promise<string> | null {
  const client = telegramApi()
  if (!client) return null
  username ??= client.getMe().then(
    (me) => me.username,
    (error: unknown) => {
      username = undefined
      throw error
    },
  )
  return username
}
