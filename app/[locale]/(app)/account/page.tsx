import type { Metadata } from 'next'
import { getTranslations, setRequestLocale } from 'next-intl/server'
import { getAccount } from '@/lib/accounts/get-account'
import { requirePageUser } from '@/lib/auth/session'
import type { Locale } from '@/lib/i18n/routing'
import { getPathname } from '@/lib/i18n/navigation'
import { CarForm } from './car-form'
import { DeleteAccountForm } from './delete-account-form'
import { SignOutEverywhereForm } from './sign-out-everywhere-form'

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('account')
  return { title: t('title') }
}

export default async function AccountPage({ params }: { params: Promise<{ locale: Locale }> }) {
  const { locale } = await params
  setRequestLocale(locale)
  const actor = await requirePageUser(locale, '/account')
  const [t, tAuth, tSessions, { user, cars }] = await Promise.all([getTranslations('account'), getTranslations('auth'), getTranslations('sessions'), getAccount(actor)])
  return (
    <div className="stack">
      <h1>{t('title')}</h1>
      <section className="card stack-sm" aria-labelledby="details">
        <h2 id="details">{t('details')}</h2>
        <dl className="grid grid-2" style={{ overflowWrap: 'anywhere' }}>
          <div style={{ minWidth: 0 }}><dt className="muted small">{tAuth('name')}</dt><dd>{user.name}</dd></div>
          <div style={{ minWidth: 0 }}><dt className="muted small">{tAuth('email')}</dt><dd>{user.email}</dd></div>
          <div><dt className="muted small">{tAuth('phone')}</dt><dd>{user.phone ?? '—'}</dd></div>
          <div>
            <dt className="muted small">{t('roles')}</dt>
            <dd className="row">{user.roles.map((r) => <span key={r} className="badge">{t(`role.${r}`)}</span>)}</dd>
          </div>
        </dl>
      </section>
      <section className="card stack-sm" aria-labelledby="cars">
        <h2 id="cars">{t('cars')}</h2>
        {cars.length === 0 ? (
          <p className="muted">{t('noCars')}</p>
        ) : (
          <ul>
            {cars.map((c) => (
              <li key={c.id}>{t('carLine', { make: c.make, model: c.model, colour: c.colour, plate: c.plate, seats: c.seats })}</li>
            ))}
          </ul>
        )}
        <h3>{t('addCar')}</h3>
        <CarForm />
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
