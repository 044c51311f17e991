// The viewer's own booking on this run: status, seats, travellers with their legal verdicts, what
// it costs, payment, and the way out (cancel) or on (receipt).
import { useLocale, useTranslations } from 'next-intl'
import { formatTenge } from '@/lib/format'
import { ActionForm } from '@/components/trips/action-form'
import { bookingStatusText, bookingStatusTone, type BookingStatus, type PaymentState } from '@/components/trips/booking-texts'
import { readReasons, type Verdict } from '@/components/trips/reasons'
import { TravellerVerdicts } from '@/components/trips/traveller-verdicts'
import { Link } from '@/lib/i18n/navigation'
import type { Locale } from '@/lib/i18n/routing'
import { cancelMyBookingAction } from '@/app/[locale]/(app)/bookings/actions'

export type OwnBookingView = {
  id: string
  status: BookingStatus
  seats: number
  quotedTenge: number
  capTenge: number
  paymentState: PaymentState
  expiresAt: Date | null
  changedByDriverAt: Date | null
  travellers: { name: string; verdict: Verdict; reasons: unknown }[]
}

export function OwnBooking({ booking, cancellable }: { booking: OwnBookingView; cancellable: boolean }) {
  const t = useTranslations('booking')
  const tp = useTranslations('tripPage')
  const locale = useLocale() as Locale
  const money = (amount: number) => formatTenge(locale, amount)
  const tone = bookingStatusTone(booking.status)
  return (
    <section className="card stack-sm" aria-labelledby="own-booking-heading" data-testid="own-booking" data-status={booking.status}>
      <h2 id="own-booking-heading">{tp('yourBooking')}</h2>
      <p>
        <span className={`badge ${tone}`}>{bookingStatusText(t, locale, booking.status, booking.expiresAt)}</span>{' '}
        <span>{t('seatsCount', { seats: booking.seats })}</span>
      </p>
      {booking.changedByDriverAt ? <p className="notice info">{t('changedByDriver')}</p> : null}
      <p>
        {booking.quotedTenge === booking.capTenge
          ? t('outcome.amount', { amount: money(booking.capTenge) })
          : t('outcome.amountShared', { now: money(booking.quotedTenge), cap: money(booking.capTenge) })}
      </p>
      {booking.status === 'CONFIRMED' ? <p className="small">{t(`payment.${booking.paymentState}`)}</p> : null}
      <div>
        <h3>{tp('travellers')}</h3>
        <TravellerVerdicts travellers={booking.travellers.map((tr) => ({ name: tr.name, verdict: tr.verdict, reasons: readReasons(tr.reasons) }))} />
      </div>
      <div className="row">
        {booking.status === 'CONFIRMED' ? <Link href={`/bookings/${booking.id}/receipt`}>{t('receipt')}</Link> : null}
        <Link href="/bookings">{tp('allBookings')}</Link>
      </div>
      {cancellable ? (
        <ActionForm
          action={cancelMyBookingAction}
          fields={{ bookingId: booking.id }}
          label={t('cancelConfirm')}
          variant="danger"
          confirm={{ summary: booking.status === 'WAITLISTED' ? t('leaveWaitlist') : t('cancel'), text: booking.changedByDriverAt ? t('cancelFree') : t('cancelText') }}
        />
      ) : null}
    </section>
  )
}
