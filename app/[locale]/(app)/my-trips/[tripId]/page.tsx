import type { Metadata } from 'next'
import { notFound } from 'next/navigation'
import { getTranslations, setRequestLocale } from 'next-intl/server'
import '@/components/driver/driver.css'
import { Capacity, StatusBadge } from '@/components/driver/run-bits'
import { formatDateTime, formatDay, formatTenge, formatTime } from '@/lib/format'
import { RouteMap } from '@/components/map/route-map'
import { requirePageRole } from '@/lib/auth/session'
import { isoFromDbDate } from '@/lib/dates/kz-date'
import { env } from '@/lib/env'
import { Link } from '@/lib/i18n/navigation'
import type { Locale } from '@/lib/i18n/routing'
import { sharedCostCapPerSeat } from '@/lib/money/split-shared-cost'
import { listMyGroups } from '@/lib/dispatch/list-my-groups'
import { getManifest, type Manifest } from '@/lib/trips/get-manifest'
import { getReferenceData } from '@/lib/trips/get-reference-data'
import type { TripStatusValue } from '@/lib/trips/trip-status'
import { isMissingTrip, loadDriverTrip } from '../load-driver-trip'
import { ActionAnnouncer, ActionForm } from './action-form'
import { assignTripToGroupAction, decideRequestAction, markBoardingAction, markPaymentAction, setTripStatusAction } from './actions'
import { placeName, type PlaceNames } from '@/lib/i18n/place-name'

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('manage')
  return { title: t('title') }
}

type Row = Manifest['confirmed'][number]
type Traveller = Row['travellers'][number]

const FLOW_ROUND: TripStatusValue[] = ['SCHEDULED', 'BOARDING', 'DEPARTED', 'AT_BORDER', 'RETURNED', 'COMPLETED']
const FLOW_ONE_WAY: TripStatusValue[] = ['SCHEDULED', 'BOARDING', 'DEPARTED', 'AT_BORDER', 'COMPLETED']
const BOARDING_OPEN: TripStatusValue[] = ['SCHEDULED', 'BOARDING', 'DEPARTED']
const DECIDING_OPEN: TripStatusValue[] = ['SCHEDULED', 'BOARDING']

