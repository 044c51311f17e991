// A printable receipt for a confirmed booking: the run, the crossing (exit) and return dates, the
// travellers, the amount and its payment marks, the driver and car, the booking id. Only the rider
// who booked or the run's driver may see it — the service answers NOT_FOUND to anyone else.
import type { Metadata } from 'next'
import { notFound } from 'next/navigation'
import { getTranslations, setRequestLocale } from 'next-intl/server'
import { formatDateTime, formatDay, formatTenge } from '@/lib/format'
import { requirePageUser } from '@/lib/auth/session'
import { getReceipt } from '@/lib/bookings/get-receipt'
import { isAppError } from '@/lib/errors'
import { Link } from '@/lib/i18n/navigation'
import type { Locale } from '@/lib/i18n/routing'
import { PrintButton } from './print-button'
import './receipt.css'
import { placeName, type PlaceNames } from '@/lib/i18n/place-name'

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

type Props = { params: Promise<{ locale: Locale; bookingId: string }> }

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('receipt')
  return { title: t('title') }
}

export default async function ReceiptPage({ params }: Props) {
  const { locale, bookingId } = await params
  setRequestLocale(locale)
  const actor = await requirePageUser(locale, `/bookings/${bookingId}/receipt`)
  if (!UUID.test(bookingId)) notFound()
  const [t, tb] = await Promise.all([getTranslations('receipt'), getTranslations('booking')])
  let receipt: Awaited<ReturnType<typeof getReceipt>>
  try {
    receipt = await getReceipt(actor, bookingId.toLowerCase())
  } catch (error) {
    if (isAppError(error) && error.code === 'NOT_FOUND') notFound()
    if (isAppError(error) && error.code === 'BOOKING_NOT_ACTIVE') {
      return (
        <div className="stack">
          <h1>{t('title')}</h1>
          <p className="notice info">{t('notConfirmed')}</p>
          <Link href="/bookings" className="back-link">{t('back')}</Link>
        </div>
      )
    }
    throw error
  }
  const name = (v: PlaceNames) => placeName(locale, v)
  const { trip } = receipt
  const money = (amount: number) => formatTenge(locale, amount)
  return (
    <article className="receipt card stack" aria-labelledby="receipt-heading">
      <div className="spread">
        <h1 id="receipt-heading" style={{ margin: 0 }}>{t('title')}</h1>
        <PrintButton label={t('print')} />
      </div>
      <p className="receipt-id">{t('bookingId', { id: receipt.id })}</p>
      <dl>
        <div>
          <dt>{t('run')}</dt>
          <dd>{name(trip.originCity)} → {name(trip.destinationCity)} · {name(trip.checkpoint)}</dd>
        </div>
        <div>
          <dt>{t('departure')}</dt>
          <dd>{formatDateTime(locale, trip.departureAt)}</dd>
        </div>
        <div>
          <dt>{t('crossingOn')}</dt>
          <dd data-testid="crossing-on">{formatDay(locale, receipt.crossingOn)}</dd>
        </div>
        <div>
          <dt>{t('returnOn')}</dt>
          <dd>{receipt.returnOn ? formatDay(locale, receipt.returnOn) : t('oneWay')}</dd>
        </div>
        <div>
          <dt>{t('travellers')}</dt>
          <dd>{receipt.travellers.map((tr) => tr.name).join(', ')}</dd>
        </div>
        <div>
          <dt>{t('rider')}</dt>
          <dd>{receipt.rider?.name ?? '—'}</dd>
        </div>
        <div>
          <dt>{t('amount')}</dt>
          <dd data-testid="receipt-amount">
            {money(receipt.amountTenge)}
            {receipt.amountTenge !== receipt.capTenge ? <span className="small muted"> ({t('cap', { cap: money(receipt.capTenge) })})</span> : null}
          </dd>
        </div>
        <div>
          <dt>{t('payment')}</dt>
          <dd>
            {tb(`payment.${receipt.paymentState}`)}
            {receipt.paidAt ? <><br /><span className="small">{t('paidAt', { at: formatDateTime(locale, receipt.paidAt) })}</span></> : null}
            {receipt.paymentConfirmedAt ? <><br /><span className="small">{t('confirmedAt', { at: formatDateTime(locale, receipt.paymentConfirmedAt) })}</span></> : null}
          </dd>
        </div>
        <div>
          <dt>{t('driver')}</dt>
          <dd>{trip.driver.name}</dd>
        </div>
        <div>
          <dt>{t('car')}</dt>
          <dd>{trip.car.make} {trip.car.model} · {trip.car.plate}</dd>
        </div>
        <div>
          <dt>{t('bookedAt')}</dt>
          <dd>{formatDateTime(locale, receipt.createdAt)}</dd>
        </div>
      </dl>
      <p className="small muted">{t('note')}</p>
      <p className="no-print">
        <Link href="/bookings" className="back-link">{t('back')}</Link>
      </p>
    </article>
  )
}
