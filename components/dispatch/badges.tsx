import { useTranslations } from 'next-intl'

const VERDICT_TONE = { OK: 'ok', WARN: 'warn', BLOCKED: 'block' } as const
const VERDICT_MARK = { OK: '✓', WARN: '!', BLOCKED: '✕' } as const

/** The legal check's verdict only (the reasons are the rider's own business). */
export function VerdictBadge({ verdict }: { verdict: 'OK' | 'WARN' | 'BLOCKED' }) {
  const t = useTranslations('board.verdict')
  return (
    <span className={`badge ${VERDICT_TONE[verdict]}`} data-verdict={verdict} title={t(`hint.${verdict}`)}>
      <span aria-hidden="true">{VERDICT_MARK[verdict]} </span>
      {t(verdict)}
    </span>
  )
}

export function PaymentBadge({ state }: { state: 'OWED' | 'PAID' | 'CONFIRMED' | 'DISPUTED' }) {
  const t = useTranslations('board.payment')
  return <span className={`badge dx-pay-${state}`} data-payment={state}>{t(state)}</span>
}

export function StatusBadge({ status }: { status: 'SCHEDULED' | 'BOARDING' | 'DEPARTED' | 'AT_BORDER' | 'RETURNED' | 'COMPLETED' | 'CANCELLED' }) {
  const t = useTranslations('trip.status')
  return <span className={`badge dx-status-${status}`} data-status={status}>{t(status)}</span>
}
