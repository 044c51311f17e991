// A run's page (public): the route on a map with the checkpoint's precision and status, the driver
// and car, seats, the price (for shared cost: the share now and the cap, and why there is a cap),
// how bookings are approved — and the booking form, or the viewer's own booking.
import type { Metadata } from 'next'
import { notFound } from 'next/navigation'
import { getTranslations, setRequestLocale } from 'next-intl/server'
import { randomUUID } from 'node:crypto'
import { formatDateTime, formatDay, formatTenge } from '@/lib/format'
import { RouteMap } from '@/components/map/route-map'
import { TripPrice } from '@/components/trips/trip-price'
import '@/components/trips/trips.css'
import { getCurrentUser } from '@/lib/auth/session'
import { todayInKz } from '@/lib/dates/kz-date'
import { env } from '@/lib/env'
import { isAppError } from '@/lib/errors'
import { Link } from '@/lib/i18n/navigation'
import type { Locale } from '@/lib/i18n/routing'
import { listTravellers } from '@/lib/travellers/list-travellers'
import { getTripDetails, type TripDetails } from '@/lib/trips/get-trip-details'
import { BookingPanel } from './booking-panel'
import { OwnBooking } from './own-booking'
import { localText, placeName, type PlaceNames } from '@/lib/i18n/place-name'

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

type Props = { params: Promise<{ locale: Locale; tripId: string }> }

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('tripPage')
  return { title: t('title') }
}

async function loadTrip(tripId: string, viewer: Awaited<ReturnType<typeof getCurrentUser>>): Promise<TripDetails> {
  if (!UUID.test(tripId)) notFound()
  try {
    return await getTripDetails(tripId.toLowerCase(), viewer)
  } catch (error) {
    if (isAppError(error) && error.code === 'NOT_FOUND') notFound()
    throw error
  }
}

