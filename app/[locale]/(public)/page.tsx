import { getTranslations, setRequestLocale } from 'next-intl/server'
import { TripCard } from '@/components/trip-card'
import { Link } from '@/lib/i18n/server-link'
import type { Locale } from '@/lib/i18n/routing'
import { listUpcomingTrips } from '@/lib/trips/list-upcoming-trips'

export const dynamic = 'force-dynamic'

export default async function HomePage({ params }: { params: Promise<{ locale: Locale }> }) {
  const { locale } = await params
  setRequestLocale(locale)
  const [t, trips] = await Promise.all([getTranslations('home'), listUpcomingTrips()])
  return (
    <div className="stack">
      <section className="hero stack-sm">
        <h1>{t('heading')}</h1>
        <p className="lead">{t('lead')}</p>
        <div className="row">
          <Link href="/trips" className="button">{t('findTrip')}</Link>
          <Link href="/stay" className="button secondary">{t('checkStay')}</Link>
        </div>
      </section>
      <section aria-labelledby="upcoming" className="stack-sm">
        <h2 id="upcoming">{t('upcoming')}</h2>
        {trips.length === 0 ? (
          <p className="muted">{t('noUpcoming')}</p>
        ) : (
          <ul className="list-plain grid grid-2">
            {trips.map((trip) => (
              <li key={trip.id}>
                <TripCard trip={trip} locale={locale} />
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="rule" className="card stack-sm">
        <h2 id="rule">{t('ruleHeading')}</h2>
        <ul>
          <li>{t('rule1')}</li>
          <li>{t('rule2')}</li>
          <li>{t('rule3')}</li>
        </ul>
      </section>
    </div>
  )
}
