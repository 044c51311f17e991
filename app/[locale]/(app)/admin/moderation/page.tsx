// The moderation queue (admins): open reports with what they are about and a decision each
// (dismiss, hide the review, warn, suspend), disputed no-shows to uphold or overturn, suspended
// accounts to reinstate, and the latest decisions.
import { placeName, type PlaceNames } from '@/lib/i18n/place-name'
import type { Metadata } from 'next'
import { getTranslations, setRequestLocale } from 'next-intl/server'
import { formatDateTime } from '@/lib/format'
import { ActionForm } from '@/components/trips/action-form'
import '@/components/trust/trust.css'
import { requirePageRole } from '@/lib/auth/session'
import { Link } from '@/lib/i18n/navigation'
import type { Locale } from '@/lib/i18n/routing'
import { getModerationQueue } from '@/lib/moderation/get-moderation-queue'
import { decideNoShowAction, reinstateUserAction } from './actions'
import { DecisionForm } from './decision-form'

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('moderation')
  return { title: t('title') }
}

export default async function ModerationPage({ params }: { params: Promise<{ locale: Locale }> }) {
  const { locale } = await params
  setRequestLocale(locale)
  const admin = await requirePageRole(locale, '/admin/moderation', 'ADMIN')
  const [t, tt, queue] = await Promise.all([getTranslations('moderation'), getTranslations('trust'), getModerationQueue(admin)])
  const name = (v: PlaceNames) => placeName(locale, v)
  const run = (trip: { originCity: { nameRu: string; nameEn: string }; destinationCity: { nameRu: string; nameEn: string }; departureAt: Date }) =>
    `${name(trip.originCity)} → ${name(trip.destinationCity)}, ${formatDateTime(locale, trip.departureAt)}`

  return (
    <div className="stack">
      <div className="spread">
        <h1 style={{ margin: 0 }}>{t('title')}</h1>
        <Link href="/admin/users">{t('toUsers')}</Link>
      </div>
      <p className="muted">{t('lead')}</p>

      <section className="stack-sm" aria-labelledby="reports-title">
        <h2 id="reports-title">{t('reports', { count: queue.reports.length })}</h2>
        {queue.reports.length === 0 ? <p className="card">{t('noReports')}</p> : null}
        <ul className="list-plain">
          {queue.reports.map((r) => (
            <li key={r.id} className="card moderation-item" data-testid="report" data-report-id={r.id}>
              <p style={{ margin: 0 }}>
                <span className="badge block">{tt(`reason.${r.reason}`)}</span>{' '}
                <strong>{t(`target.${r.target}`)}</strong>{' · '}
                <Link href={`/users/${r.subject.id}`}>{r.subject.name}</Link> <span className="small muted">({r.subject.email})</span>
                {r.subject.suspendedAt ? <> <span className="badge warn">{t('suspendedBadge')}</span></> : null}
                {r.openAboutSubject > 1 ? <span className="small muted"> · {t('moreReports', { count: r.openAboutSubject })}</span> : null}
              </p>
              {r.trip ? <p className="small" style={{ margin: 0 }}><Link href={`/trips/${r.trip.id}`}>{run(r.trip)}</Link></p> : null}
              {r.review ? (
                <blockquote className="card" style={{ margin: 0 }} data-testid="reported-review">
                  <p style={{ margin: 0 }}><strong>{tt('stars', { count: r.review.rating })}</strong> · {t('reviewOf', { name: r.review.subject.name })}{r.review.hiddenAt ? <> · <span className="badge">{t('hidden')}</span></> : null}</p>
                  {r.review.comment ? <p className="user-text">{r.review.comment}</p> : null}
                </blockquote>
              ) : null}
              {r.comment ? <p className="user-text">«{r.comment}»</p> : null}
              <p className="small muted" style={{ margin: 0 }}>{t('reportedBy', { name: r.reporter.name, at: formatDateTime(locale, r.createdAt) })}</p>
              <DecisionForm reportId={r.id} canHideReview={Boolean(r.review && !r.review.hiddenAt)} />
            </li>
          ))}
        </ul>
      </section>

      <section className="stack-sm" aria-labelledby="disputes-title">
        <h2 id="disputes-title">{t('disputes', { count: queue.disputes.length })}</h2>
        {queue.disputes.length === 0 ? <p className="card">{t('noDisputes')}</p> : null}
        <ul className="list-plain">
          {queue.disputes.map((d) => (
            <li key={d.id} className="card moderation-item" data-testid="dispute">
              <p style={{ margin: 0 }}>
                {t(d.absentRole === 'RIDER' ? 'riderAbsent' : 'driverAbsent', { subject: d.subject.name, reporter: d.reporter?.name ?? '—' })}
              </p>
              <p className="small" style={{ margin: 0 }}><Link href={`/trips/${d.trip.id}`}>{run(d.trip)}</Link></p>
              {d.disputeNote ? <p className="user-text">«{d.disputeNote}»</p> : null}
              <div className="decisions">
                <ActionForm action={decideNoShowAction} fields={{ noShowId: d.id, decision: 'UPHOLD' }} label={t('uphold')} />
                <ActionForm action={decideNoShowAction} fields={{ noShowId: d.id, decision: 'OVERTURN' }} label={t('overturn')} variant="secondary" />
              </div>
            </li>
          ))}
        </ul>
      </section>

      <section className="stack-sm" aria-labelledby="suspended-title">
        <h2 id="suspended-title">{t('suspended', { count: queue.suspended.length })}</h2>
        {queue.suspended.length === 0 ? <p className="card">{t('noSuspended')}</p> : null}
        <ul className="list-plain">
          {queue.suspended.map((u) => (
            <li key={u.id} className="card moderation-item" data-testid="suspended-user">
              <p style={{ margin: 0 }}>
                <Link href={`/users/${u.id}`}>{u.name}</Link> <span className="small muted">({u.email})</span> · {formatDateTime(locale, u.suspendedAt!)}
              </p>
              {u.suspensionReason ? <p className="user-text">«{u.suspensionReason}»</p> : null}
              <ActionForm action={reinstateUserAction} fields={{ userId: u.id }} label={t('reinstate')} variant="secondary" />
            </li>
          ))}
        </ul>
      </section>

      <section className="stack-sm" aria-labelledby="log-title">
        <h2 id="log-title">{t('log')}</h2>
        {queue.log.length === 0 ? <p className="muted">{t('noLog')}</p> : (
          <ul className="list-plain small">
            {queue.log.map((e) => (
              <li key={e.id}>{formatDateTime(locale, e.createdAt)} · {e.actor?.name ?? '—'} · {t(`action.${e.action.replace('moderation.', '')}`)}</li>
            ))}
          </ul>
        )}
      </section>
    </div>
  )
}
