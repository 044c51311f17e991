// The two outside channels as the delivery worker sees them: send one message, get the other side's
// id for it, or a DeliveryError that says whether trying again can help.
//
// Email goes through nodemailer's SMTP transport (SMTP_URL). Every message carries a Message-ID
// derived from its delivery key, the same on every retry, so a mail store that keeps one copy per
// Message-ID shows a retried message once. Telegram goes through grammY's Bot API client
// (TELEGRAM_API_URL, Telegram's own by default).
import { Api, GrammyError, HttpError } from 'grammy'
import nodemailer from 'nodemailer'
import { parseConnectionUrl } from 'nodemailer/lib/shared'
import type { Button } from './render-message'

export type DeliveryFailureKind =
  /** Try again later (network, timeout, 4xx SMTP, Telegram 429/5xx). */
  | 'transient'
  /** Trying again will not help (5xx SMTP: no such mailbox; Telegram 400). */
  | 'permanent'
  /** The person closed the channel (blocked the bot, deleted the chat): unlink it. */
  | 'gone'

export class DeliveryError extends Error {
  override name = 'DeliveryError'
  constructor(
    message: string,
    readonly kind: DeliveryFailureKind,
    readonly retryAfterMs?: number,
  ) {
    super(message)
  }
}

/** `deliveryKey`: "<notification id>.email", the same for every attempt of one delivery. */
export type OutgoingEmail = { to: string; subject: string; text: string; deliveryKey: string }
export type OutgoingTelegram = { chatId: string; text: string; buttons: Button[][] }

export type EmailSender = { send: (mail: OutgoingEmail) => Promise<{ remoteId: string }>; close: () => void }
export type TelegramSender = { send: (message: OutgoingTelegram) => Promise<{ remoteId: string }> }
export type Senders = { email?: EmailSender; telegram?: TelegramSender }

const SEND_TIMEOUT_MS = 30_000

/** The Message-ID of a delivery: its key at the sender's domain. */
export function messageIdFor(deliveryKey: string, from: string): string {
  const domain = /@([A-Za-z0-9.-]+)>?\s*$/.exec(from)?.[1] ?? 'poputka.local'
  return `<${deliveryKey}@${domain}>`
}

export function createEmailSender(config: { smtpUrl: string; from: string }): EmailSender {
  // The URL's settings (host, port, smtps, user, password, ?query options) plus ours. Passing
  // `{ url, pool: true }` would not do: nodemailer then reads the URL alone and opens a new
  // connection for every message (measured: ~150 ms each against a local server, ~5 ms pooled).
  const transport = nodemailer.createTransport({
    ...parseConnectionUrl(config.smtpUrl),
    pool: true,
    maxConnections: 3,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: SEND_TIMEOUT_MS,
  })
  return {
    async send(mail) {
      try {
        const info = (await transport.sendMail({
          from: config.from,
          to: mail.to,
          subject: mail.subject,
          text: mail.text,
          messageId: messageIdFor(mail.deliveryKey, config.from),
          headers: { 'X-Poputka-Delivery': mail.deliveryKey, 'Auto-Submitted': 'auto-generated' },
        })) as { messageId?: string }
        return { remoteId: info.messageId ?? messageIdFor(mail.deliveryKey, config.from) }
      } catch (error) {
        throw classifySmtpError(error)
      }
    },
    close: () => transport.close(),
  }
}

export function classifySmtpError(error: unknown): DeliveryError {
  const e = error as { responseCode?: number; code?: string; message?: string }
  const message = `${e.code ?? 'SMTP'}${e.responseCode ? ` ${e.responseCode}` : ''}: ${e.message ?? String(error)}`.slice(0, 500)
  // 5xx is a permanent refusal (no such mailbox, rejected); 4xx and connection trouble are not.
  if (typeof e.responseCode === 'number' && e.responseCode >= 500 && e.responseCode < 600) return new DeliveryError(message, 'permanent')
  if (e.code === 'EENVELOPE' && !e.responseCode) return new DeliveryError(message, 'permanent')
  return new DeliveryError(message, 'transient')
}

export function createTelegramApi(config: { token: string; apiUrl: string; timeoutSeconds?: number }): Api {
  return new Api(config.token, { apiRoot: config.apiUrl.replace(/\/+$/, ''), timeoutSeconds: config.timeoutSeconds ?? SEND_TIMEOUT_MS / 1000 })
}

export function createTelegramSender(api: Api): TelegramSender {
  return {
    async send(message) {
      try {
        const sent = await api.sendMessage(message.chatId, message.text, {
          link_preview_options: { is_disabled: true },
          ...(message.buttons.length ? { reply_markup: { inline_keyboard: message.buttons.map((row) => row.map((b) => ({ text: b.text, callback_data: b.data }))) } } : {}),
        })
        return { remoteId: String(sent.message_id) }
      } catch (error) {
        throw classifyTelegramError(error)
      }
    },
  }
}

export function classifyTelegramError(error: unknown): DeliveryError {
  if (error instanceof GrammyError) {
    const message = `Telegram ${error.error_code}: ${error.description}`.slice(0, 500)
    if (error.error_code === 429) return new DeliveryError(message, 'transient', (error.parameters.retry_after ?? 5) * 1000)
    if (error.error_code === 403) return new DeliveryError(message, 'gone')
    if (error.error_code === 400 && /chat not found|user is deactivated/i.test(error.description)) return new DeliveryError(message, 'gone')
    if (error.error_code >= 500) return new DeliveryError(message, 'transient')
    return new DeliveryError(message, 'permanent')
  }
  if (error instanceof HttpError) return new DeliveryError(`Telegram network: ${error.message}`.slice(0, 500), 'transient')
  return new DeliveryError(String(error instanceof Error ? error.message : error).slice(0, 500), 'transient')
}
