// A fake Telegram Bot API for tests: a real HTTP server on localhost speaking the Bot API's wire
// format (https://core.telegram.org/bots/api — `POST /bot<token>/<method>`, JSON or form bodies,
// `{ ok, result }` / `{ ok: false, error_code, description, parameters }`), with long polling on
// getUpdates. The app talks to it through TELEGRAM_API_URL exactly as it would to Telegram.
//
// Tests play the Telegram user: `userSends`, `userPressesButton`, `userSharesContact` queue the
// updates Telegram would deliver; `sent` is every message the bot sent. `failNext` makes the next
// call of a method fail like Telegram does (429 with retry_after, 403 blocked, 400…); `holdSends`
// keeps sendMessage requests waiting (to kill a sender mid-request).
//
// For e2e (another process) the same is reachable over HTTP under /__fake/… (see `controlRoutes`).
import http from 'node:http'
import type { AddressInfo } from 'node:net'

export type TgUser = { id: number; first_name: string; username?: string; language_code?: string }
export type InlineButton = { text: string; callback_data?: string; url?: string }
export type SentMessage = {
  method: string
  chatId: string
  messageId: number
  text: string
  buttons: InlineButton[][]
  /** The keyboard asked for the user's contact (request_contact). */
  asksContact: boolean
  at: number
}
export type CallbackAnswer = { callbackQueryId: string; text: string | undefined; at: number }
type Update = Record<string, unknown> & { update_id: number }
type Failure = { error_code: number; description: string; retry_after?: number }

export type FakeTelegram = {
  url: string
  token: string
  username: string
  sent: SentMessage[]
  edits: SentMessage[]
  answers: CallbackAnswer[]
  /** Method calls in order (method name and its parameters). */
  calls: { method: string; params: Record<string, unknown> }[]
  userSends: (from: TgUser, text: string) => void
  userPressesButton: (from: TgUser, message: Pick<SentMessage, 'messageId' | 'chatId' | 'text'>, data: string) => string
  userSharesContact: (from: TgUser, phone: string, contactUserId?: number) => void
  failNext: (method: string, failure: Failure, times?: number) => void
  holdSends: (on: boolean) => void
  /** Updates queued and not yet confirmed by a getUpdates with a higher offset. */
  pendingUpdates: () => number
  /** Resolves once every queued update has been confirmed by the bot (offset past it). */
  waitUntilConfirmed: (timeoutMs?: number) => Promise<void>
  close: () => Promise<void>
}

