'use client'
// Pricing of a run: a fixed price per seat, or the run's total cost shared among the riders on
// board. For a shared cost the driver sees, as they type, what each rider will pay: between the
// share in a full car and the cap (the share when only the minimum of riders comes), computed with
// the same pure functions the server uses (lib/money).
import { useLocale, useTranslations } from 'next-intl'
import { useState } from 'react'
import { formatTenge } from '@/lib/format'
import { Field } from '@/components/ui/field'
import { quoteBooking } from '@/lib/money/quote-booking'
import { sharedCostCapPerSeat } from '@/lib/money/split-shared-cost'
import type { Locale } from '@/lib/i18n/routing'

export type PricingMode = 'PER_SEAT' | 'SHARED_COST'

export type PricingValues = {
  pricingMode: PricingMode
  pricePerSeatTenge: string
  totalCostTenge: string
  driverShares: boolean
  minRiders: string
}

type Props = {
  idPrefix: string
  /** Publishing lets the driver choose the mode; an existing run keeps its mode. */
  modeFixed: boolean
  seatsTotal: number
  initial: PricingValues
  errors: Record<string, string[]>
}

const wholeNumber = (v: string): number | null => {
  const s = v.replace(/\s/g, '')
  return /^\d+$/.test(s) ? Number(s) : null
}

/** The range a rider pays per seat, or null while the figures are incomplete or invalid. */
export function sharedCostRange(total: number | null, minRiders: number | null, driverShares: boolean, seats: number) {
  if (total === null || minRiders === null || total < 100 || minRiders < 1 || seats < 1 || minRiders > seats) return null
  try {
    const cap = sharedCostCapPerSeat({ totalTenge: total, minRiders, driverShares })
    const full = quoteBooking({
      pricingMode: 'SHARED_COST', pricePerSeatTenge: null, totalCostTenge: total, minRiders, driverShares,
      seatsAlreadyTaken: seats - 1, seatsRequested: 1,
    })
    return { low: full.perSeatNowTenge, cap }
  } catch {
    return null
  }
}

export function PricingFields({ idPrefix, modeFixed, seatsTotal, initial, errors }: Props) {
  const t = useTranslations('publish')
  const locale = useLocale() as Locale
  const [v, setV] = useState(initial)
  const set = (patch: Partial<PricingValues>) => setV((old) => ({ ...old, ...patch }))
  const range = v.pricingMode === 'SHARED_COST' ? sharedCostRange(wholeNumber(v.totalCostTenge), wholeNumber(v.minRiders), v.driverShares, seatsTotal) : null
  const money = (n: number) => formatTenge(locale, n)

  return (
    <fieldset className="stack-sm">
      <legend>{t('pricing')}</legend>
      {modeFixed ? (
        <>
          <input type="hidden" name="pricingMode" value={v.pricingMode} />
          <p className="small muted">{t(v.pricingMode === 'PER_SEAT' ? 'pricingPerSeatFixed' : 'pricingSharedFixed')}</p>
        </>
      ) : (
        <div className="choice-row" role="radiogroup" aria-label={t('pricing')}>
          {(['PER_SEAT', 'SHARED_COST'] as const).map((mode) => (
            <label key={mode} className="choice">
              <input type="radio" name="pricingMode" value={mode} checked={v.pricingMode === mode} onChange={() => set({ pricingMode: mode })} />
              <span>
                <strong>{t(`pricingMode.${mode}`)}</strong>
                <span className="small muted"> — {t(`pricingModeHint.${mode}`)}</span>
              </span>
            </label>
          ))}
        </div>
      )}
      {errors.pricingMode ? <p className="field-error">{errors.pricingMode.join(' ')}</p> : null}

      {v.pricingMode === 'PER_SEAT' ? (
        <Field id={`${idPrefix}-price`} label={t('pricePerSeat')} hint={t('wholeTenge')} errors={errors.pricePerSeatTenge}>
          <input name="pricePerSeatTenge" inputMode="numeric" value={v.pricePerSeatTenge} onChange={(e) => set({ pricePerSeatTenge: e.target.value })} />
        </Field>
      ) : (
        <div className="stack-sm">
          <div className="grid grid-2">
            <Field id={`${idPrefix}-total`} label={t('totalCost')} hint={t('totalCostHint')} errors={errors.totalCostTenge}>
              <input name="totalCostTenge" inputMode="numeric" value={v.totalCostTenge} onChange={(e) => set({ totalCostTenge: e.target.value })} />
            </Field>
            <Field id={`${idPrefix}-min-riders`} label={t('minRiders')} hint={t('minRidersHint')} errors={errors.minRiders}>
              <input name="minRiders" type="number" min={1} max={seatsTotal} inputMode="numeric" value={v.minRiders} onChange={(e) => set({ minRiders: e.target.value })} />
            </Field>
          </div>
          <label className="checkbox">
            <input type="checkbox" name="driverShares" checked={v.driverShares} onChange={(e) => set({ driverShares: e.target.checked })} />
            <span>
              {t('driverShares')}
              <span className="small muted"> — {t('driverSharesHint')}</span>
            </span>
          </label>
          {errors.driverShares ? <p className="field-error">{errors.driverShares.join(' ')}</p> : null}
          <div aria-live="polite" className="price-preview">
            {range ? (
              <p className="notice info" data-testid="price-preview">
                {range.low === range.cap
                  ? t('previewFixed', { cap: money(range.cap) })
                  : t('previewRange', { low: money(range.low), cap: money(range.cap), seats: seatsTotal, minRiders: wholeNumber(v.minRiders) ?? 1 })}
              </p>
            ) : (
              <p className="small muted">{t('previewIncomplete')}</p>
            )}
          </div>
        </div>
      )}
    </fieldset>
  )
}
