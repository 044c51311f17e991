// A run's printable manifest: who travels, party size, pickup, phone, payment state, the legal
// verdict and a box to tick at check-in (already ticked for travellers marked on the board).
import { useTranslations } from 'next-intl'
import { formatDateTime, formatTenge, formatTime } from '@/lib/format'
import type { Locale } from '@/lib/i18n/routing'
import type { Manifest } from '@/lib/trips/get-manifest'
import { PaymentBadge, StatusBadge, VerdictBadge } from './badges'
import { placeName, type PlaceNames } from '@/lib/i18n/place-name'

export function ManifestSheet({ manifest, locale }: { manifest: Manifest; locale: Locale }) {
  const t = useTranslations('manifestPage')
  const tc = useTranslations('manifestPage.columns')
  const { trip, confirmed, totals } = manifest
  const name = (v: PlaceNames) => placeName(locale, v)
  const pickup = trip.pickupPoint ? name(trip.pickupPoint) : trip.pickupLabel
  // Rows numbered across parties: one per traveller.
  const rows = confirmed.flatMap((party) => party.travellers.map((traveller, i) => ({ party, traveller, first: i === 0 })))
  return (
    <section className="dx-manifest" aria-labelledby={`manifest-${trip.id}`} data-testid="manifest" data-trip-id={trip.id}>
      <div className="dx-run-head">
        <h2 id={`manifest-${trip.id}`} style={{ margin: 0 }}>
          {formatTime(locale, trip.departureAt)} · {name(trip.originCity)} → {name(trip.destinationCity)}
        </h2>
        <StatusBadge status={trip.status} />
      </div>
      <p style={{ margin: 0 }}>
        {t('runLine', { driver: trip.driver.name, phone: trip.driver.phone ?? '—', car: `${trip.car.make} ${trip.car.model}`, plate: trip.car.plate })}
      </p>
      <p style={{ margin: 0 }}>
        {t('pickupLine', { pickup, checkpoint: name(trip.checkpoint), departure: formatDateTime(locale, trip.departureAt) })}
        {trip.returnAt ? ` ${t('returnLine', { time: formatDateTime(locale, trip.returnAt) })}` : ''}
      </p>
      <p style={{ margin: 0 }} data-testid="manifest-totals">
        {t('totals', { seats: totals.seatsConfirmed, total: trip.seatsTotal, boarded: totals.boarded, noShows: totals.noShows, owed: formatTenge(locale, totals.owedTenge) })}
      </p>
      {confirmed.length === 0 ? (
        <p className="muted">{t('empty')}</p>
      ) : (
        <div className="table-wrap" tabIndex={0} role="region" aria-labelledby={`manifest-${trip.id}`}>
          <table className="table">
            <thead>
              <tr>
                <th scope="col">№</th>
                <th scope="col">{tc('traveller')}</th>
                <th scope="col">{tc('party')}</th>
                <th scope="col">{tc('partySize')}</th>
                <th scope="col">{tc('phone')}</th>
                <th scope="col">{tc('payment')}</th>
                <th scope="col">{tc('verdict')}</th>
                <th scope="col">{tc('checkIn')}</th>
                <th scope="col" className="dx-notes">{tc('notes')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map(({ party, traveller, first }, index) => (
                    <tr key={`${party.id}-${traveller.position}`} data-testid="manifest-row" data-traveller={traveller.name}>
                      <td>{index + 1}</td>
                      <td>{traveller.name}</td>
                      <td className={first ? undefined : 'muted small'}>{party.riderName ?? '—'}</td>
                      <td>{first ? party.seats : ''}</td>
                      <td>{first && party.riderPhone ? <a href={`tel:${party.riderPhone}`}>{party.riderPhone}</a> : ''}</td>
                      <td>{first ? <><PaymentBadge state={party.paymentState} />{party.amountTenge !== null ? ` ${formatTenge(locale, party.amountTenge)}` : ''}</> : ''}</td>
                      <td><VerdictBadge verdict={traveller.verdict} /></td>
                      <td>
                        <span className="dx-checkbox" role="img" aria-label={t(`boarding.${traveller.boarding}`)}>
                          {traveller.boarding === 'BOARDED' ? '✓' : traveller.boarding === 'NO_SHOW' ? '✕' : ''}
                        </span>
                      </td>
                      <td />
                    </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  )
}
