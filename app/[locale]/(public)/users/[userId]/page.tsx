// A member's public profile: name and initial, member since, runs as driver and as rider, late
// cancellations, no-shows, rating with the latest reviews (and replies), cars without plates (a
// confirmed rider sees the plate), languages, "about". Never an email, a phone, a citizenship, a
// stay or a travel date (docs/decisions/009-trust-and-moderation.md). Signed-in visitors can
// report or block the member; the member answers reviews of them here.
import { formatMonth } from '@/lib/format'
import type { Metadata } from 'next'
import { notFound } from 'next/navigation'
import { getTranslations, setRequestLocale } from 'next-intl/server'
import { ActionForm } from '@/components/trips/action-form'
import { NoteForm } from '@/components/trust/note-form'
import { RatingLine } from '@/components/trust/rating-line'
import { ReportForm } from '@/components/trust/report-form'
import '@/components/trust/trust.css'
import { getCurrentUser } from '@/lib/auth/session'
import { isAppError } from '@/lib/errors'
import { Link } from '@/lib/i18n/navigation'
import type { Locale } from '@/lib/i18n/routing'
import { getPublicProfile, type PublicProfile } from '@/lib/profiles/get-public-profile'
import { blockUserAction, replyToReviewAction, reportAction, unblockUserAction } from './actions'

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

type Props = { params: Promise<{ locale: Locale; userId: string }> }

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('profile')
  return { title: t('title') }
}

async function loadProfile(userId: string, viewer: { id: string } | null): Promise<PublicProfile> {
  if (!UUID.test(userId)) notFound()
  try {
    return await getPublicProfile(userId.toLowerCase(), viewer)
  } catch (error) {
    if (isAppError(error) && error.code === 'NOT_FOUND') notFound()
    throw error
  }
}

export default async function ProfilePage({ params }: Props) {
  const { locale, userId } = await params
  setRequestLocale(locale)
  const viewer = await getCurrentUser()
  const profile = await loadProfile(userId, viewer)
  const [t, tt] = await Promise.all([getTranslations('profile'), getTranslations('trust')])
  const isSelf = profile.viewer?.isSelf ?? false
  const late = profile.lateCancellations

  return (
    <div className="stack" style={{ maxWidth: 820 }}>
      <header className="profile-head">
        <h1>{profile.name}</h1>
        <p className="muted" style={{ margin: 0 }}>{t('memberSince', { since: formatMonth(locale, profile.memberSince) })}</p>
        <RatingLine rating={profile.rating} />
        {profile.badges.length ? (
          <p className="row" style={{ margin: 0 }}>{profile.badges.map((b) => <span key={b} className="badge ok">{t(`badge.${b}`)}</span>)}</p>
        ) : null}
        {isSelf ? (
          <p className="notice info" style={{ margin: 0 }}>
            {t('ownProfile')} <Link href="/account">{t('edit')}</Link>
          </p>
        ) : null}
      </header>

      <section className="card stack-sm" aria-labelledby="record-title">
        <h2 id="record-title">{t('record')}</h2>
        <dl className="profile-facts">
          <div><dt>{t('runsDriven')}</dt><dd data-testid="runs-driven">{profile.runsDriven}</dd></div>
          <div><dt>{t('runsRidden')}</dt><dd data-testid="runs-ridden">{profile.runsRidden}</dd></div>
          <div>
            <dt>{t('lateCancellations')}</dt>
            <dd data-testid="late-cancellations">{late.percent === null ? t('noRunsYet') : t('lateLine', { count: late.count, of: late.of, percent: late.percent })}</dd>
          </div>
          <div>
            <dt>{t('noShows')}</dt>
            <dd data-testid="no-shows">{t('noShowLine', { asRider: profile.noShows.asRider, asDriver: profile.noShows.asDriver })}</dd>
          </div>
          {profile.languages.length ? (
            <div><dt>{t('languages')}</dt><dd>{profile.languages.map((l) => t(`languageNames.${l}`)).join(', ')}</dd></div>
          ) : null}
          {profile.cars.length ? (
            <div>
              <dt>{t('cars')}</dt>
              <dd>
                <ul className="list-plain">
                  {profile.cars.map((c, i) => (
                    <li key={i}>{c.plate ? t('carWithPlate', { make: c.make, model: c.model, colour: c.colour, plate: c.plate }) : t('car', { make: c.make, model: c.model, colour: c.colour })}</li>
                  ))}
                </ul>
              </dd>
            </div>
          ) : null}
        </dl>
        {profile.about ? (
          <div className="stack-sm">
            <h3>{t('about')}</h3>
            <p className="user-text" data-testid="about">{profile.about}</p>
          </div>
        ) : null}
      </section>

      <section className="card stack-sm" aria-labelledby="reviews-title">
        <h2 id="reviews-title">{t('reviews')}</h2>
        <p className="small muted">{t('reviewsExplain')}</p>
        {profile.reviews.length === 0 ? (
          <p data-testid="no-reviews">{tt('noReviews')}</p>
        ) : (
          <ul className="review-list" aria-label={t('reviews')}>
            {profile.reviews.map((r) => (
              <li key={r.id} className="review-item" data-testid="review">
                <p style={{ margin: 0 }}>
                  <strong>{tt('stars', { count: r.rating })}</strong>
                  {' · '}
                  {r.author ? <Link className="member-link" href={`/users/${r.author.id}`}>{r.author.name}</Link> : <span className="muted">{t('formerMember')}</span>}
                  <span className="small muted"> · {t(r.as === 'DRIVER' ? 'asDriver' : 'asRider')}</span>
                </p>
                {r.comment ? <p className="user-text">{r.comment}</p> : null}
                {r.reply ? (
                  <div className="reply">
                    <p className="small muted" style={{ margin: 0 }}>{t('replyBy', { name: profile.name })}</p>
                    <p className="user-text">{r.reply}</p>
                  </div>
                ) : isSelf ? (
                  <NoteForm action={replyToReviewAction} fields={{ reviewId: r.id }} name="text" summary={t('reply')} label={t('replyLabel')} submit={t('sendReply')} required />
                ) : null}
                {viewer && !isSelf && r.author?.id !== viewer.id ? (
                  <ReportForm action={reportAction} fields={{ target: 'REVIEW', reviewId: r.id }} summary={tt('reportReview')} />
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </section>

      {viewer && !isSelf ? (
        <section className="card stack-sm" aria-labelledby="safety-title">
          <h2 id="safety-title">{t('safety')}</h2>
          <ReportForm action={reportAction} fields={{ target: 'MEMBER', userId: profile.id }} summary={tt('reportMember')} />
          {profile.viewer?.blocked ? (
            <>
              <p className="notice warn" data-testid="blocked-note">{t('youBlocked')}</p>
              <ActionForm action={unblockUserAction} fields={{ userId: profile.id }} label={t('unblock')} variant="secondary" />
            </>
          ) : (
            <ActionForm action={blockUserAction} fields={{ userId: profile.id }} label={t('blockConfirm')} variant="danger" confirm={{ summary: t('block'), text: t('blockExplain') }} />
          )}
        </section>
      ) : null}
    </div>
  )
}
