import type { Metadata } from 'next'
import { getTranslations, setRequestLocale } from 'next-intl/server'
import { formatDateTime } from '@/lib/format'
import { ActionForm } from '@/components/trips/action-form'
import { getAccount } from '@/lib/accounts/get-account'
import { getNotificationSettings } from '@/lib/accounts/notification-settings'
import { requirePageUser } from '@/lib/auth/session'
import { listBlocks } from '@/lib/blocks/list-blocks'
import { Link } from '@/lib/i18n/navigation'
import type { Locale } from '@/lib/i18n/routing'
import { getPathname } from '@/lib/i18n/navigation'
import { formatPhone, telHref } from '@/lib/phone'
import { disconnectTelegramAction, requestEmailVerificationAction } from './actions'
import { CarForm } from './car-form'
import { DeleteAccountForm } from './delete-account-form'
import { ReachSettings } from './reach-settings'
import { TelegramConnect } from './telegram-connect'
import './reach.css'
import { ProfileForm } from './profile-form'
import { unblockUserAction } from '@/app/[locale]/(public)/users/[userId]/actions'
import { SignOutEverywhereForm } from './sign-out-everywhere-form'

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('account')
  return { title: t('title') }
}

export default async function AccountPage({ params }: { params: Promise<{ locale: Locale }> }) {
  const { locale } = await params
  setRequestLocale(locale)
  const actor = await requirePageUser(locale, '/account')
  const [t, tAuth, tr, tp, tSessions, { user, cars }, reach, blocks] = await Promise.all([
    getTranslations('account'),
    getTranslations('auth'),
    getTranslations('reach'),
    getTranslations('profile'),
    getTranslations('sessions'),
    getAccount(actor),
    getNotificationSettings(actor),
    listBlocks(actor),
  ])
  const delivery = (d: { lastSentAt: Date | null; lastFailure: { at: Date; error: string } | null; waiting: number }) => (
    <>
      {d.lastSentAt ? <p className="small muted" style={{ margin: 0 }}>{tr('lastSent', { at: formatDateTime(locale, d.lastSentAt) })}</p> : null}
      {d.waiting > 0 ? <p className="small muted" style={{ margin: 0 }}>{tr('waiting', { count: d.waiting })}</p> : null}
      {d.lastFailure ? <p className="small notice warn" style={{ margin: 0 }}>{tr('lastFailed', { at: formatDateTime(locale, d.lastFailure.at), error: d.lastFailure.error })}</p> : null}
    </>
  )
  return (
    <div className="stack">
      <h1>{t('title')}</h1>
      <section className="card stack-sm" aria-labelledby="details">
        <h2 id="details">{t('details')}</h2>
        <dl className="grid grid-2" style={{ overflowWrap: 'anywhere' }}>
          <div style={{ minWidth: 0 }}><dt className="muted small">{tAuth('name')}</dt><dd>{user.name}</dd></div>
          <div style={{ minWidth: 0 }}><dt className="muted small">{tAuth('email')}</dt><dd>{user.email}</dd></div>
          <div>
            <dt className="muted small">{tAuth('phone')}</dt>
            <dd data-testid="own-phone">
              {user.phone ? <a href={telHref(user.phone)}>{formatPhone(user.phone)}</a> : '—'}
              {user.phone ? <> <span className={`badge ${reach.phone.verified ? 'ok' : ''}`}>{reach.phone.verified ? tr('phoneVerified') : tr('phoneNotVerified')}</span></> : null}
            </dd>
          </div>
          <div>
            <dt className="muted small">{t('roles')}</dt>
            <dd className="row">{user.roles.map((r) => <span key={r} className="badge">{t(`role.${r}`)}</span>)}</dd>
          </div>
        </dl>
      </section>
      {user.suspendedAt ? <p className="notice block" role="status">{tp('suspendedNotice')}</p> : null}
      <section className="card stack-sm" aria-labelledby="profile-edit-title">
        <div className="spread">
          <h2 id="profile-edit-title">{tp('editTitle')}</h2>
          <Link href={`/users/${user.id}`}>{tp('viewPublic')}</Link>
        </div>
        <p className="small muted">{tp('editLead')}</p>
        <ProfileForm initial={{ name: user.name, phone: user.phone ? formatPhone(user.phone) : '', languages: user.languages, about: user.about }} />
      </section>

      <section className="card stack-sm" aria-labelledby="reach" data-testid="reach">
        <h2 id="reach">{tr('title')}</h2>
        <ul className="reach-channels">
          <li data-channel="IN_APP">
            <h3>{tr('channel.IN_APP')}</h3>
            <p className="small" style={{ margin: 0 }}>{tr('inAppAlways')}</p>
          </li>
          <li data-channel="EMAIL" data-state={reach.email.verified ? 'verified' : 'unverified'}>
            <h3>{tr('channel.EMAIL')}</h3>
            <p style={{ margin: 0 }}>
              {reach.email.address} <span className={`badge ${reach.email.verified ? 'ok' : 'warn'}`}>{reach.email.verified ? tr('emailVerified') : tr('emailNotVerified')}</span>
            </p>
            {reach.email.serverSends ? null : <p className="small notice info" style={{ margin: 0 }}>{tr('emailServerOff')}</p>}
            {delivery(reach.email)}
            {reach.email.verified ? null : <ActionForm action={requestEmailVerificationAction} fields={{}} label={tr('sendVerification')} variant="secondary" />}
          </li>
          <li data-channel="TELEGRAM" data-state={reach.telegram.linked ? 'linked' : 'unlinked'}>
            <h3>{tr('channel.TELEGRAM')}</h3>
            {reach.telegram.linked ? (
              <>
                <p style={{ margin: 0 }}>
                  {reach.telegram.username ? tr('linkedAs', { username: `@${reach.telegram.username}` }) : tr('linked')}
                  {reach.telegram.linkedAt ? <span className="small muted"> · {formatDateTime(locale, reach.telegram.linkedAt)}</span> : null}
                </p>
                {reach.telegram.botOn ? null : <p className="small notice info" style={{ margin: 0 }}>{tr('botOff')}</p>}
                {delivery(reach.telegram)}
                <ActionForm action={disconnectTelegramAction} fields={{}} label={tr('disconnectConfirm')} variant="danger" confirm={{ summary: tr('disconnect'), text: tr('disconnectText') }} />
              </>
            ) : reach.telegram.botOn ? (
              <>
                <p className="small" style={{ margin: 0 }}>{tr('telegramWhy')}</p>
                <TelegramConnect />
              </>
            ) : (
              <p className="small muted" style={{ margin: 0 }}>{tr('botOff')}</p>
            )}
          </li>
        </ul>
        <h3>{tr('topicsTitle')}</h3>
        <ReachSettings email={reach.email.topics} telegram={reach.telegram.topics} telegramShared={reach.telegram.shared} telegramLinked={reach.telegram.linked} />
      </section>

      <section className="card stack-sm" aria-labelledby="cars">
        <h2 id="cars">{t('cars')}</h2>
        {cars.length === 0 ? (
          <p className="muted">{t('noCars')}</p>
        ) : (
          <ul>
            {cars.map((c) => (
              <li key={c.id} style={{ overflowWrap: 'anywhere' }}>{t('carLine', { make: c.make, model: c.model, colour: c.colour, plate: c.plate, seats: c.seats })}</li>
            ))}
          </ul>
        )}
        <h3>{t('addCar')}</h3>
        <CarForm phone={user.phone ? formatPhone(user.phone) : null} />
      </section>
      <section className="card stack-sm" aria-labelledby="blocked-title">
        <h2 id="blocked-title">{tp('blockedTitle')}</h2>
        {blocks.length === 0 ? (
          <p className="muted">{tp('noBlocked')}</p>
        ) : (
          <ul className="list-plain">
            {blocks.map((b) => (
              <li key={b.userId} className="row">
                {b.name ? <Link href={`/users/${b.userId}`}>{b.name}</Link> : <span className="muted">{tp('formerMember')}</span>}
                <ActionForm action={unblockUserAction} fields={{ userId: b.userId }} label={tp('unblock')} variant="secondary" />
              </li>
            ))}
          </ul>
        )}
      </section>
      <section className="card stack-sm" aria-labelledby="sessions">
        <h2 id="sessions">{tSessions('title')}</h2>
        <p>{tSessions('text')}</p>
        <SignOutEverywhereForm signInHref={getPathname({ href: '/sign-in', locale })} />
      </section>
      <section className="card stack-sm" aria-labelledby="your-data">
        <h2 id="your-data">{t('dataTitle')}</h2>
        <p>{t('dataText')}</p>
        <p>
          <a className="button secondary" href="/api/account/export" download>{t('exportButton')}</a>
        </p>
        <h3>{t('deleteTitle')}</h3>
        <DeleteAccountForm homeHref={getPathname({ href: '/', locale })} />
      </section>
    </div>
  )
}