export async function startFakeTelegram(options: {
  token?: string
  username?: string
  port?: number
  /** More control endpoints under /__fake/ (the e2e server adds the SMTP server's mailbox). */
  extraControl?: (path: string, body: Record<string, unknown>) => unknown
} = {}): Promise<FakeTelegram> {
  const token = options.token ?? '123456789:TEST-token-for-the-fake-bot-api_000'
  const username = options.username ?? 'poputka_test_bot'
  const sent: SentMessage[] = []
  const edits: SentMessage[] = []
  const answers: CallbackAnswer[] = []
  const calls: { method: string; params: Record<string, unknown> }[] = []
  const queue: Update[] = []
  const failures = new Map<string, Failure[]>()
  const waiting = new Set<() => void>()
  const heldSends = new Set<() => void>()
  const sockets = new Set<import('node:net').Socket>()
  let hold = false
  let nextUpdateId = 1000
  let nextCallbackId = 1
  const messageIds = new Map<string, number>()

  const nextMessageId = (chatId: string) => {
    const n = (messageIds.get(chatId) ?? 0) + 1
    messageIds.set(chatId, n)
    return n
  }
  const wake = () => {
    for (const w of [...waiting]) w()
  }
  const push = (update: Omit<Update, 'update_id'>) => {
    queue.push({ update_id: nextUpdateId++, ...update })
    wake()
  }
  const date = () => Math.floor(Date.now() / 1000)
  const privateChat = (from: TgUser) => ({ id: from.id, type: 'private', first_name: from.first_name, ...(from.username ? { username: from.username } : {}) })
  const userOf = (from: TgUser) => ({ is_bot: false, language_code: 'ru', ...from })

  function buttonsOf(markup: unknown): { buttons: InlineButton[][]; asksContact: boolean } {
    const m = (typeof markup === 'string' ? JSON.parse(markup) : markup) as { inline_keyboard?: InlineButton[][]; keyboard?: { request_contact?: boolean }[][] } | undefined
    return { buttons: m?.inline_keyboard ?? [], asksContact: Boolean(m?.keyboard?.some((row) => row.some((b) => b.request_contact))) }
  }

  async function readBody(req: http.IncomingMessage): Promise<Record<string, unknown>> {
    const chunks: Buffer[] = []
    for await (const chunk of req) chunks.push(chunk as Buffer)
    const text = Buffer.concat(chunks).toString('utf8')
    if (!text) return {}
    const type = req.headers['content-type'] ?? ''
    if (type.includes('application/json')) return JSON.parse(text) as Record<string, unknown>
    if (type.includes('application/x-www-form-urlencoded')) return Object.fromEntries(new URLSearchParams(text))
    throw new Error(`unsupported content type ${type}`)
  }

  async function call(method: string, params: Record<string, unknown>): Promise<unknown> {
    calls.push({ method, params })
    const failure = failures.get(method)?.shift()
    if (failure) throw failure
    switch (method) {
      case 'getMe':
        return { id: Number(token.split(':')[0]), is_bot: true, first_name: 'Попутка', username, can_join_groups: false, can_read_all_group_messages: false, supports_inline_queries: false }
      case 'deleteWebhook':
      case 'setMyCommands':
      case 'setMyDescription':
        return true
      case 'getUpdates': {
        const offset = Number(params.offset ?? 0)
        // Telegram forgets every update below the offset the bot asks from: that is the confirmation.
        if (offset > 0) while (queue.length && queue[0]!.update_id < offset) queue.shift()
        const timeout = Math.min(Number(params.timeout ?? 0), 50) * 1000
        const limit = Math.max(1, Math.min(Number(params.limit ?? 100), 100))
        const ready = () => queue.filter((u) => u.update_id >= offset).slice(0, limit)
        if (ready().length === 0 && timeout > 0) {
          await new Promise<void>((resolve) => {
            const done = () => {
              waiting.delete(done)
              clearTimeout(timer)
              resolve()
            }
            const timer = setTimeout(done, timeout)
            waiting.add(done)
          })
        }
        wake() // a waiter for "confirmed" re-checks
        return ready()
      }
      case 'sendMessage': {
        if (hold) await new Promise<void>((resolve) => heldSends.add(resolve))
        const chatId = String(params.chat_id)
        const { buttons, asksContact } = buttonsOf(params.reply_markup)
        const message: SentMessage = { method, chatId, messageId: nextMessageId(chatId), text: String(params.text ?? ''), buttons, asksContact, at: Date.now() }
        sent.push(message)
        return { message_id: message.messageId, date: date(), chat: { id: Number(chatId), type: 'private' }, text: message.text }
      }
      case 'editMessageText':
      case 'editMessageReplyMarkup': {
        const chatId = String(params.chat_id)
        const { buttons, asksContact } = buttonsOf(params.reply_markup)
        const original = sent.find((m) => m.chatId === chatId && m.messageId === Number(params.message_id))
        if (!original) throw { error_code: 400, description: 'Bad Request: message to edit not found' }
        const edited: SentMessage = { method, chatId, messageId: original.messageId, text: method === 'editMessageText' ? String(params.text ?? '') : original.text, buttons, asksContact, at: Date.now() }
        edits.push(edited)
        return { message_id: edited.messageId, date: date(), chat: { id: Number(chatId), type: 'private' }, text: edited.text }
      }
      case 'answerCallbackQuery':
        answers.push({ callbackQueryId: String(params.callback_query_id), text: params.text === undefined ? undefined : String(params.text), at: Date.now() })
        return true
      default:
        throw { error_code: 404, description: `Not Found: method ${method} is not faked` }
    }
  }

  const api = {
    userSends: (from: TgUser, text: string) => {
      const entities = text.startsWith('/') ? [{ type: 'bot_command', offset: 0, length: text.split(' ')[0]!.length }] : undefined
      push({ message: { message_id: nextMessageId(String(from.id)), from: userOf(from), chat: privateChat(from), date: date(), text, ...(entities ? { entities } : {}) } })
    },
    userPressesButton: (from: TgUser, message: Pick<SentMessage, 'messageId' | 'chatId' | 'text'>, data: string) => {
      const id = `cbq-${nextCallbackId++}`
      push({
        callback_query: {
          id, from: userOf(from), chat_instance: `ci-${from.id}`, data,
          message: { message_id: message.messageId, from: { id: Number(token.split(':')[0]), is_bot: true, first_name: 'Попутка', username }, chat: { id: Number(message.chatId), type: 'private' }, date: date(), text: message.text },
        },
      })
      return id
    },
    userSharesContact: (from: TgUser, phone: string, contactUserId = from.id) => {
      push({ message: { message_id: nextMessageId(String(from.id)), from: userOf(from), chat: privateChat(from), date: date(), contact: { phone_number: phone, first_name: from.first_name, user_id: contactUserId } } })
    },
  }

  const server = http.createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://fake')
      const reply = (status: number, body: unknown) => {
        if (res.writableEnded || res.destroyed) return
        res.writeHead(status, { 'Content-Type': 'application/json' })
        res.end(JSON.stringify(body))
      }
      try {
        if (url.pathname.startsWith('/__fake/')) return reply(200, await control(url.pathname.slice('/__fake/'.length), req.method === 'POST' ? await readBody(req) : {}))
        const match = /^\/bot([^/]+)\/([A-Za-z]+)$/.exec(url.pathname)
        if (!match) return reply(404, { ok: false, error_code: 404, description: 'Not Found' })
        if (match[1] !== token) return reply(401, { ok: false, error_code: 401, description: 'Unauthorized' })
        const params = { ...Object.fromEntries(url.searchParams), ...(req.method === 'POST' ? await readBody(req) : {}) }
        const result = await call(match[2]!, params)
        reply(200, { ok: true, result })
      } catch (error) {
        const f = error as Partial<Failure>
        if (typeof f.error_code === 'number') {
          reply(f.error_code, { ok: false, error_code: f.error_code, description: f.description, ...(f.retry_after ? { parameters: { retry_after: f.retry_after } } : {}) })
        } else reply(500, { ok: false, error_code: 500, description: String(error) })
      }
    })()
  })
  server.on('connection', (socket) => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
  })

  /** The same knobs for a test in another process (e2e). */
  async function control(path: string, body: Record<string, unknown>): Promise<unknown> {
    switch (path) {
      case 'state':
        return { token, username, sent, edits, answers, pending: queue.length }
      case 'reset':
        sent.length = 0
        edits.length = 0
        answers.length = 0
        options.extraControl?.('reset', body)
        return true
      case 'user-sends':
        api.userSends(body.from as TgUser, String(body.text))
        return true
      case 'user-presses-button':
        return api.userPressesButton(body.from as TgUser, body.message as SentMessage, String(body.data))
      case 'user-shares-contact':
        api.userSharesContact(body.from as TgUser, String(body.phone))
        return true
      default: {
        const extra = options.extraControl?.(path, body)
        if (extra === undefined) throw { error_code: 404, description: `no control ${path}` }
        return extra
      }
    }
  }

  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve))
  const port = (server.address() as AddressInfo).port
  return {
    url: `http://127.0.0.1:${port}`,
    token,
    username,
    sent,
    edits,
    answers,
    calls,
    ...api,
    failNext: (method, failure, times = 1) => failures.set(method, [...(failures.get(method) ?? []), ...Array.from({ length: times }, () => failure)]),
    holdSends: (on) => {
      hold = on
      if (!on) {
        for (const release of [...heldSends]) {
          heldSends.delete(release)
          release()
        }
      }
    },
    pendingUpdates: () => queue.length,
    waitUntilConfirmed: async (timeoutMs = 10_000) => {
      const deadline = Date.now() + timeoutMs
      while (queue.length > 0) {
        if (Date.now() > deadline) throw new Error(`the bot did not confirm ${queue.length} update(s) within ${timeoutMs} ms`)
        await new Promise((r) => setTimeout(r, 20))
      }
    },
    close: async () => {
      hold = false
      for (const release of [...heldSends]) release()
      wake()
      for (const s of sockets) s.destroy()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    },
  }
}