export default async function TripPage({ params }: Props) {
  const { locale, tripId } = await params
  setRequestLocale(locale)
  const viewer = await getCurrentUser()
  const trip = await loadTrip(tripId, viewer)
  const isDriver = viewer?.id === trip.driverId
  const [t, tt, tb, travellers] = await Promise.all([
    getTranslations('tripPage'),
    getTranslations('trip'),
    getTranslations('booking'),
    viewer && !isDriver && trip.bookable ? listTravellers(viewer) : Promise.resolve([]),
  ])
  const name = (v: PlaceNames) => placeName(locale, v)
  const route = `${name(trip.originCity)} → ${name(trip.destinationCity)}`
  const pickup = trip.pickupPoint ? name(trip.pickupPoint) : trip.pickupLabel
  const checkpointName = name(trip.checkpoint)
  const otherSide = localText(locale, trip.checkpoint.otherSideRu, trip.checkpoint.otherSideEn)
  const status = trip.checkpoint.status
  const cancellable = trip.status === 'SCHEDULED' || trip.status === 'BOARDING'
  const ownBooking = trip.ownBooking ? <OwnBooking booking={trip.ownBooking} cancellable={cancellable} /> : null

  return (
    <div className="stack">
      <header className="stack-sm">
        <p className="small muted" style={{ margin: 0 }}>
          <Link href="/trips" className="back-link">{t('backToSearch')}</Link>
        </p>
        <h1 style={{ marginBottom: 0 }}>{route}</h1>
        <p className="lead" style={{ margin: 0 }}>
          <time dateTime={trip.departureAt.toISOString()}>{formatDateTime(locale, trip.departureAt)}</time> · {tt('via', { checkpoint: checkpointName })}
        </p>
        {trip.status !== 'SCHEDULED' ? <p className="notice warn">{t('statusLine', { status: tt(`status.${trip.status}`) })}</p> : null}
        {trip.isManager ? (
          <p className="notice info">
            {t('youDrive')} <Link href={`/my-trips/${trip.id}`}>{t('manage')}</Link>
          </p>
        ) : null}
      </header>

      <div className="grid grid-2">
        <section className="card stack-sm" aria-labelledby="run-facts">
          <h2 id="run-facts">{t('details')}</h2>
          <dl className="facts-list">
            <div>
              <dt>{tt('departure')}</dt>
              <dd>{formatDateTime(locale, trip.departureAt)} · {pickup}</dd>
            </div>
            <div>
              <dt>{tt('return')}</dt>
              <dd>{trip.roundTrip && trip.returnAt ? formatDateTime(locale, trip.returnAt) : t('noReturn')}</dd>
            </div>
            <div>
              <dt>{t('checkpoint')}</dt>
              <dd>
                {checkpointName} — {otherSide}
              </dd>
            </div>
            <div>
              <dt>{t('checkpointStatus')}</dt>
              <dd data-testid="checkpoint-status">
                {status ? (
                  <>
                    {t(`checkpointState.${status.state}${status.state === 'OPEN' && !status.verified ? '_UNVERIFIED' : ''}`, { on: formatDay(locale, trip.departureOn, false) })}
                    {/* The status row's source and the map point's precision are our research notes, not the rider's. */}
                    {localText(locale, status.noteRu, status.noteEn) ? <> — {localText(locale, status.noteRu, status.noteEn)}</> : null}
                  </>
                ) : (
                  t('checkpointUnknown', { on: formatDay(locale, trip.departureOn, false) })
                )}
              </dd>
            </div>
            <div>
              <dt>{t('driver')}</dt>
              <dd>
                {trip.driver.firstName} · {trip.car.make} {trip.car.model}, {trip.car.colour}
                <br />
                <span className="small muted">{trip.car.plate ? t('plate', { plate: trip.car.plate }) : t('plateHidden')}</span>
              </dd>
            </div>
            <div>
              <dt>{t('seats')}</dt>
              <dd data-testid="seats-left">{trip.seatsLeft > 0 ? t('seatsLeft', { left: trip.seatsLeft, total: trip.seatsTotal }) : t('full', { total: trip.seatsTotal })}</dd>
            </div>
            <div>
              <dt>{t('approval')}</dt>
              <dd>{trip.approvalMode === 'INSTANT' ? tb('approval.INSTANT') : tb('approval.MANUAL', { hours: trip.requestTtlHours ?? 3 })}</dd>
            </div>
            <div>
              <dt>{t('price')}</dt>
              <dd>
                <TripPrice pricingMode={trip.pricingMode} pricePerSeatTenge={trip.pricePerSeatTenge} quote={trip.quote} />
                {trip.pricingMode === 'SHARED_COST' ? (
                  <span className="small muted">
                    {t('sharedTotal', { total: formatTenge(locale, trip.totalCostTenge ?? 0), min: trip.minRiders })}
                  </span>
                ) : null}
              </dd>
            </div>
          </dl>
          {trip.pricingMode === 'SHARED_COST' ? (
            <details>
              <summary>{t('whyCap')}</summary>
              <p className="small">{t('whyCapText', { cap: formatTenge(locale, trip.quote.perSeatCapTenge), min: trip.minRiders })}</p>
            </details>
          ) : null}
          {trip.notes ? (
            <div>
              <h3>{t('notes')}</h3>
              <p style={{ whiteSpace: 'pre-line' }}>{trip.notes}</p>
            </div>
          ) : null}
        </section>

        <section className="stack-sm" aria-labelledby="route-map-heading">
          <h2 id="route-map-heading">{t('map')}</h2>
          <RouteMap
            pickup={{ lat: trip.pickupLat, lng: trip.pickupLng, label: pickup }}
            checkpoint={{ lat: trip.checkpoint.lat, lng: trip.checkpoint.lng, label: checkpointName, precision: trip.checkpoint.coordinatePrecision }}
            destination={{ lat: trip.destinationCity.lat, lng: trip.destinationCity.lng, label: name(trip.destinationCity) }}
            tileUrl={env.MAP_TILE_URL}
            tileAttribution={env.MAP_TILE_ATTRIBUTION}
          />
        </section>
      </div>

      <section className="card stack-sm" aria-labelledby="book-heading">
        <h2 id="book-heading">{t('bookHeading')}</h2>
        {!viewer ? (
          <p>
            <Link href={{ pathname: '/sign-in', query: { callbackUrl: `/trips/${trip.id}` } }} className="button">{t('signInToBook')}</Link>
          </p>
        ) : isDriver ? (
          <p>{t('ownRun')}</p>
        ) : !trip.bookable ? (
          ownBooking ?? <p className="notice info">{t('notBookable')}</p>
        ) : (
          <BookingPanel
            tripId={trip.id}
            idempotencyKey={randomUUID()}
            run={{
              pricingMode: trip.pricingMode,
              pricePerSeatTenge: trip.pricePerSeatTenge,
              totalCostTenge: trip.totalCostTenge,
              minRiders: trip.minRiders,
              driverShares: trip.driverShares,
              seatsTotal: trip.seatsTotal,
              seatsTaken: trip.seatsTaken,
            }}
            approvalMode={trip.approvalMode}
            travellers={travellers.map((tr) => ({ id: tr.id, name: tr.name, isSelf: tr.isSelf }))}
            ownBookingId={trip.ownBooking?.id ?? null}
            today={todayInKz()}
          >
            {ownBooking}
          </BookingPanel>
        )}
      </section>
    </div>
  )
}
