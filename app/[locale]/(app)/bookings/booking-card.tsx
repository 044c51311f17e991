// One booking in "My bookings": the run, its status in words, who travels, what is owed now and the
// cap, the payment log with the rider's buttons, cancel and the receipt.
import { useLocale, useTranslations } from 'next-intl'
import { formatDateTime, formatTenge } from '@/lib/format'
import { ActionForm } from '@/components/trips/action-form'
import { bookingStatusText, bookingStatusTone, isLiveBooking } from '@/components/trips/booking-texts'
import { readReasons } from '@/components/trips/reasons'
import { TravellerVerdicts } from '@/components/trips/traveller-verdicts'
import type { MyBooking } from '@/lib/bookings/list-my-bookings'
import { Link } from '@/lib/i18n/navigation'
import type { Locale } from '@/lib/i18n/routing'
import { cancelMyBookingAction, markPaymentAction } from './actions'
import { placeName, type PlaceNames } from '@/lib/i18n/place-name'

export function BookingCard({ booking }: { booking: MyBooking }) {
  const t = useTranslations('bookings')
  const tb = useTranslations('booking')
  const tt = useTranslations('trip')
  const locale = useLocale() as Locale
  const money = (amount: number) => formatTenge(locale, amount)
  const name = (v: PlaceNames) => placeName(locale, v)
  const { trip } = booking
  const route = `${name(trip.originCity)} → ${name(trip.destinationCity)}`
  const live = isLiveBooking(booking.status)
  const cancellable = live && (trip.status === 'SCHEDULED' || trip.status === 'BOARDING')
  const confirmed = booking.status === 'CONFIRMED'
  return (
    <article className="card booking-card" data-testid="booking-card" data-booking-id={booking.id} data-status={booking.status} aria-labelledby={`booking-${booking.id}`}>
      <div className="spread">
        <h3 id={`booking-${booking.id}`} style={{ margin: 0 }}>
          <Link href={`/trips/${trip.id}`}>{route}</Link>
        </h3>
        <span className={`badge ${bookingStatusTone(booking.status)}`}>{bookingStatusText(tb, locale, booking.status, booking.expiresAt)}</span>
      </div>
      <p className="small muted" style={{ margin: 0 }}>
        <time dateTime={trip.departureAt.toISOString()}>{formatDateTime(locale, trip.departureAt)}</time> · {tt('via', { checkpoint: name(trip.checkpoint) })}
        {trip.status !== 'SCHEDULED' ? <> · {tt(`status.${trip.status}`)}</> : null}
      </p>
      <p style={{ margin: 0 }}>
        {tb('seatsCount', { seats: booking.seats })}: {booking.travellers.map((tr) => tr.name).join(', ')}
      </p>
      {booking.cancelReason && booking.status === 'CANCELLED' && booking.cancelReason !== 'RIDER' ? (
        <p className="small" style={{ margin: 0 }}>{t(`cancelReason.${booking.cancelReason === 'TRIP_CANCELLED' || booking.cancelReason === 'LEGAL_RECHECK_BLOCKED' ? booking.cancelReason : 'OTHER'}`)}</p>
      ) : null}
      {booking.changedByDriverAt && live ? <p className="notice info" style={{ margin: 0 }}>{tb('changedByDriver')}</p> : null}
      {booking.verdictWorsenedAt && live ? (
        // A re-check found the legal verdict worse (a stay or document changed, or days passed).
        <div className={`notice ${booking.verdict === 'BLOCKED' ? 'block' : 'warn'}`} data-testid="booking-worsened" data-verdict={booking.verdict}>
          <p style={{ margin: 0 }}><strong>{t('worsened', { verdict: booking.verdict })}</strong></p>
          <TravellerVerdicts
            only="problems"
            travellers={booking.travellers.filter((tr) => tr.verdict !== 'OK').map((tr) => ({ name: tr.name, verdict: tr.verdict, reasons: readReasons(tr.reasons) }))}
          />
        </div>
      ) : null}
      {live ? (
        <p style={{ margin: 0 }} data-testid="booking-amount">
          {booking.amountTenge !== null
            ? booking.amountTenge === booking.capTenge
              ? t('owedNow', { amount: money(booking.amountTenge) })
              : t('owedNowCapped', { amount: money(booking.amountTenge), cap: money(booking.capTenge) })
            : t('atMost', { cap: money(booking.capTenge) })}
        </p>
      ) : null}
      {confirmed ? <p className="small" style={{ margin: 0 }} data-testid="payment-state">{tb(`payment.${booking.paymentState}`)}</p> : null}
      <div className="actions">
        {confirmed && booking.paymentState === 'OWED' ? (
          <ActionForm action={markPaymentAction} fields={{ bookingId: booking.id, state: 'PAID' }} label={t('iPaid')} />
        ) : null}
        {confirmed && (booking.paymentState === 'PAID' || booking.paymentState === 'CONFIRMED') ? (
          <ActionForm
            action={markPaymentAction}
            fields={{ bookingId: booking.id, state: 'DISPUTED' }}
            label={t('disputeConfirm')}
            variant="danger"
            confirm={{ summary: t('dispute'), text: t('disputeText') }}
          />
        ) : null}
        {cancellable ? (
          <ActionForm
            action={cancelMyBookingAction}
            fields={{ bookingId: booking.id }}
            label={tb('cancelConfirm')}
            variant="danger"
            confirm={{ summary: booking.status === 'WAITLISTED' ? tb('leaveWaitlist') : tb('cancel'), text: booking.changedByDriverAt ? tb('cancelFree') : tb('cancelText') }}
          />
        ) : null}
        {confirmed ? <Link href={`/bookings/${booking.id}/receipt`} className="button small secondary">{tb('receipt')}</Link> : null}
      </div>
    </article>
  )
}