export default async function ManageTripPage({
  params,
  searchParams,
}: {
  params: Promise<{ locale: Locale; tripId: string }>
  searchParams: Promise<Record<string, string | string[] | undefined>>
}) {
  const { locale, tripId } = await params
  setRequestLocale(locale)
  const actor = await requirePageRole(locale, `/my-trips/${tripId}`, 'DRIVER', 'ADMIN')
  let run: Awaited<ReturnType<typeof loadDriverTrip>>
  let manifest: Manifest
  try {
    run = await loadDriverTrip(actor, tripId)
    manifest = await getManifest(actor, tripId)
  } catch (error) {
    if (isMissingTrip(error)) notFound()
    throw error
  }
  const [t, tt, ref, query, myGroups] = await Promise.all([getTranslations('manage'), getTranslations('trip'), getReferenceData(), searchParams, listMyGroups(actor)])
  const trip = manifest.trip
  const name = (v: PlaceNames) => placeName(locale, v)
  const route = `${name(trip.originCity)} → ${name(trip.destinationCity)}`
  const money = (n: number) => formatTenge(locale, n)
  const exitOn = isoFromDbDate(trip.departureOn)
  const returnOn = trip.returnOn ? isoFromDbDate(trip.returnOn) : null
  const canBoard = BOARDING_OPEN.includes(trip.status)
  const canDecide = DECIDING_OPEN.includes(trip.status)
  const flow = trip.roundTrip ? FLOW_ROUND : FLOW_ONE_WAY
  const reached = flow.indexOf(trip.status)
  const riders = manifest.confirmed.length + manifest.requests.length + manifest.waitlist.length

  const checkpointRef = ref.checkpoints.find((c) => c.id === run.checkpointId)
  const destinationRef = ref.cities.find((c) => c.id === run.destinationCityId)
  const pickupName = trip.pickupPoint ? name(trip.pickupPoint) : trip.pickupLabel

  const price =
    trip.pricingMode === 'PER_SEAT'
      ? tt('perSeat', { price: money(trip.pricePerSeatTenge ?? 0) })
      : t('sharedCostLine', {
          total: money(trip.totalCostTenge ?? 0),
          cap: money(sharedCostCapPerSeat({ totalTenge: trip.totalCostTenge ?? 0, minRiders: trip.minRiders, driverShares: trip.driverShares })),
          minRiders: trip.minRiders,
          shares: trip.driverShares ? 'yes' : 'no',
        })

  const riderName = (r: { riderName: string | null }) => r.riderName ?? t('deletedRider')

  return (
    <ActionAnnouncer closeLabel={t('closeMessage')}>
      <div className="stack">
        <div className="stack-sm">
          <p className="small"><Link href="/my-trips" className="back-link">{t('backToRuns')}</Link></p>
          <div className="spread">
            <h1>{route}</h1>
            <StatusBadge status={trip.status} />
          </div>
          <p className="muted">
            <time dateTime={trip.departureAt.toISOString()}>{formatDateTime(locale, trip.departureAt)}</time>
            {' · '}{tt('via', { checkpoint: name(trip.checkpoint) })}
            {' · '}{trip.roundTrip ? tt('roundTrip') : tt('oneWay')}
            {run.seriesId ? <> · <span className="badge">{t('seriesRun')}</span></> : null}
          </p>
        </div>

        {query.published === '1' ? (
          <p className="notice ok" role="status">{t('published')}</p>
        ) : null}

        <section className="card stack-sm" aria-labelledby="run-group">
          <h2 id="run-group">{t('group.title')}</h2>
          {trip.groupId ? (
            <div className="row">
              <span>{t('group.inGroup', { name: myGroups.find((g) => g.id === trip.groupId)?.name ?? '—' })}</span>
              {trip.status === 'SCHEDULED' && trip.driverId === actor.id ? (
                <ActionForm action={assignTripToGroupAction} fields={{ tripId: trip.id, groupId: '' }} label={t('group.remove')} className="button secondary small" />
              ) : null}
            </div>
          ) : myGroups.some((g) => g.role === 'DRIVER') && trip.status === 'SCHEDULED' && trip.driverId === actor.id ? (
            <ActionForm action={assignTripToGroupAction} fields={{ tripId: trip.id }} label={t('group.add')} className="button secondary small">
              <label className="sr-only" htmlFor="group-select">{t('group.choose')}</label>
              <select id="group-select" name="groupId" defaultValue={myGroups.find((g) => g.role === 'DRIVER')?.id}>
                {myGroups.filter((g) => g.role === 'DRIVER').map((g) => <option key={g.id} value={g.id}>{g.name}</option>)}
              </select>
            </ActionForm>
          ) : (
            <p className="muted small">{t('group.none')} <Link href="/dispatch">{t('group.myGroups')}</Link></p>
          )}
        </section>

        <section className="card stack-sm" aria-labelledby="run-details">
          <div className="spread">
            <h2 id="run-details">{t('details')}</h2>
            {trip.status === 'SCHEDULED' ? <Link href={`/my-trips/${trip.id}/edit`} className="button secondary small">{t('edit')}</Link> : null}
          </div>
          <dl className="run-facts">
            <div><dt>{tt('departure')}</dt><dd>{formatDateTime(locale, trip.departureAt)}</dd></div>
            {trip.returnAt ? <div><dt>{tt('return')}</dt><dd>{formatDateTime(locale, trip.returnAt)} · {t('waitsAtCheckpoint')}</dd></div> : null}
            <div><dt>{t('pickup')}</dt><dd>{pickupName}</dd></div>
            <div><dt>{t('checkpoint')}</dt><dd>{name(trip.checkpoint)}</dd></div>
            <div><dt>{t('car')}</dt><dd>{trip.car.make} {trip.car.model} · {trip.car.plate}</dd></div>
            <div><dt>{t('seats')}</dt><dd><Capacity taken={trip.seatsTaken} total={trip.seatsTotal} /></dd></div>
            <div><dt>{t('price')}</dt><dd>{price}</dd></div>
            <div><dt>{t('approval')}</dt><dd>{t(`approvalMode.${trip.approvalMode}`)}</dd></div>
            {run.notes ? <div><dt>{t('notes')}</dt><dd>{run.notes}</dd></div> : null}
          </dl>
          {checkpointRef && destinationRef ? (
            <RouteMap
              pickup={{ label: pickupName, lat: run.pickupLat, lng: run.pickupLng }}
              checkpoint={{ label: name(checkpointRef), lat: checkpointRef.lat, lng: checkpointRef.lng, precision: checkpointRef.coordinatePrecision }}
              destination={{ label: name(destinationRef), lat: destinationRef.lat, lng: destinationRef.lng }}
              tileUrl={env.MAP_TILE_URL}
              tileAttribution={env.MAP_TILE_ATTRIBUTION}
              height={220}
            />
          ) : null}
        </section>

        <section className="card stack-sm" aria-labelledby="run-status">
          <h2 id="run-status">{t('statusTitle')}</h2>
          {trip.status === 'CANCELLED' ? (
            <p className="notice block">{t('cancelledNote')}</p>
          ) : (
            <ol className="status-flow" aria-label={t('statusFlow')}>
              {flow.map((s, i) => (
                <li key={s} className={i < reached ? 'done' : undefined} aria-current={s === trip.status ? 'step' : undefined}>{tt(`status.${s}`)}</li>
              ))}
            </ol>
          )}
          {trip.nextStatuses.filter((s) => s !== 'CANCELLED').map((s) => (
            <div key={s} className="stack-sm">
              <ActionForm
                action={setTripStatusAction}
                fields={{ tripId: trip.id, status: s, expectedStatus: trip.status }}
                label={t(`next.${s}`)}
                className="button"
              />
              {s === 'COMPLETED' ? (
                <p className="small muted">
                  {t('completeExplain', { boarded: manifest.totals.boarded, exitOn: formatDay(locale, exitOn, false), returnOn: returnOn ? formatDay(locale, returnOn, false) : '', roundTrip: trip.roundTrip ? 'yes' : 'no' })}
                </p>
              ) : null}
              {s === 'DEPARTED' ? <p className="small muted">{t('departExplain')}</p> : null}
              {s === 'BOARDING' ? <p className="small muted">{t('boardingExplain')}</p> : null}
            </div>
          ))}
          {trip.nextStatuses.includes('CANCELLED') ? (
            <details className="cancel-box">
              <summary>{run.seriesId ? t('cancelDate') : t('cancelRun')}</summary>
              <p className="small">
                {run.seriesId ? t('cancelDateExplain', { date: formatDay(locale, exitOn) }) : null} {t('cancelExplain', { riders })}
              </p>
              <ActionForm
                action={setTripStatusAction}
                fields={{ tripId: trip.id, status: 'CANCELLED', expectedStatus: trip.status }}
                label={run.seriesId ? t('cancelDateConfirm') : t('cancelConfirm')}
                className="button danger small"
                formClassName="stack-sm"
              >
                <label className="field" htmlFor="cancel-reason">
                  <span className="label">{t('cancelReason')}</span>
                  <textarea id="cancel-reason" name="reason" maxLength={300} rows={2} />
                </label>
              </ActionForm>
            </details>
          ) : null}
        </section>

        <section className="stack-sm" aria-labelledby="manifest">
          <div className="spread">
            <h2 id="manifest">{t('manifest')}</h2>
            <p className="totals small">
              <span>{t('totals.seats', { taken: manifest.totals.seatsConfirmed, total: trip.seatsTotal })}</span>
              <span>{t('totals.boarded', { count: manifest.totals.boarded })}</span>
              <span>{t('totals.noShows', { count: manifest.totals.noShows })}</span>
              <span>{t('totals.owed', { amount: money(manifest.totals.owedTenge) })}</span>
            </p>
          </div>
          <p className="small muted">{t('verdictNote')}</p>
          {manifest.confirmed.length === 0 ? (
            <p className="muted">{t('noConfirmed')}</p>
          ) : (
            <ul className="list-plain">
              {manifest.confirmed.map((r) => (
                <li key={r.id} className="card party" aria-label={riderName(r)}>
                  <div className="party-head">
                    <span className="name">{riderName(r)}</span>
                    {r.riderPhone ? <a href={`tel:${r.riderPhone}`}>{r.riderPhone}</a> : null}
                    <span className="small muted">{t('partySeats', { count: r.seats })}</span>
                  </div>
                  <ul className="travellers" aria-label={t('travellers')}>
                    {r.travellers.map((tr) => (
                      <TravellerRow key={tr.position} bookingId={r.id} traveller={tr} canBoard={canBoard} />
                    ))}
                  </ul>
                  <div className="payment">
                    <span>
                      {r.amountTenge !== null ? t('owes', { amount: money(r.amountTenge) }) : null}
                      {trip.pricingMode === 'SHARED_COST' ? <span className="small muted"> · {t('capLine', { cap: money(r.capTenge) })}</span> : null}
                    </span>
                    <span className={`badge ${r.paymentState === 'CONFIRMED' ? 'ok' : r.paymentState === 'DISPUTED' ? 'block' : r.paymentState === 'PAID' ? 'info' : 'warn'}`}>
                      {t(`payment.${r.paymentState}`)}
                    </span>
                    <span className="button-row">
                      {r.paymentState !== 'CONFIRMED' ? (
                        <ActionForm action={markPaymentAction} fields={{ bookingId: r.id, state: 'CONFIRMED' }} label={t('paymentReceived')} className="button small" />
                      ) : null}
                      {r.paymentState === 'PAID' || r.paymentState === 'CONFIRMED' ? (
                        <ActionForm action={markPaymentAction} fields={{ bookingId: r.id, state: 'DISPUTED' }} label={t('paymentDispute')} className="button secondary small" />
                      ) : null}
                    </span>
                  </div>
                </li>
              ))}
            </ul>
          )}
        </section>

        <section className="stack-sm" id="requests" aria-labelledby="requests-title">
          <h2 id="requests-title">
            {t('requests')} {manifest.requests.length ? <span className="badge attention">{manifest.requests.length}</span> : null}
          </h2>
          {manifest.requests.length === 0 ? (
            <p className="muted">{t('noRequests')}</p>
          ) : (
            <ul className="list-plain">
              {manifest.requests.map((r) => (
                <li key={r.id} className="card party" aria-label={riderName(r)}>
                  <div className="party-head">
                    <span className="name">{riderName(r)}</span>
                    <span className="small muted">{t('partySeats', { count: r.seats })}</span>
                    {r.expiresAt ? (
                      <span className="small">{t('answerBy', { time: formatDateTime(locale, r.expiresAt) })}</span>
                    ) : null}
                  </div>
                  <ul className="travellers" aria-label={t('travellers')}>
                    {r.travellers.map((tr) => (
                      <TravellerRow key={tr.position} bookingId={r.id} traveller={tr} canBoard={false} />
                    ))}
                  </ul>
                  <p className="small muted">{t('capLine', { cap: money(r.capTenge) })}</p>
                  {canDecide ? (
                    <div className="button-row">
                      <ActionForm action={decideRequestAction} fields={{ bookingId: r.id, decision: 'approve' }} label={t('approve')} className="button small" />
                      <ActionForm action={decideRequestAction} fields={{ bookingId: r.id, decision: 'decline' }} label={t('decline')} className="button secondary small" />
                    </div>
                  ) : null}
                </li>
              ))}
            </ul>
          )}
        </section>

        <section className="stack-sm" aria-labelledby="waitlist-title">
          <h2 id="waitlist-title">{t('waitlist')}</h2>
          {manifest.waitlist.length === 0 ? (
            <p className="muted">{t('noWaitlist')}</p>
          ) : (
            <ol className="card">
              {manifest.waitlist.map((r) => (
                <li key={r.id}>
                  {riderName(r)} · {t('partySeats', { count: r.seats })} · {t('since', { time: formatTime(locale, r.createdAt) })}{' '}
                  <VerdictBadge verdict={r.verdict} />
                </li>
              ))}
            </ol>
          )}
        </section>
      </div>
    </ActionAnnouncer>
  )
}

