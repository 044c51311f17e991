// Two small bar charts drawn as SVG (no chart library): seats sold against seats offered per run,
// and each run's money by payment state. The table below them carries the same figures in words.
import { useTranslations } from 'next-intl'
import { formatTenge } from '@/lib/format'
import type { DaySummary } from '@/lib/dispatch/get-day-summary'
import type { Locale } from '@/lib/i18n/routing'

const ROW = 30
const LABEL_W = 170
const BAR_W = 420
const VALUE_W = 150
const WIDTH = LABEL_W + BAR_W + VALUE_W

type Row = { id: string; label: string }

export function SeatsChart({ rows, runs }: { rows: Row[]; runs: DaySummary['runs'] }) {
  const t = useTranslations('summary.chart')
  const max = Math.max(1, ...runs.map((r) => r.seatsOffered))
  const height = runs.length * ROW + 10
  return (
    <figure className="stack-sm" style={{ margin: 0 }}>
      <svg className="dx-chart" viewBox={`0 0 ${WIDTH} ${height}`} role="img" aria-labelledby="seats-chart-title">
        <title id="seats-chart-title">{t('seatsTitle')}</title>
        {runs.map((run, i) => {
          const y = i * ROW + 5
          const offered = (run.seatsOffered / max) * BAR_W
          const sold = (run.seatsSold / max) * BAR_W
          return (
            <g key={run.id}>
              <text x={0} y={y + 15}>{rows[i]?.label}</text>
              <rect className="offered" x={LABEL_W} y={y} width={Math.max(offered, 1)} height={20} rx={3} />
              <rect className="sold" x={LABEL_W} y={y} width={sold} height={20} rx={3} />
              <text x={LABEL_W + BAR_W + 8} y={y + 15}>
                {run.status === 'CANCELLED' ? t('cancelled') : t('seatsValue', { sold: run.seatsSold, offered: run.seatsOffered, rate: run.fillRate })}
              </text>
            </g>
          )
        })}
      </svg>
      <ul className="dx-legend">
        <li><span aria-hidden="true" style={{ background: 'var(--primary)' }} />{t('sold')}</li>
        <li><span aria-hidden="true" style={{ background: '#e3e7ed', border: '1px solid #8a93a0' }} />{t('offered')}</li>
      </ul>
    </figure>
  )
}

const MONEY = [
  { key: 'confirmedTenge', color: 'var(--ok)' },
  { key: 'paidTenge', color: '#7fa7d6' },
  { key: 'owedTenge', color: '#c2c8d0' },
  { key: 'disputedTenge', color: 'var(--block)' },
] as const

export function MoneyChart({ rows, runs, locale }: { rows: Row[]; runs: DaySummary['runs']; locale: Locale }) {
  const t = useTranslations('summary.chart')
  const max = Math.max(1, ...runs.map((r) => r.money.totalTenge))
  const height = runs.length * ROW + 10
  return (
    <figure className="stack-sm" style={{ margin: 0 }}>
      <svg className="dx-chart" viewBox={`0 0 ${WIDTH} ${height}`} role="img" aria-labelledby="money-chart-title">
        <title id="money-chart-title">{t('moneyTitle')}</title>
        {runs.map((run, i) => {
          const y = i * ROW + 5
          let x = LABEL_W
          return (
            <g key={run.id}>
              <text x={0} y={y + 15}>{rows[i]?.label}</text>
              {MONEY.map(({ key, color }) => {
                const w = (run.money[key] / max) * BAR_W
                const rect = w > 0 ? <rect key={key} x={x} y={y} width={w} height={20} fill={color} /> : null
                x += w
                return rect
              })}
              <text x={LABEL_W + BAR_W + 8} y={y + 15}>{formatTenge(locale, run.money.totalTenge)}</text>
            </g>
          )
        })}
      </svg>
      <ul className="dx-legend">
        {MONEY.map(({ key, color }) => (
          <li key={key}><span aria-hidden="true" style={{ background: color }} />{t(`money.${key}`)}</li>
        ))}
      </ul>
    </figure>
  )
}
