// A what-if (or booking) check in plain words: the verdict as a coloured notice and every reason
// the engine gave, blocking ones first.
import { useLocale, useTranslations } from 'next-intl'
import type { Locale } from '@/lib/i18n/routing'
import type { RunCheck } from '@/lib/stay-rules'
import { reasonText, toneOf } from './reason-text'
import './stay.css'

const ORDER = { block: 0, warn: 1, info: 2 } as const

export function RunVerdict({ check }: { check: Pick<RunCheck, 'verdict' | 'reasons'> }) {
  const t = useTranslations('stay.verdict')
  const ts = useTranslations('stay.summary')
  const tr = useTranslations('stayReasons')
  const locale = useLocale() as Locale
  const tone = toneOf(check.verdict)
  const reasons = [...check.reasons].sort((a, b) => ORDER[a.severity] - ORDER[b.severity])
  return (
    <div className={`notice ${tone}`} role={tone === 'block' ? 'alert' : 'status'} data-testid="run-verdict" data-verdict={check.verdict}>
      <p className="verdict-title">
        {t(check.verdict)}
        {check.reasons.some((reason) => reason.code === 'REGIME_UNVERIFIED') ? <> <span className="badge warn" data-testid="regime-unverified">{ts('unverified')}</span></> : null}
      </p>
      <ul className="stay-reasons">
        {reasons.map((reason, index) => (
          <li key={`${reason.code}-${index}`} data-code={reason.code}>
            {reasonText(tr, locale, reason)}
          </li>
        ))}
      </ul>
    </div>
  )
}
