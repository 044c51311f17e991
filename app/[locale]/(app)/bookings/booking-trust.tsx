// After a run, one side of one booking (the rider on My bookings, the driver on the run's page):
// a no-show said of you and its dispute, "the driver did not come", your review or the form to
// write it, and the other side's review once both are in (or the 14 days are over).
import { useLocale, useTranslations } from 'next-intl'
import { formatDateTime } from '@/lib/format'
import { ActionForm } from '@/components/trips/action-form'
import { NoteForm } from '@/components/trust/note-form'
import { ReviewForm } from '@/components/trust/review-form'
import '@/components/trust/trust.css'
import { Link } from '@/lib/i18n/navigation'
import type { Locale } from '@/lib/i18n/routing'
import type { BookingTrust } from '@/lib/reviews/booking-trust'
import { disputeNoShowAction, reportDriverNoShowAction, submitReviewAction } from './trust-actions'

export function BookingTrustBox({ bookingId, trust }: { bookingId: string; trust: BookingTrust }) {
  const t = useTranslations('trust')
  const locale = useLocale() as Locale
  const side = trust.role === 'RIDER' ? 'driver' : 'rider'
  const other = trust.other
  const nothing = !trust.againstMe && !trust.canClaimDriverNoShow && !trust.myClaim && !trust.completed
  if (nothing) return null
  return (
    <div className="trust-box" data-testid="booking-trust">
      {other ? (
        <p className="small">
          <Link href={`/users/${other.id}`} className="member-link">{t(side === 'driver' ? 'driverProfile' : 'riderProfile', { name: other.name })}</Link>
        </p>
      ) : null}

      {trust.againstMe ? (
        <div className="stack-sm" data-testid="no-show-against-me">
          <p className={`notice ${trust.againstMe.status === 'OVERTURNED' ? 'ok' : 'warn'}`}>
            {t(trust.role === 'RIDER' ? 'markedNoShow' : 'claimedNoShow')} {t(`noShowStatus.${trust.againstMe.status}`)}
          </p>
          {trust.againstMe.disputable ? (
            <NoteForm
              action={disputeNoShowAction}
              fields={{ noShowId: trust.againstMe.id }}
              name="note"
              summary={t('dispute')}
              label={t('disputeNote')}
              hint={t('disputeHint', { until: formatDateTime(locale, trust.againstMe.disputeUntil) })}
              submit={t('sendDispute')}
            />
          ) : null}
        </div>
      ) : null}

      {trust.myClaim ? <p className="small" data-testid="my-no-show-claim">{t('youSaidDriverAbsent')} {t(`noShowStatus.${trust.myClaim.status}`)}</p> : null}
      {trust.canClaimDriverNoShow ? (
        <ActionForm
          action={reportDriverNoShowAction}
          fields={{ bookingId }}
          label={t('driverAbsentConfirm')}
          variant="secondary"
          confirm={{ summary: t('driverAbsent'), text: t('driverAbsentText') }}
        />
      ) : null}

      {trust.completed ? (
        <>
          {trust.mine ? (
            <p className="small" data-testid="my-review">
              {t('yourReview', { stars: t('stars', { count: trust.mine.rating }) })}{' '}
              {trust.mine.hidden
                ? t('reviewHidden')
                : trust.mine.visible
                  ? t('reviewPublished')
                  : t('reviewWaiting', { side, until: formatDateTime(locale, trust.mine.visibleAt) })}
            </p>
          ) : trust.canReview ? (
            <ReviewForm action={submitReviewAction} bookingId={bookingId} title={t(side === 'driver' ? 'rateDriver' : 'rateRider', { name: other?.name ?? '' })} />
          ) : (
            <p className="small muted">{t('reviewClosed')}</p>
          )}
          {trust.theirs ? (
            <div className="stack-sm" data-testid="their-review">
              <p className="small" style={{ margin: 0 }}><strong>{t(side === 'driver' ? 'driversReview' : 'ridersReview', { stars: t('stars', { count: trust.theirs.rating }) })}</strong></p>
              {trust.theirs.comment ? <p className="user-text">{trust.theirs.comment}</p> : null}
            </div>
          ) : trust.mine && !trust.mine.visible && !trust.mine.hidden ? (
            <p className="small muted">{t('theirsHiddenUntilBoth', { side })}</p>
          ) : null}
        </>
      ) : null}
    </div>
  )
}
