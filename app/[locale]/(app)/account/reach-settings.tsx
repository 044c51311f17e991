'use client'
// Profile: which kinds of notice go by email and by Telegram (in-app always), and whether the other
// side of a confirmed booking sees my Telegram.
import { useTranslations } from 'next-intl'
import { FormMessage } from '@/components/ui/field'
import { useFormAction } from '@/components/ui/use-form-action'
import { updateNotificationSettingsAction } from './actions'

const TOPICS = ['BOOKINGS', 'RUN_CHANGES', 'REMINDERS'] as const

type Props = { email: readonly string[]; telegram: readonly string[]; telegramShared: boolean; telegramLinked: boolean }

export function ReachSettings({ email, telegram, telegramShared, telegramLinked }: Props) {
  const t = useTranslations('reach')
  const { state, formAction, onSubmit, pending } = useFormAction(updateNotificationSettingsAction)
  return (
    <form className="form stack-sm" action={formAction} onSubmit={onSubmit} noValidate aria-label={t('topicsTitle')}>
      <table className="reach-table">
        <caption className="small muted">{t('topicsCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('kind')}</th>
            <th scope="col">{t('channel.EMAIL')}</th>
            <th scope="col">{t('channel.TELEGRAM')}</th>
          </tr>
        </thead>
        <tbody>
          {TOPICS.map((topic) => (
            <tr key={topic}>
              <th scope="row">{t(`topic.${topic}`)}</th>
              <td>
                <input type="checkbox" name="email[]" value={topic} defaultChecked={email.includes(topic)} aria-label={t('checkboxLabel', { topic: t(`topic.${topic}`), channel: t('channel.EMAIL') })} />
              </td>
              <td>
                <input type="checkbox" name="telegram[]" value={topic} defaultChecked={telegram.includes(topic)} aria-label={t('checkboxLabel', { topic: t(`topic.${topic}`), channel: t('channel.TELEGRAM') })} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {telegramLinked ? null : <p className="small muted">{t('telegramTopicsLater')}</p>}
      <label className="checkbox-line">
        <input type="checkbox" name="telegramShared" defaultChecked={telegramShared} /> {t('shareTelegram')}
      </label>
      <FormMessage message={state?.message} tone={state?.ok ? 'ok' : 'block'} />
      <div>
        <button type="submit" className="button" disabled={pending}>{t('save')}</button>
      </div>
    </form>
  )
}
