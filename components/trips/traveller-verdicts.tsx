// Each traveller of a party with the legal check's verdict and its reasons in plain words
// (components/stay/reason-text.ts), most serious first.
import { useLocale, useTranslations } from 'next-intl'
import { reasonText } from '@/components/stay/reason-text'
import type { Locale } from '@/lib/i18n/routing'
import type { TravellerVerdict } from './reasons'
import './trips.css'

const VERDICT_TONE = { OK: 'ok', WARN: 'warn', BLOCKED: 'block' } as const
const SEVERITY_CLASS = { block: 'reason-block', warn: 'reason-warn', info: 'reason-info' } as const

export function TravellerVerdicts({ travellers, only }: { travellers: TravellerVerdict[]; only?: 'problems' }) {
  const t = useTranslations('booking')
  const tr = useTranslations('stayReasons')
  const locale = useLocale() as Locale
  return (
    <ul className="traveller-verdicts" data-testid="traveller-verdicts">
      {travellers.map((traveller, index) => {
        // An unverified regime is said next to the verdict, even among "problems only".
        const reasons = only === 'problems' && traveller.verdict !== 'OK' ? traveller.reasons.filter((r) => r.severity !== 'info' || r.code === 'REGIME_UNVERIFIED') : traveller.reasons
        return (
          <li key={`${traveller.name}-${index}`} data-verdict={traveller.verdict}>
            <span className="traveller-name">{traveller.name}</span>{' '}
            <span className={`badge ${VERDICT_TONE[traveller.verdict]}`}>{t(`verdict.${traveller.verdict}`)}</span>
            {reasons.length ? (
              <ul className="reason-list">
                {reasons.map((reason, i) => (
                  <li key={`${reason.code}-${i}`} className={SEVERITY_CLASS[reason.severity]} data-code={reason.code}>
                    {reasonText(tr, locale, reason)}
                  </li>
                ))}
              </ul>
            ) : null}
          </li>
        )
      })}
    </ul>
  )
}
