import { getTranslations } from 'next-intl/server'
import { TripPrice, type PriceQuote } from '@/components/trips/trip-price'
import { formatDateTime } from '@/lib/format'
import { quoteBooking } from '@/lib/money/quote-booking'
import type { TripSummary } from '@/lib/trips/list-upcoming-trips'
import { Link } from '@/lib/i18n/server-link'
import type { Locale } from '@/lib/i18n/routing'
import { placeName, type PlaceNames } from '@/lib/i18n/place-name'

function oneSeat(trip: TripSummary): PriceQuote {
  const seatsAlreadyTaken = Math.min(trip.seatsTaken, trip.seatsTotal - 1)
  const quote = quoteBooking({ ...trip, seatsAlreadyTaken, seatsRequested: 1 })
  return { seats: 1, nowTenge: quote.nowTenge, capTenge: quote.capTenge }
}

export async function TripCard({ trip, locale }: { trip: TripSummary; locale: Locale }) {
  const [t, th] = await Promise.all([getTranslations('trip'), getTranslations('home')])
  const name = (v: PlaceNames) => placeName(locale, v)
  const left = trip.seatsTotal - trip.seatsTaken
  return (
    <article className="card trip-card">
      <div className="spread">
        <Link className="route" href={`/trips/${trip.id}`}>
          {name(trip.originCity)} → {name(trip.destinationCity)}
        </Link>
      </div>
      {/* The same words as in the search results: per seat, or a shared cost's share now and its cap. */}
      <TripPrice pricingMode={trip.pricingMode} pricePerSeatTenge={trip.pricePerSeatTenge} quote={oneSeat(trip)} />
      <div className="row small muted">
        <span>{t('via', { checkpoint: name(trip.checkpoint) })}</span>
        <span>{trip.roundTrip ? t('roundTrip') : t('oneWay')}</span>
      </div>
      <div className="spread small">
        <span>
          <time dateTime={trip.departureAt.toISOString()}>{formatDateTime(locale, trip.departureAt)}</time> · {trip.pickupPoint ? name(trip.pickupPoint) : trip.pickupLabel}
        </span>
        <span className={left > 0 ? 'badge ok' : 'badge block'}>{left > 0 ? th('seatsLeft', { count: left }) : th('full')}</span>
      </div>
    </article>
  )
}
