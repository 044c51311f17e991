// What the bot does with each update Telegram delivers: link (/start <token>), unlink (/stop), a
// shared contact (the phone becomes verified), and the buttons of our messages — a driver's
// Approve/Decline, a rider's Accept/Cancel free after a change. Every button acts through the same
// service the site uses, as the account linked to that chat, so the same rules decide (a button
// pressed by anyone else, or pressed twice, changes nothing and says so).
//
// Updates can arrive twice (a restart before Telegram saw them confirmed): every action here is
// idempotent — a used token, a decided request, an accepted change answer "already done".
import type { Api } from 'grammy'
import type { Update } from 'grammy/types'
import { acceptBookingChange } from '@/lib/bookings/accept-booking-change'
import { cancelBooking } from '@/lib/bookings/cancel-booking'
import { decideRequest } from '@/lib/bookings/decide-request'
import { db } from '@/lib/db'
import { isAppError } from '@/lib/errors'
import { isLocale, type Locale } from '@/lib/i18n/routing'
import { log } from '@/lib/log'
import { appUrl } from '@/lib/notifications/app-url'
import { CALLBACK } from '@/lib/notifications/delivery/render-message'
import { textFor } from '@/lib/notifications/text'
import { formatPhone, normalizePhone } from '@/lib/phone'
import { accountOfChat, linkChat, unlinkChat } from '@/lib/telegram/link-telegram'

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}'
const CALLBACK_PATTERN = new RegExp(`^(a|d|ok|x|xx|k):(${UUID})$`)

function localeOf(preferred: string | null | undefined, telegramLanguage: string | undefined): Locale {
  if (isLocale(preferred)) return preferred
  // Telegram's own language for someone without an account yet: Kazakh, English, else Russian.
  if (telegramLanguage?.startsWith('kk')) return 'kk'
  return telegramLanguage?.startsWith('en') ? 'en' : 'ru'
}

const contactKeyboard = (locale: Locale) => ({
  keyboard: [[{ text: textFor(locale, 'telegram')('shareContact'), request_contact: true }]],
  resize_keyboard: true,
  one_time_keyboard: true,
})

export async function handleUpdate(api: Api, update: Update, now: Date = new Date()): Promise<void> {
  if (update.callback_query) return handleCallback(api, update.callback_query, now)
  const message = update.message
  if (!message || message.chat.type !== 'private' || !message.from) return
  const chatId = BigInt(message.chat.id)
  const reply = (text: string, extra: Record<string, unknown> = {}) => api.sendMessage(message.chat.id, text, { link_preview_options: { is_disabled: true }, ...extra })

  if (message.contact) {
    const account = await accountOfChat(chatId)
    const t = textFor(localeOf(account?.locale, message.from.language_code), 'telegram')
    if (!account) return void (await reply(t('notLinked', { url: appUrl(localeOf(null, message.from.language_code), '/account') })))
    // Only the person's own number, as Telegram vouches for it (the contact's user_id is theirs).
    if (message.contact.user_id !== message.from.id) return void (await reply(t('phoneNotOwn'), { reply_markup: contactKeyboard(account.locale) }))
    const raw = message.contact.phone_number.trim()
    const e164 = normalizePhone(raw.startsWith('+') ? raw : `+${raw}`)
    if (!e164) return void (await reply(t('phoneInvalid'), { reply_markup: { remove_keyboard: true } }))
    await db.user.update({ where: { id: account.id }, data: { phone: e164, phoneVerifiedAt: now } })
    return void (await reply(t('phoneVerified', { phone: formatPhone(e164) }), { reply_markup: { remove_keyboard: true } }))
  }

  const text = message.text?.trim() ?? ''
  const [command, argument] = text.split(/\s+/, 2) as [string, string | undefined]
  const base = command.replace(/@\w+$/, '') // "/start@poputka_bot" in a client that adds the name
  if (base === '/start' && argument) {
    const linked = await linkChat(argument, { chatId, username: message.from.username ?? null }, now)
    if (linked) {
      const t = textFor(localeOf(linked.locale, message.from.language_code), 'telegram')
      return void (await reply(t('linked', { name: linked.name }), { reply_markup: contactKeyboard(localeOf(linked.locale, undefined)) }))
    }
    // A used link: if it linked this very chat (the update came twice), say so rather than "invalid".
    const account = await accountOfChat(chatId)
    const t = textFor(localeOf(account?.locale, message.from.language_code), 'telegram')
    if (account) return void (await reply(t('alreadyLinked', { name: account.name })))
    return void (await reply(t('linkInvalid', { url: appUrl(localeOf(null, message.from.language_code), '/account') })))
  }
  if (base === '/stop') {
    const account = await accountOfChat(chatId)
    const t = textFor(localeOf(account?.locale, message.from.language_code), 'telegram')
    const done = await unlinkChat(chatId)
    return void (await reply(done ? t('unlinked', { url: appUrl(localeOf(account?.locale, undefined), '/account') }) : t('notLinked', { url: appUrl(localeOf(null, message.from.language_code), '/account') }), { reply_markup: { remove_keyboard: true } }))
  }
  const account = await accountOfChat(chatId)
  const locale = localeOf(account?.locale, message.from.language_code)
  const t = textFor(locale, 'telegram')
  if (account) await reply(t('help', { name: account.name, url: appUrl(locale, '/account') }))
  else await reply(t('welcome', { url: appUrl(locale, '/account') }))
}

