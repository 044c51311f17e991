import type { Metadata } from 'next'
import { getTranslations, setRequestLocale } from 'next-intl/server'
import '@/components/driver/driver.css'
import { Capacity, StatusBadge } from '@/components/driver/run-bits'
import { formatDateTime, formatDay, formatTenge } from '@/lib/format'
import { hasRole } from '@/lib/auth/permissions'
import { requirePageUser } from '@/lib/auth/session'
import { kzDateOf } from '@/lib/dates/kz-date'
import { Link } from '@/lib/i18n/navigation'
import type { Locale } from '@/lib/i18n/routing'
import { listDriverTrips } from '@/lib/trips/list-driver-trips'
import { placeName, type PlaceNames } from '@/lib/i18n/place-name'

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('myTrips')
  return { title: t('title') }
}

type Run = Awaited<ReturnType<typeof listDriverTrips>>['upcoming'][number]

const isoList = (v: string | string[] | undefined) =>
  (typeof v === 'string' ? v.split(',') : []).filter((d) => /^\d{4}-\d{2}-\d{2}$/.test(d)).slice(0, 60)

export default async function MyTripsPage({
  params,
  searchParams,
}: {
  params: Promise<{ locale: Locale }>
  searchParams: Promise<Record<string, string | string[] | undefined>>
}) {
  const { locale } = await params
  setRequestLocale(locale)
  const actor = await requirePageUser(locale, '/my-trips')
  const [t, tp] = await Promise.all([getTranslations('myTrips'), getTranslations('publish')])
  if (!hasRole(actor, 'DRIVER')) {
    return (
      <div className="card stack-sm">
        <h1>{tp('needCarTitle')}</h1>
        <p>{tp('needCarText')}</p>
        <p><Link href="/account" className="button">{tp('needCarLink')}</Link></p>
      </div>
    )
  }
  const query = await searchParams
  const { upcoming, past } = await listDriverTrips(actor)

  // After publishing a series: which dates got a run, which were skipped (checkpoint closed).
  const seriesId = typeof query.series === 'string' ? query.series : null
  const created = seriesId ? upcoming.filter((r) => r.seriesId === seriesId).map((r) => kzDateOf(r.departureAt)) : []
  const skipped = isoList(query.skipped)
  const day = (on: string) => formatDay(locale, on)

  return (
    <div className="stack">
      <div className="spread">
        <h1>{t('title')}</h1>
        <Link href="/my-trips/new" className="button">{t('publish')}</Link>
      </div>

      <div aria-live="polite">
        {seriesId ? (
          <div className="notice ok stack-sm" role="status" data-testid="series-created">
            <p>{t('seriesCreated', { count: created.length })}</p>
            {created.length ? <p className="small">{created.map(day).join(' · ')}</p> : null}
            {skipped.length ? (
              <p className="small">{t('seriesSkipped', { count: skipped.length, dates: skipped.map(day).join(' · ') })}</p>
            ) : null}
          </div>
        ) : null}
      </div>

      <section className="stack-sm" aria-labelledby="upcoming-runs">
        <h2 id="upcoming-runs">{t('upcoming')}</h2>
        {upcoming.length === 0 ? (
          <p className="muted">{t('noUpcoming')}</p>
        ) : (
          <ul className="list-plain">
            {upcoming.map((run) => (
              <li key={run.id}><RunCard run={run} locale={locale} /></li>
            ))}
          </ul>
        )}
      </section>

      <section className="stack-sm" aria-labelledby="past-runs">
        <h2 id="past-runs">{t('past')}</h2>
        {past.length === 0 ? (
          <p className="muted">{t('noPast')}</p>
        ) : (
          <ul className="list-plain">
            {past.map((run) => (
              <li key={run.id}><RunCard run={run} locale={locale} /></li>
            ))}
          </ul>
        )}
      </section>
    </div>
  )
}

async function RunCard({ run, locale }: { run: Run; locale: Locale }) {
  const [t, tt] = await Promise.all([getTranslations('myTrips'), getTranslations('trip')])
  const name = (v: PlaceNames) => placeName(locale, v)
  const route = `${name(run.originCity)} → ${name(run.destinationCity)}`
  const pending = run._count.bookings
  return (
    <article className={`card run-card${run.status === 'CANCELLED' ? ' cancelled' : ''}`} aria-label={`${route}, ${formatDateTime(locale, run.departureAt)}`}>
      <div className="spread">
        <Link className="route" href={`/my-trips/${run.id}`}>
          <time dateTime={run.departureAt.toISOString()}>{formatDateTime(locale, run.departureAt)}</time> · {route}
        </Link>
        <StatusBadge status={run.status} />
      </div>
      <div className="row small muted">
        <span>{tt('via', { checkpoint: name(run.checkpoint) })}</span>
        <span>{run.roundTrip ? tt('roundTrip') : tt('oneWay')}</span>
        <span>
          {run.pricingMode === 'PER_SEAT'
            ? tt('perSeat', { price: formatTenge(locale, run.pricePerSeatTenge ?? 0) })
            : tt('sharedCost', { total: formatTenge(locale, run.totalCostTenge ?? 0) })}
        </span>
        {run.seriesId ? <span className="badge">{t('series')}</span> : null}
      </div>
      <div className="spread">
        <Capacity taken={run.seatsTaken} total={run.seatsTotal} />
        {pending > 0 ? (
          <Link href={`/my-trips/${run.id}#requests`} className="badge attention">{t('pendingRequests', { count: pending })}</Link>
        ) : null}
      </div>
    </article>
  )
}
