// A rider's record beside their name on the driver's manifest: rating, runs ridden, no-shows —
// and the way to their public profile.
import { useTranslations } from 'next-intl'
import { Link } from '@/lib/i18n/navigation'
import type { PartyRecord } from '@/lib/profiles/party-records'
import { RatingLine } from './rating-line'
import './trust.css'

export function RiderRecord({ party }: { party: PartyRecord }) {
  const t = useTranslations('trust')
  const { record } = party
  return (
    <span className="rider-record" data-testid="rider-record">
      <Link href={`/users/${party.riderId}`} className="member-link">{t('profileOf', { name: party.name })}</Link>
      <RatingLine rating={record.rating} />
      <span>{t('runsRidden', { count: record.runsRidden })}</span>
      {record.noShows.asRider > 0 ? (
        <span className="badge warn" data-testid="rider-no-shows">{t('riderNoShows', { count: record.noShows.asRider })}</span>
      ) : (
        <span className="muted">{t('noNoShows')}</span>
      )}
    </span>
  )
}