async function VerdictBadge({ verdict }: { verdict: 'OK' | 'WARN' | 'BLOCKED' }) {
  const t = await getTranslations('manage')
  return <span className={`badge ${verdict === 'OK' ? 'ok' : verdict === 'WARN' ? 'warn' : 'block'}`}>{t(`verdict.${verdict}`)}</span>
}

async function TravellerRow({ bookingId, traveller, canBoard }: { bookingId: string; traveller: Traveller; canBoard: boolean }) {
  const t = await getTranslations('manage')
  const mark = (state: 'BOARDED' | 'NO_SHOW') => (traveller.boarding === state ? 'PENDING' : state)
  return (
    <li className="traveller" aria-label={traveller.name}>
      <span className="who">
        <span>{traveller.name}</span>
        <VerdictBadge verdict={traveller.verdict} />
        {traveller.boarding !== 'PENDING' ? (
          <span className={`badge ${traveller.boarding === 'BOARDED' ? 'ok' : 'block'}`}>{t(`boarding.${traveller.boarding}`)}</span>
        ) : null}
      </span>
      {canBoard ? (
        <span className="button-row">
          <ActionForm
            action={markBoardingAction}
            fields={{ bookingId, position: String(traveller.position), boarding: mark('BOARDED') }}
            label={t('markBoarded')}
            className="button secondary small"
            pressed={traveller.boarding === 'BOARDED'}
          />
          <ActionForm
            action={markBoardingAction}
            fields={{ bookingId, position: String(traveller.position), boarding: mark('NO_SHOW') }}
            label={t('markNoShow')}
            className="button secondary small"
            pressed={traveller.boarding === 'NO_SHOW'}
          />
        </span>
      ) : null}
    </li>
  )
}
