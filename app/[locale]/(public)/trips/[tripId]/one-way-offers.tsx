// Leaving is never refused: when a round trip is refused because the rider would leave over the
// limit, the answer lists the one-way runs out in the next days (LEGAL_BLOCKED details).
import { useLocale, useTranslations } from 'next-intl'
import { formatDateTime } from '@/lib/format'
import { Link } from '@/lib/i18n/navigation'
import type { Locale } from '@/lib/i18n/routing'

export type OneWayOffer = { tripId: string; departureAt: string; seatsLeft: number }

/** `details.oneWayAlternatives`, or null when the refusal carries none (not an overstay on a round trip). */
export function readOneWayOffers(details: unknown): OneWayOffer[] | null {
  if (typeof details !== 'object' || details === null) return null
  const list = (details as { oneWayAlternatives?: unknown }).oneWayAlternatives
  if (!Array.isArray(list)) return null
  return list.flatMap((item: unknown) => {
    if (typeof item !== 'object' || item === null) return []
    const { tripId, departureAt, seatsLeft } = item as Record<string, unknown>
    return typeof tripId === 'string' && typeof departureAt === 'string' && typeof seatsLeft === 'number' ? [{ tripId, departureAt, seatsLeft }] : []
  })
}

export function OneWayOffers({ offers }: { offers: OneWayOffer[] }) {
  const t = useTranslations('booking.oneWay')
  const locale = useLocale() as Locale
  return (
    <div className="stack-sm" data-testid="one-way-offers">
      <p><strong>{t('title')}</strong></p>
      {offers.length === 0 ? (
        <p className="small">
          {t('none')} <Link href="/trips">{t('search')}</Link>
        </p>
      ) : (
        <ul className="list-plain">
          {offers.map((offer) => (
            <li key={offer.tripId}>
              <Link href={`/trips/${offer.tripId}`}>{t('item', { when: formatDateTime(locale, offer.departureAt), seats: offer.seatsLeft })}</Link>
            </li>
          ))}
        </ul>
      )}
    </div>
  )
}
