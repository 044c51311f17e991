// One run in the search results: when it leaves (Kazakhstan time), the route and checkpoint, seats
// left, the price (for shared cost the share now and the cap), how bookings are approved, and who
// drives what.
import { useLocale, useTranslations } from 'next-intl'
import { formatDateTime } from '@/lib/format'
import { Link } from '@/lib/i18n/navigation'
import type { Locale } from '@/lib/i18n/routing'
import type { TripListItem as Trip } from '@/lib/trips/search-trips'
import { TripPrice } from './trip-price'
import './trips.css'
import { placeName, type PlaceNames } from '@/lib/i18n/place-name'

export function TripListItem({ trip }: { trip: Trip }) {
  const t = useTranslations('search')
  const tt = useTranslations('trip')
  const tb = useTranslations('booking')
  const locale = useLocale() as Locale
  const name = (v: PlaceNames) => placeName(locale, v)
  const pickup = trip.pickup.nameRu && trip.pickup.nameEn ? name({ nameRu: trip.pickup.nameRu, nameEn: trip.pickup.nameEn }) : trip.pickup.label
  const route = `${name(trip.origin)} → ${name(trip.destination)}`
  return (
    <article className="card trip-item" data-testid="trip-item" data-trip-id={trip.id}>
      <div className="spread">
        <Link href={`/trips/${trip.id}`} className="when" aria-label={t('openRun', { when: formatDateTime(locale, trip.departureAt), route })}>
          <time dateTime={trip.departureAt}>{formatDateTime(locale, trip.departureAt)}</time>
        </Link>
        <span className={trip.seatsLeft > 0 ? 'badge ok' : 'badge block'}>
          {trip.seatsLeft > 0 ? t('seatsLeft', { count: trip.seatsLeft }) : t('full')}
        </span>
      </div>
      <p className="route" style={{ margin: 0 }}>{route}</p>
      <div className="facts">
        <span>{tt('via', { checkpoint: name(trip.checkpoint) })}</span>
        <span>{trip.roundTrip ? tt('roundTrip') : tt('oneWay')}</span>
        <span>{t('pickup', { place: pickup })}</span>
      </div>
      <TripPrice pricingMode={trip.pricingMode} pricePerSeatTenge={trip.pricePerSeatTenge} quote={trip.quote} />
      <div className="facts">
        <span>{trip.approvalMode === 'INSTANT' ? tb('approval.INSTANT') : tb('approval.MANUAL_SHORT')}</span>
        <span>{t('driver', { name: trip.driver.firstName, car: trip.driver.car })}</span>
      </div>
    </article>
  )
}
