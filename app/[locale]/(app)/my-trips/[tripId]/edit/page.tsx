import type { Metadata } from 'next'
import { notFound } from 'next/navigation'
import { getTranslations, setRequestLocale } from 'next-intl/server'
import '@/components/driver/driver.css'
import { buildRouteOptions } from '@/components/driver/route-options'
import { formatDateTime } from '@/lib/format'
import { requirePageRole } from '@/lib/auth/session'
import { env } from '@/lib/env'
import { Link } from '@/lib/i18n/navigation'
import type { Locale } from '@/lib/i18n/routing'
import { getReferenceData } from '@/lib/trips/get-reference-data'
import { isMissingTrip, loadDriverTrip } from '../../load-driver-trip'
import { EditTripForm } from './edit-form'
import { placeName, type PlaceNames } from '@/lib/i18n/place-name'

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('editTrip')
  return { title: t('title') }
}

export default async function EditTripPage({ params }: { params: Promise<{ locale: Locale; tripId: string }> }) {
  const { locale, tripId } = await params
  setRequestLocale(locale)
  const actor = await requirePageRole(locale, `/my-trips/${tripId}/edit`, 'DRIVER', 'ADMIN')
  let trip: Awaited<ReturnType<typeof loadDriverTrip>>
  try {
    trip = await loadDriverTrip(actor, tripId)
  } catch (error) {
    if (isMissingTrip(error)) notFound()
    throw error
  }
  const [t, ref] = await Promise.all([getTranslations('editTrip'), getReferenceData()])
  const options = buildRouteOptions(ref, locale)
  const origin = options.origins.find((o) => o.id === trip.originCityId)
  const destination = ref.cities.find((c) => c.id === trip.destinationCityId)
  const name = (v: PlaceNames) => placeName(locale, v)
  const originRef = ref.cities.find((c) => c.id === trip.originCityId)
  const title = originRef && destination ? `${name(originRef)} → ${name(destination)}` : ''

  return (
    <div className="stack">
      <p className="small"><Link href={`/my-trips/${trip.id}`} className="back-link">{t('backToRun')}</Link></p>
      <div className="stack-sm">
        <h1 id="edit-title">{t('title')}</h1>
        <p className="muted">{title} · {formatDateTime(locale, trip.departureAt)}</p>
      </div>
      {trip.status !== 'SCHEDULED' || !origin ? (
        <p className="notice warn">{t('notEditable')}</p>
      ) : (
        <div className="card">
          <EditTripForm
            trip={{
              id: trip.id,
              departureOn: trip.departureOn,
              departureTime: trip.departureTime,
              roundTrip: trip.roundTrip,
              returnOn: trip.returnOn,
              returnTime: trip.returnTime,
              pickup: trip.pickupPointId ? { pointId: trip.pickupPointId } : { label: trip.pickupLabel, lat: trip.pickupLat, lng: trip.pickupLng },
              checkpointId: trip.checkpointId,
              seatsTotal: trip.seatsTotal,
              seatsTaken: trip.seatsTaken,
              carSeats: trip.carSeats,
              pricingMode: trip.pricingMode,
              pricePerSeatTenge: trip.pricePerSeatTenge,
              totalCostTenge: trip.totalCostTenge,
              driverShares: trip.driverShares,
              minRiders: trip.minRiders,
              approvalMode: trip.approvalMode,
              requestTtlHours: trip.requestTtlHours,
              notes: trip.notes,
              liveBookings: trip.liveBookings,
            }}
            origin={origin}
            points={options.pickupPoints.filter((p) => p.cityId === origin.id)}
            // The destination stays; only checkpoints into the same country fit. The run's own
            // checkpoint stays choosable (unchanged, it is not checked again).
            checkpoints={options.checkpoints
              .filter((c) => c.countryCode === destination?.countryCode)
              .map((c) => (c.id === trip.checkpointId ? { ...c, open: true } : c))}
            tileUrl={env.MAP_TILE_URL}
            tileAttribution={env.MAP_TILE_ATTRIBUTION}
          />
        </div>
      )}
    </div>
  )
}
