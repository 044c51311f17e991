import type { Metadata } from 'next'
import { getTranslations, setRequestLocale } from 'next-intl/server'
import '@/components/dispatch/dispatch.css'
import { hasRole } from '@/lib/auth/permissions'
import { requirePageUser } from '@/lib/auth/session'
import { addDaysIso, todayInKz } from '@/lib/dates/kz-date'
import { listMyGroups } from '@/lib/dispatch/list-my-groups'
import { Link } from '@/lib/i18n/navigation'
import type { Locale } from '@/lib/i18n/routing'
import { CreateGroupForm } from './group-forms'

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('dispatch')
  return { title: t('title') }
}

export default async function DispatchPage({ params }: { params: Promise<{ locale: Locale }> }) {
  const { locale } = await params
  setRequestLocale(locale)
  const actor = await requirePageUser(locale, '/dispatch')
  const [t, groups] = await Promise.all([getTranslations('dispatch'), listMyGroups(actor)])
  const coordinator = hasRole(actor, 'COORDINATOR', 'ADMIN')
  const today = todayInKz()
  const coordinated = groups.filter((g) => g.role === 'COORDINATOR')
  const driving = groups.filter((g) => g.role === 'DRIVER')
  return (
    <div className="stack">
      <h1>{t('title')}</h1>
      <p className="muted">{coordinator ? t('leadCoordinator') : t('leadDriver')}</p>

      {coordinator ? (
        <section className="stack-sm" aria-labelledby="my-groups-title">
          <h2 id="my-groups-title">{t('myGroups')}</h2>
          {coordinated.length === 0 ? <p>{t('noGroups')}</p> : null}
          <ul className="list-plain grid grid-2">
            {coordinated.map((g) => (
              <li key={g.id} className="card stack-sm">
                <h3 style={{ margin: 0 }}>{g.name}</h3>
                <p className="small muted" style={{ margin: 0 }}>{t('groupCounts', { drivers: g.drivers, coordinators: g.coordinators })}</p>
                <div className="dx-buttons">
                  <Link href={`/dispatch/${g.id}/${today}`} className="button small">{t('todayBoard')}</Link>
                  <Link href={`/dispatch/${g.id}/${addDaysIso(today, 1)}`} className="button secondary small">{t('tomorrowBoard')}</Link>
                  <Link href={`/dispatch/groups/${g.id}`} className="button secondary small">{t('manageGroup')}</Link>
                </div>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {driving.length > 0 || !coordinator ? (
        <section className="stack-sm" aria-labelledby="driving-title">
          <h2 id="driving-title">{t('drivingFor')}</h2>
          {driving.length === 0 ? <p>{t('notInGroups')}</p> : null}
          <ul className="list-plain">
            {driving.map((g) => (
              <li key={g.id} className="dx-inline">
                <Link href={`/dispatch/groups/${g.id}`}>{g.name}</Link>
              </li>
            ))}
          </ul>
          <p><Link href="/dispatch/join">{t('joinLink')}</Link></p>
        </section>
      ) : null}

      {coordinator ? (
        <section className="card stack-sm" aria-labelledby="create-group-title">
          <h2 id="create-group-title">{t('createGroupTitle')}</h2>
          <CreateGroupForm />
        </section>
      ) : null}
    </div>
  )
}