type CallbackQuery = NonNullable<Update['callback_query']>

async function handleCallback(api: Api, query: CallbackQuery, now: Date): Promise<void> {
  const account = await accountOfChat(BigInt(query.from.id))
  const locale = localeOf(account?.locale, query.from.language_code)
  const t = textFor(locale, 'telegram')
  const tButtons = textFor(locale, 'deliver')
  const answer = (text: string) => api.answerCallbackQuery(query.id, { text }).then(() => undefined)
  const match = CALLBACK_PATTERN.exec(query.data ?? '')
  if (!match) return answer(t('unknownButton'))
  if (!account) return answer(t('notLinkedShort'))
  const [, action, bookingId] = match as unknown as [string, string, string]
  const message = query.message
  const setButtons = async (rows: { text: string; callback_data: string }[][]) => {
    if (!message) return
    await api.editMessageReplyMarkup(message.chat.id, message.message_id, { reply_markup: { inline_keyboard: rows } }).catch((error: unknown) => log.warn('telegram: could not edit buttons', { error: String(error) }))
  }
  try {
    switch (action) {
      case 'a':
      case 'd': {
        const decision = action === 'a' ? 'approve' : 'decline'
        await decideRequest(account, { bookingId, decision }, now)
        await setButtons([])
        return answer(t(decision === 'approve' ? 'approved' : 'declined'))
      }
      case 'ok':
        await acceptBookingChange(account, { bookingId })
        await setButtons([])
        return answer(t('changeAccepted'))
      case 'x':
        // Cancelling is not undone by a slip of the thumb: ask once more.
        await setButtons([[{ text: tButtons('button.cancelYes'), callback_data: CALLBACK.cancelConfirm(bookingId) }, { text: tButtons('button.cancelNo'), callback_data: CALLBACK.cancelKeep(bookingId) }]])
        return answer(t('cancelAsk'))
      case 'k':
        await setButtons([[{ text: tButtons('button.accept'), callback_data: CALLBACK.acceptChange(bookingId) }, { text: tButtons('button.cancelFree'), callback_data: CALLBACK.cancelAsk(bookingId) }]])
        return answer(t('kept'))
      case 'xx':
        await cancelBooking(account, { bookingId }, now)
        await setButtons([])
        return answer(t('cancelled'))
    }
  } catch (error) {
    if (!isAppError(error)) throw error
    const known: Record<string, string> = {
      REQUEST_NOT_PENDING: 'alreadyDecided',
      NO_CHANGE_TO_ACCEPT: 'alreadyDone',
      BOOKING_NOT_ACTIVE: 'alreadyDone',
      TRIP_ALREADY_LEFT: 'tooLate',
      NOT_FOUND: 'notYours',
      FORBIDDEN: 'notYours',
    }
    if (known[error.code] === 'alreadyDecided' || known[error.code] === 'alreadyDone') await setButtons([])
    return answer(t(known[error.code] ?? 'failed'))
  }
}
