'use client'
// "Connect Telegram": a one-time link into the bot, valid 15 minutes; Telegram opens the bot and
// "Start" links the chat to this account.
import { useLocale, useTranslations } from 'next-intl'
import { formatTime } from '@/lib/format'
import { FormMessage } from '@/components/ui/field'
import { useFormAction } from '@/components/ui/use-form-action'
import type { Locale } from '@/lib/i18n/routing'
import { connectTelegramAction } from './actions'

export function TelegramConnect() {
  const t = useTranslations('reach')
  const locale = useLocale() as Locale
  const { state, formAction, onSubmit, pending } = useFormAction(connectTelegramAction)
  if (state?.ok) {
    return (
      <div className="stack-sm" data-testid="telegram-link">
        <p>
          <a className="button" href={state.data.url} target="_blank" rel="noopener noreferrer">{t('openTelegram')}</a>
        </p>
        <p className="small muted">{t('linkValid', { time: formatTime(locale, state.data.expiresAt) })}</p>
        <p className="small" style={{ overflowWrap: 'anywhere' }}>{state.data.url}</p>
      </div>
    )
  }
  return (
    <form action={formAction} onSubmit={onSubmit} className="stack-sm" noValidate>
      <div>
        <button type="submit" className="button" disabled={pending}>{t('connectTelegram')}</button>
      </div>
      <FormMessage message={state?.message} tone="block" />
    </form>
  )
}
