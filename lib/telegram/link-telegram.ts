// Linking a Telegram chat to an account, and unlinking it from either side.
//
// Profile makes a one-time token (15 minutes, single use, only its hash stored) and shows the deep
// link https://t.me/<bot>?start=<token>. Telegram opens the bot; "Start" sends `/start <token>`;
// the bot consumes the token and stores the chat (a private chat's id is the Telegram user's id).
// One chat belongs to one account: linking it elsewhere moves it.
import type { Actor } from '@/lib/auth/permissions'
import { consumeToken, issueToken, newToken } from '@/lib/accounts/auth-tokens'
import { db } from '@/lib/db'
import { AppError } from '@/lib/errors'
import { botUsername } from '@/lib/telegram/bot-config'

export async function createTelegramLink(actor: Pick<Actor, 'id'>, now: Date = new Date()): Promise<{ url: string; token: string; expiresAt: Date }> {
  const username = botUsername()
  if (!username) throw new AppError('TELEGRAM_OFF', { status: 409 })
  const name = await username.catch(() => {
    throw new AppError('TELEGRAM_UNAVAILABLE', { status: 503, retryAfterSeconds: 30 })
  })
  const token = newToken()
  const expiresAt = await issueToken(db, { userId: actor.id, purpose: 'TELEGRAM_LINK', token, now })
  return { url: `https://t.me/${name}?start=${token}`, token, expiresAt }
}

export type TelegramChat = { chatId: bigint; username: string | null }

/** `/start <token>`: the account the chat is now linked to, or null for a token that is not live. */
export async function linkChat(token: string, chat: TelegramChat, now: Date = new Date()) {
  return db.$transaction(async (tx) => {
    const used = await consumeToken(tx, 'TELEGRAM_LINK', token, now)
    if (!used) return null
    await tx.$executeRaw`UPDATE users SET telegram_chat_id = NULL, telegram_username = NULL, telegram_linked_at = NULL, updated_at = now()
      WHERE telegram_chat_id = ${chat.chatId} AND id <> ${used.userId}::uuid`
    return tx.user.update({
      where: { id: used.userId, deletedAt: null },
      data: { telegramChatId: chat.chatId, telegramUsername: chat.username, telegramLinkedAt: now },
      select: { id: true, name: true, locale: true },
    })
  })
}

/** The account a chat is linked to (for the bot's buttons and commands). */
export async function accountOfChat(chatId: bigint): Promise<Actor | null> {
  const user = await db.user.findFirst({ where: { telegramChatId: chatId, deletedAt: null }, select: { id: true, name: true, email: true, roles: true, locale: true } })
  if (!user) return null
  return { ...user, locale: user.locale === 'en' ? 'en' : 'ru' }
}

/** Unlinks from the site (Profile): returns the chat that was linked, to say goodbye in it. */
export async function unlinkTelegram(actor: Pick<Actor, 'id'>): Promise<bigint | null> {
  const [row] = await db.$queryRaw<{ chat: bigint | null }[]>`
    UPDATE users u SET telegram_chat_id = NULL, telegram_username = NULL, telegram_linked_at = NULL, updated_at = now()
    FROM (SELECT id, telegram_chat_id AS chat FROM users WHERE id = ${actor.id}::uuid FOR UPDATE) old
    WHERE u.id = old.id RETURNING old.chat`
  return row?.chat ?? null
}

/** `/stop` in the chat: unlinks whichever account it was linked to. */
export async function unlinkChat(chatId: bigint): Promise<boolean> {
  const count = await db.$executeRaw`UPDATE users SET telegram_chat_id = NULL, telegram_username = NULL, telegram_linked_at = NULL, updated_at = now() WHERE telegram_chat_id = ${chatId}`
  return count > 0
}
