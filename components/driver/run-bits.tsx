// Small pieces shared by "My runs" and the manage page (server components).
import { getTranslations } from 'next-intl/server'
import type { TripStatusValue } from '@/lib/trips/trip-status'

const statusTone: Record<TripStatusValue, string> = {
  SCHEDULED: 'info',
  BOARDING: 'attention',
  DEPARTED: 'attention',
  AT_BORDER: 'attention',
  RETURNED: 'attention',
  COMPLETED: 'ok',
  CANCELLED: 'block',
}

export async function StatusBadge({ status }: { status: TripStatusValue }) {
  const t = await getTranslations('trip')
  return <span className={`badge ${statusTone[status]}`} data-status={status}>{t(`status.${status}`)}</span>
}

/** Seats taken out of the total, as text and a bar (the bar is decoration: the text says it all). */
export async function Capacity({ taken, total }: { taken: number; total: number }) {
  const t = await getTranslations('myTrips')
  const share = total > 0 ? Math.min(100, Math.round((taken / total) * 100)) : 0
  return (
    <span className="capacity">
      <span className={`capacity-bar${taken >= total ? ' full' : ''}`} aria-hidden="true">
        <span style={{ width: `${share}%` }} />
      </span>
      <span className="small">{t('capacity', { taken, total })}</span>
    </span>
  )
}
