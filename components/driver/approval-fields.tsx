'use client'
// How bookings are accepted: instantly, or by the driver within a number of hours (after which a
// request expires). Shared by the publish and edit forms.
import { useTranslations } from 'next-intl'
import { useState } from 'react'
import { Field } from '@/components/ui/field'

type Mode = 'INSTANT' | 'MANUAL'

export function ApprovalFields({ idPrefix, initialMode, initialTtlHours, errors }: { idPrefix: string; initialMode: Mode; initialTtlHours: number; errors: Record<string, string[]> }) {
  const t = useTranslations('publish')
  const [mode, setMode] = useState<Mode>(initialMode)
  return (
    <fieldset className="stack-sm">
      <legend>{t('approval')}</legend>
      <div className="choice-row two">
        {(['INSTANT', 'MANUAL'] as const).map((m) => (
          <label key={m} className="choice">
            <input type="radio" name="approvalMode" value={m} checked={mode === m} onChange={() => setMode(m)} />
            <span><strong>{t(`approvalMode.${m}`)}</strong><span className="small muted"> — {t(`approvalModeHint.${m}`)}</span></span>
          </label>
        ))}
      </div>
      {errors.approvalMode ? <p className="field-error">{errors.approvalMode.join(' ')}</p> : null}
      {mode === 'MANUAL' ? (
        <Field id={`${idPrefix}-ttl`} label={t('requestTtlHours')} hint={t('requestTtlHoursHint')} errors={errors.requestTtlHours}>
          <input name="requestTtlHours" type="number" min={1} max={72} defaultValue={initialTtlHours} inputMode="numeric" />
        </Field>
      ) : null}
    </fieldset>
  )
}
