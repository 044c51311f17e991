'use server'

import { revalidatePath } from 'next/cache'
import { formToObject, runAction, type ActionResult } from '@/lib/action'
import { addCar, addCarSchema } from '@/lib/accounts/add-car'
import { deleteAccount, deleteAccountSchema } from '@/lib/accounts/delete-account'
import { updateNotificationSettings, updateNotificationSettingsSchema } from '@/lib/accounts/notification-settings'
import { requestEmailVerification } from '@/lib/accounts/verify-email'
import { requireUser } from '@/lib/auth/session'
import { log } from '@/lib/log'
import { textFor } from '@/lib/notifications/text'
import { telegramApi } from '@/lib/telegram/bot-config'
import { createTelegramLink, unlinkTelegram } from '@/lib/telegram/link-telegram'

const revalidate = () => revalidatePath('/[locale]/account', 'page')
import { updateProfile, updateProfileSchema } from '@/lib/profiles/update-profile'

export async function addCarAction(_previous: ActionResult<{ id: string }> | null, form: FormData): Promise<ActionResult<{ id: string }>> {
  return runAction(async () => {
    const actor = await requireUser()
    const input = addCarSchema.parse(formToObject(form))
    const car = await addCar(actor, input)
    revalidate()
    return { id: car.id }
  }, 'account.carAdded')
}

export async function deleteAccountAction(_previous: ActionResult<{ deleted: boolean }> | null, form: FormData): Promise<ActionResult<{ deleted: boolean }>> {
  return runAction(async () => {
    const actor = await requireUser()
    const data = formToObject(form)
    return deleteAccount(actor, deleteAccountSchema.parse({ password: data.password ?? '', confirm: data.confirm === 'on' }))
  }, 'account.deleted')
}

/** Which kinds of notice go by email and by Telegram, and whether confirmed riders/drivers see my Telegram. */
export async function updateNotificationSettingsAction(_previous: ActionResult<unknown> | null, form: FormData): Promise<ActionResult<unknown>> {
  return runAction(async () => {
    const actor = await requireUser()
    const data = formToObject(form)
    const result = await updateNotificationSettings(actor, updateNotificationSettingsSchema.parse({ email: data.email, telegram: data.telegram, telegramShared: data.telegramShared === 'on' }))
    revalidate()
    return result
  }, 'reach.saved')
}

export async function requestEmailVerificationAction(_previous: ActionResult<unknown> | null, form: FormData): Promise<ActionResult<unknown>> {
  return runAction(async () => {
    const actor = await requireUser()
    formToObject(form)
    return requestEmailVerification(actor)
  }, 'reach.verificationSent')
}

/** A one-time deep link into the bot (15 minutes). */
export async function connectTelegramAction(_previous: ActionResult<{ url: string; expiresAt: string }> | null, form: FormData): Promise<ActionResult<{ url: string; expiresAt: string }>> {
  return runAction(async () => {
    const actor = await requireUser()
    formToObject(form)
    const link = await createTelegramLink(actor)
    return { url: link.url, expiresAt: link.expiresAt.toISOString() }
  })
}

export async function disconnectTelegramAction(_previous: ActionResult<unknown> | null, form: FormData): Promise<ActionResult<unknown>> {
  return runAction(async (locale) => {
    const actor = await requireUser()
    formToObject(form)
    const chat = await unlinkTelegram(actor)
    // A goodbye in the chat, without making the page wait for Telegram.
    const api = telegramApi()
    if (chat !== null && api) {
      void api.sendMessage(chat.toString(), textFor(locale, 'telegram')('unlinkedFromSite')).catch((error: unknown) => log.warn('telegram: goodbye not sent', { error: String(error) }))
    }
    revalidate()
    return { unlinked: chat !== null }
  }, 'reach.telegramUnlinked')
}

/** The profile form: the public fields, and the phone (never public; shown once a booking is confirmed). */
export async function updateProfileAction(_previous: ActionResult<unknown> | null, form: FormData): Promise<ActionResult<unknown>> {
  return runAction(async () => {
    const actor = await requireUser()
    const data = formToObject(form)
    const input = updateProfileSchema.parse({ name: data.name ?? '', phone: data.phone, languages: data.languages ?? [], about: data.about ?? '' })
    const profile = await updateProfile(actor, input)
    revalidatePath('/[locale]/(app)/account', 'page')
    revalidatePath('/[locale]/(public)/users/[userId]', 'page')
    return profile
  }, 'profile.saved')
}
