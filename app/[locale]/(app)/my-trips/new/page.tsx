import type { Metadata } from 'next'
import { getTranslations, setRequestLocale } from 'next-intl/server'
import '@/components/driver/driver.css'
import { buildRouteOptions } from '@/components/driver/route-options'
import { getAccount } from '@/lib/accounts/get-account'
import { hasRole } from '@/lib/auth/permissions'
import { requirePageUser } from '@/lib/auth/session'
import { addDaysIso, todayInKz } from '@/lib/dates/kz-date'
import { env } from '@/lib/env'
import { Link } from '@/lib/i18n/navigation'
import type { Locale } from '@/lib/i18n/routing'
import { getReferenceData } from '@/lib/trips/get-reference-data'
import { PublishForm } from './publish-form'

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('publish')
  return { title: t('title') }
}

export default async function PublishTripPage({ params }: { params: Promise<{ locale: Locale }> }) {
  const { locale } = await params
  setRequestLocale(locale)
  const actor = await requirePageUser(locale, '/my-trips/new')
  const [t, { cars }] = await Promise.all([getTranslations('publish'), getAccount(actor)])

  // A passenger becomes a driver by adding a car; until then there is nothing to publish with.
  if (!hasRole(actor, 'DRIVER') || cars.length === 0) {
    return (
      <div className="card stack-sm">
        <h1>{t('needCarTitle')}</h1>
        <p>{t('needCarText')}</p>
        <p>
          <Link href="/account" className="button">{t('needCarLink')}</Link>
        </p>
      </div>
    )
  }

  const options = buildRouteOptions(await getReferenceData(), locale)
  return (
    <div className="stack">
      <div className="spread">
        <h1 id="publish-title">{t('title')}</h1>
        <Link href="/my-trips" className="back-link">{t('backToRuns')}</Link>
      </div>
      <p className="muted">{t('lead')}</p>
      <div className="card">
        <PublishForm
          cars={cars}
          options={options}
          defaultDepartureOn={addDaysIso(todayInKz(), 1)}
          tileUrl={env.MAP_TILE_URL}
          tileAttribution={env.MAP_TILE_ATTRIBUTION}
        />
      </div>
    </div>
  )
}
