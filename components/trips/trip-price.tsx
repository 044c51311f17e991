// A run's price in one line: per seat, or — for a shared-cost run — the share now and the cap
// ("не больше X ₸"), for the number of seats asked about. No hooks beyond next-intl's, so server and
// client components both use it.
import { useLocale, useTranslations } from 'next-intl'
import { formatTenge } from '@/lib/format'
import type { Locale } from '@/lib/i18n/routing'
import './trips.css'

export type PriceQuote = { seats: number; nowTenge: number; capTenge: number }

export function TripPrice({ pricingMode, pricePerSeatTenge, quote }: { pricingMode: 'PER_SEAT' | 'SHARED_COST'; pricePerSeatTenge: number | null; quote: PriceQuote }) {
  const t = useTranslations('booking.price')
  const locale = useLocale() as Locale
  const money = (amount: number) => formatTenge(locale, amount)
  const strong = (chunks: React.ReactNode) => <strong className="price-now">{chunks}</strong>
  if (pricingMode === 'PER_SEAT') {
    return (
      <p className="trip-price" data-testid="trip-price">
        <span>{t.rich('perSeat', { price: money(pricePerSeatTenge ?? 0), strong })}</span>
        {quote.seats > 1 ? <span className="muted">{t('partyTotal', { seats: quote.seats, amount: money(quote.nowTenge) })}</span> : null}
      </p>
    )
  }
  return (
    <p className="trip-price" data-testid="trip-price">
      <span>{t.rich('shareNow', { seats: quote.seats, amount: money(quote.nowTenge), strong })}</span>
      <span className="price-cap">{t('cap', { amount: money(quote.capTenge) })}</span>
    </p>
  )
}
