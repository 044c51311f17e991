'use client'
// The border checkpoint: only those open to passengers today can be chosen; closed, cargo-only and
// unconfirmed ones stay in the list, disabled, with their sourced status note, so a driver sees
// why. The server checks the run's own dates again (a later date may be refused).
import { useLocale, useTranslations } from 'next-intl'
import { formatDay } from '@/lib/format'
import { Field } from '@/components/ui/field'
import type { CheckpointOption } from './route-options'
import type { Locale } from '@/lib/i18n/routing'

type Props = {
  id: string
  checkpoints: CheckpointOption[]
  value: string
  onChange: (id: string) => void
  errors: string[] | undefined
}

export function CheckpointField({ id, checkpoints, value, onChange, errors }: Props) {
  const t = useTranslations('publish')
  const locale = useLocale() as Locale
  const selected = checkpoints.find((c) => c.id === value)
  const unavailable = checkpoints.filter((c) => !c.open)
  const status = (c: CheckpointOption) =>
    c.reason === 'CLOSED' && c.reopensOn
      ? t('checkpointClosedUntil', { date: formatDay(locale, c.reopensOn, false) })
      : t(`checkpointState.${c.reason ?? 'NO_STATUS'}`)
  return (
    <div className="stack-sm">
      <Field id={id} label={t('checkpoint')} hint={selected ? t('checkpointOtherSide', { otherSide: selected.otherSide }) : undefined} errors={errors}>
        <select name="checkpointId" value={value} onChange={(e) => onChange(e.target.value)}>
          {checkpoints.map((c) => (
            <option key={c.id} value={c.id} disabled={!c.open}>
              {c.open ? c.name : `${c.name} — ${status(c)}`}
            </option>
          ))}
        </select>
      </Field>
      {unavailable.length ? (
        <details className="small">
          <summary>{t('unavailableCheckpoints', { count: unavailable.length })}</summary>
          <ul className="checkpoint-notes">
            {unavailable.map((c) => (
              <li key={c.id}>
                <strong>{c.name}</strong> ({c.otherSide}) — {status(c)}. <span className="muted">{c.note}</span>
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </div>
  )
}
