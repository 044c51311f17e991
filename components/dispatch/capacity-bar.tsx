import { useTranslations } from 'next-intl'

type Props = { seatsTotal: number; confirmed: number; pending: number; free: number; waitlisted: number }

/** A run's seats as a bar — confirmed, held by requests, free, then the waitlist beyond the car —
 * and the same in words, so nothing depends on telling colours apart. */
export function CapacityBar({ seatsTotal, confirmed, pending, free, waitlisted }: Props) {
  const t = useTranslations('board.capacity')
  const seats: ('confirmed' | 'pending' | 'free')[] = [
    ...Array<'confirmed'>(Math.min(confirmed, seatsTotal)).fill('confirmed'),
    ...Array<'pending'>(Math.min(pending, Math.max(0, seatsTotal - confirmed))).fill('pending'),
  ]
  while (seats.length < seatsTotal) seats.push('free')
  return (
    <div className="dx-capacity" data-testid="capacity">
      <div className="dx-bar" aria-hidden="true">
        {seats.map((kind, i) => <span key={i} className={`dx-seat-${kind}`} />)}
        {waitlisted > 0 ? <span className="dx-bar-gap" /> : null}
        {Array.from({ length: Math.min(waitlisted, 8) }, (_, i) => <span key={`w${i}`} className="dx-seat-waitlist" />)}
      </div>
      <p className="dx-capacity-text" data-testid="capacity-text" style={{ margin: 0 }}>
        {t('summary', { booked: confirmed + pending, total: seatsTotal, free })}
        {pending > 0 ? ` · ${t('pending', { count: pending })}` : ''}
        {waitlisted > 0 ? ` · ${t('waitlisted', { count: waitlisted })}` : ''}
      </p>
    </div>
  )
}
