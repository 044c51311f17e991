// My bookings: upcoming runs first (soonest first), then past and closed ones.
import type { Metadata } from 'next'
import { getTranslations, setRequestLocale } from 'next-intl/server'
import { isLiveBooking } from '@/components/trips/booking-texts'
import '@/components/trips/trips.css'
import { requirePageUser } from '@/lib/auth/session'
import { listMyBookings, type MyBooking } from '@/lib/bookings/list-my-bookings'
import { changeLines } from '@/lib/notifications/change-lines'
import { loadBookingTrust } from '@/lib/reviews/booking-trust'
import { Link } from '@/lib/i18n/navigation'
import type { Locale } from '@/lib/i18n/routing'
import { BookingCard } from './booking-card'

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('bookings')
  return { title: t('title') }
}

const ACTIVE_TRIP = new Set(['SCHEDULED', 'BOARDING', 'DEPARTED', 'AT_BORDER'])

function isUpcoming(booking: MyBooking): boolean {
  return isLiveBooking(booking.status) && ACTIVE_TRIP.has(booking.trip.status)
}

export default async function BookingsPage({ params }: { params: Promise<{ locale: Locale }> }) {
  const { locale } = await params
  setRequestLocale(locale)
  const actor = await requirePageUser(locale, '/bookings')
  const [t, bookings] = await Promise.all([getTranslations('bookings'), listMyBookings(actor)])
  const upcoming = bookings.filter(isUpcoming).sort((a, b) => a.trip.departureAt.getTime() - b.trip.departureAt.getTime())
  const past = bookings.filter((b) => !isUpcoming(b))
  const lines = new Map(await Promise.all(bookings.filter((b) => b.change).map(async (b) => [b.id, await changeLines(locale, b.change)] as const)))
  // Reviews and no-shows of bookings whose run is over or was due to leave.
  const now = new Date()
  const trust = await loadBookingTrust(actor.id, bookings.filter((b) => b.status === 'CONFIRMED' && (b.trip.status === 'COMPLETED' || b.trip.departureAt <= now)).map((b) => b.id), now)
  return (
    <div className="stack">
      <h1>{t('title')}</h1>
      <p className="muted">{t('lead')}</p>
      <section aria-labelledby="upcoming-heading" className="stack-sm">
        <h2 id="upcoming-heading">{t('upcoming')}</h2>
        {upcoming.length === 0 ? (
          <div className="card">
            <p>{t('noUpcoming')}</p>
            <Link href="/trips" className="button">{t('findRun')}</Link>
          </div>
        ) : (
          <ul className="list-plain">
            {upcoming.map((b) => (
              <li key={b.id}>
                <BookingCard booking={b} changeLines={lines.get(b.id) ?? []} trust={trust.get(b.id)} />
              </li>
            ))}
          </ul>
        )}
      </section>
      {past.length ? (
        <section aria-labelledby="past-heading" className="stack-sm">
          <h2 id="past-heading">{t('past')}</h2>
          <ul className="list-plain">
            {past.map((b) => (
              <li key={b.id}>
                <BookingCard booking={b} changeLines={[]} trust={trust.get(b.id)} />
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  )
}
