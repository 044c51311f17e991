// The outbox for admins: per channel, whether this server sends on it and how many deliveries wait,
// went out, failed or were skipped; the latest of one status with attempts and the last error; a
// failed one can be sent again.
import type { Metadata } from 'next'
import { getTranslations, setRequestLocale } from 'next-intl/server'
import { formatDateTime } from '@/lib/format'
import { ActionForm } from '@/components/trips/action-form'
import { requirePageRole } from '@/lib/auth/session'
import { Link } from '@/lib/i18n/navigation'
import type { Locale } from '@/lib/i18n/routing'
import { listOutbox, listOutboxSchema, OUTBOX_STATUSES } from '@/lib/notifications/list-outbox'
import { retryDeliveryAction } from './actions'

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('outbox')
  return { title: t('title') }
}

type Props = { params: Promise<{ locale: Locale }>; searchParams: Promise<Record<string, string | string[] | undefined>> }

export default async function OutboxPage({ params, searchParams }: Props) {
  const { locale } = await params
  setRequestLocale(locale)
  const actor = await requirePageRole(locale, '/admin/outbox', 'ADMIN')
  const raw = await searchParams
  const parsed = listOutboxSchema.safeParse({ status: typeof raw.status === 'string' ? raw.status : undefined, channel: typeof raw.channel === 'string' ? raw.channel : undefined })
  const [t, tr, outbox] = await Promise.all([getTranslations('outbox'), getTranslations('reach'), listOutbox(actor, parsed.success ? parsed.data : {})])
  const { status } = outbox.query
  return (
    <div className="stack">
      <h1>{t('title')}</h1>
      <p className="muted">{t('lead')}</p>
      <p className="small"><Link href="/admin/users">{t('users')}</Link></p>
      <div className="grid grid-2">
        {outbox.channels.map((c) => (
          <section key={c.channel} className="card stack-sm" aria-labelledby={`channel-${c.channel}`} data-testid="outbox-channel" data-channel={c.channel}>
            <h2 id={`channel-${c.channel}`}>{tr(`channel.${c.channel}`)}</h2>
            <p className={`notice ${c.configured ? 'ok' : 'warn'}`} style={{ margin: 0 }}>{c.configured ? t('configured') : t(`notConfigured.${c.channel}`)}</p>
            <dl className="grid grid-2">
              {OUTBOX_STATUSES.map((s) => (
                <div key={s}>
                  <dt className="small muted">{t(`status.${s}`)}</dt>
                  <dd data-status={s}>{c.counts[s]}</dd>
                </div>
              ))}
            </dl>
            {c.oldestWaitingSince ? <p className="small" style={{ margin: 0 }}>{t('oldestWaiting', { at: formatDateTime(locale, c.oldestWaitingSince) })}</p> : null}
          </section>
        ))}
      </div>
      <nav className="row" aria-label={t('filter')}>
        {OUTBOX_STATUSES.map((s) => (
          <Link key={s} href={`/admin/outbox?status=${s}`} className={`button small ${s === status ? '' : 'secondary'}`} aria-current={s === status ? 'page' : undefined}>
            {t(`status.${s}`)}
          </Link>
        ))}
      </nav>
      {outbox.rows.length === 0 ? (
        <p className="card">{t('empty')}</p>
      ) : (
        <div className="table-wrap">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t('col.notice')}</th>
                <th scope="col">{t('col.to')}</th>
                <th scope="col">{t('col.attempts')}</th>
                <th scope="col">{t('col.when')}</th>
                <th scope="col">{t('col.error')}</th>
              </tr>
            </thead>
            <tbody>
              {outbox.rows.map((r) => (
                <tr key={r.id} data-testid="outbox-row" data-status={r.status} data-channel={r.channel}>
                  <td>{r.notification.kind}<br /><span className="small muted">{tr(`channel.${r.channel}`)}</span></td>
                  <td style={{ overflowWrap: 'anywhere' }}>{r.notification.user.name}<br /><span className="small muted">{r.notification.user.email}</span></td>
                  <td>{r.attempts}</td>
                  <td className="small">
                    {t('created', { at: formatDateTime(locale, r.createdAt) })}
                    {r.sentAt ? <><br />{t('sentAt', { at: formatDateTime(locale, r.sentAt) })}</> : null}
                    {r.status === 'PENDING' ? <><br />{t('nextAt', { at: formatDateTime(locale, r.nextAttemptAt) })}</> : null}
                  </td>
                  <td className="small" style={{ overflowWrap: 'anywhere' }}>
                    {r.lastError ?? '—'}
                    {r.status === 'FAILED' || r.status === 'SKIPPED' ? <ActionForm action={retryDeliveryAction} fields={{ deliveryId: r.id }} label={t('retry')} variant="secondary" /> : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  )
}
