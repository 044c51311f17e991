// A change waiting for the rider's answer: what changed, before → after, the reason when given, and
// one tap to accept it or to cancel free.
import { useTranslations } from 'next-intl'
import { ActionForm } from '@/components/trips/action-form'
import type { ActionResult } from '@/lib/action'
import type { ChangeSummary } from '@/lib/notifications/changes'

type Action = (previous: ActionResult<unknown> | null, form: FormData) => Promise<ActionResult<unknown>>

export function BookingChange({ bookingId, change, lines, acceptAction, cancelAction, cancellable }: {
  bookingId: string
  change: ChangeSummary | null
  /** The changes in words (lib/notifications/changes.ts describeChanges, rendered on the server). */
  lines: string[]
  acceptAction: Action
  cancelAction: Action
  cancellable: boolean
}) {
  const t = useTranslations('bookingChange')
  return (
    <div className="change-box stack-sm" data-testid="booking-change">
      <p style={{ margin: 0 }}><strong>{change?.kind === 'MOVED_TO_TRIP' ? t('movedTitle') : t('changedTitle')}</strong></p>
      {lines.length ? (
        <ul data-testid="change-lines">
          {lines.map((line) => <li key={line}>{line}</li>)}
        </ul>
      ) : null}
      {change?.reason ? <p className="small" style={{ margin: 0 }}>{t('reason', { reason: change.reason })}</p> : null}
      <div className="actions">
        <ActionForm action={acceptAction} fields={{ bookingId }} label={t('accept')} />
        {cancellable ? <ActionForm action={cancelAction} fields={{ bookingId }} label={t('cancelFree')} variant="danger" /> : null}
      </div>
    </div>
  )
}
