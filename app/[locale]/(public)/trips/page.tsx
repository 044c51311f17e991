// Find a run (public): filters as a GET form validated with searchTripsSchema — bad parameters show
// beside their fields, never as an error page — results as a list and on a map, keyset pages.
import type { Metadata } from 'next'
import { getTranslations, setRequestLocale } from 'next-intl/server'
import { formatDateTime, formatDay } from '@/lib/format'
import { TripsMap } from '@/components/map/trips-map'
import { TripListItem } from '@/components/trips/trip-list-item'
import '@/components/trips/trips.css'
import { FormMessage } from '@/components/ui/field'
import { env } from '@/lib/env'
import { isAppError } from '@/lib/errors'
import { getPathname, Link } from '@/lib/i18n/navigation'
import type { Locale } from '@/lib/i18n/routing'
import { translateFieldMessages } from '@/lib/route'
import { getReferenceData } from '@/lib/trips/get-reference-data'
import { searchTrips, searchTripsSchema, type SearchTripsResult } from '@/lib/trips/search-trips'
import { fieldMessagesFromZod } from '@/lib/validation'
import { SearchForm } from './search-form'
import { searchQueryFrom, searchQueryString } from './search-query'
import { placeName, type PlaceNames } from '@/lib/i18n/place-name'

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('search')
  return { title: t('title') }
}

type Props = { params: Promise<{ locale: Locale }>; searchParams: Promise<Record<string, string | string[] | undefined>> }

export default async function SearchPage({ params, searchParams }: Props) {
  const { locale } = await params
  setRequestLocale(locale)
  const query = searchQueryFrom(await searchParams)
  const [t, tc, reference] = await Promise.all([getTranslations('search'), getTranslations('common'), getReferenceData()])

  let errors: Record<string, string[]> = {}
  let result: SearchTripsResult | null = null
  const parsed = searchTripsSchema.safeParse(query)
  if (parsed.success) {
    try {
      result = await searchTrips(parsed.data)
    } catch (error) {
      // A cursor from an old or edited link: say so beside the form, keep the filters.
      if (!isAppError(error) || error.code !== 'VALIDATION') throw error
      errors = translateFieldMessages(locale, error.options.fields ?? {})
    }
  } else {
    errors = translateFieldMessages(locale, fieldMessagesFromZod(parsed.error))
  }
  const formProblem = errors.cursor ? t('staleCursor') : errors.limit ? errors.limit.join(' ') : Object.keys(errors).length ? t('fixFilters') : undefined

  const name = (v: PlaceNames) => placeName(locale, v)
  const path = getPathname({ href: '/trips', locale })
  // After a search (and with nothing to fix) the filters fold into one line on phones, so the
  // results are in view: "Алматы → Бишкек · 5 дек. · 2 места".
  const searched = Object.keys(query).some((k) => k !== 'cursor' && k !== 'limit')
  const city = (id: string | undefined) => reference.cities.find((c) => c.id === id)
  const checkpoint = reference.checkpoints.find((c) => c.id === query.checkpoint)
  const summary =
    searched && !Object.keys(errors).length
      ? [
          `${city(query.from) ? name(city(query.from)!) : t('anyCity')} → ${city(query.to) ? name(city(query.to)!) : t('anyDestination')}`,
          checkpoint ? name(checkpoint) : null,
          query.date ? formatDay(locale, query.date, false) : query.dateFrom || query.dateTo ? `${query.dateFrom ? formatDay(locale, query.dateFrom, false) : '…'} – ${query.dateTo ? formatDay(locale, query.dateTo, false) : '…'}` : t('dateHint'),
          tc('seats', { count: Number(query.seats ?? 1) || 1 }),
        ]
          .filter(Boolean)
          .join(' · ')
      : null
  const trips = result?.trips ?? []
  const mapTrips = trips.map((trip) => ({
    id: trip.id,
    href: getPathname({ href: `/trips/${trip.id}`, locale }),
    label: `${formatDateTime(locale, trip.departureAt)} · ${name(trip.origin)} → ${name(trip.destination)}`,
    pickup: { lat: trip.pickup.lat, lng: trip.pickup.lng, label: trip.pickup.nameRu && trip.pickup.nameEn ? name({ nameRu: trip.pickup.nameRu, nameEn: trip.pickup.nameEn }) : trip.pickup.label },
    checkpoint: { lat: trip.checkpoint.lat, lng: trip.checkpoint.lng },
  }))
  const checkpoints = [...new Map(trips.map((trip) => [trip.checkpoint.id, { id: trip.checkpoint.id, lat: trip.checkpoint.lat, lng: trip.checkpoint.lng, label: name(trip.checkpoint) }])).values()]

  return (
    <div className="stack">
      <h1>{t('title')}</h1>
      <SearchForm action={`${path}#results-heading`} locale={locale} query={query} errors={errors} reference={reference} summary={summary} />
      <FormMessage message={formProblem} tone="block" />
      {result ? (
        <section aria-labelledby="results-heading" className="stack-sm">
          <h2 id="results-heading">
            {result.dateFrom === result.dateTo
              ? t('resultsOn', { date: formatDay(locale, result.dateFrom) })
              : t('resultsBetween', { from: formatDay(locale, result.dateFrom, false), to: formatDay(locale, result.dateTo, false) })}
          </h2>
          {query.cursor ? <p className="small muted">{t('laterPage')}</p> : null}
          {trips.length === 0 ? (
            <div className="card stack-sm" data-testid="no-results">
              <p>{query.cursor ? t('noMore') : t('empty')}</p>
              <p className="small muted">{t('emptyHint')}</p>
            </div>
          ) : (
            <div className="search-layout">
              <ul className="list-plain" aria-label={t('resultsList')}>
                {trips.map((trip) => (
                  <li key={trip.id}>
                    <TripListItem trip={trip} />
                  </li>
                ))}
              </ul>
              <div className="map-column">
                <TripsMap trips={mapTrips} checkpoints={checkpoints} tileUrl={env.MAP_TILE_URL} tileAttribution={env.MAP_TILE_ATTRIBUTION} />
              </div>
            </div>
          )}
          {query.cursor || result.nextCursor ? (
            <nav className="pager" aria-label={t('pages')}>
              {query.cursor ? <Link href={`/trips${searchQueryString(query, { cursor: undefined })}`}>{t('firstPage')}</Link> : null}
              {result.nextCursor ? (
                <Link href={`/trips${searchQueryString(query, { cursor: result.nextCursor })}`} className="button secondary" rel="next">
                  {t('more')}
                </Link>
              ) : null}
            </nav>
          ) : null}
        </section>
      ) : null}
    </div>
  )
}
