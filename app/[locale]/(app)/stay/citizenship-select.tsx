'use client'

import { useLocale, useTranslations } from 'next-intl'
import type { Locale } from '@/lib/i18n/routing'
import { COMMON_COUNTRY_COUNT, COUNTRIES } from '@/lib/travellers/countries'

/**
 * A citizenship picker: the EAEU and common nationalities first, then all others. Field wraps it.
 * `optional`: a first "None" choice (a dual citizen's other citizenship).
 */
export function CitizenshipSelect({
  defaultValue,
  name = 'citizenship',
  optional = false,
  ...props
}: { defaultValue?: string; name?: string; optional?: boolean; id?: string; 'aria-describedby'?: string; 'aria-invalid'?: boolean }) {
  const t = useTranslations('travellers')
  const locale = useLocale() as Locale
  const common = COUNTRIES.slice(0, COMMON_COUNTRY_COUNT)
  const others = [...COUNTRIES.slice(COMMON_COUNTRY_COUNT)].sort((a, b) => a[locale].localeCompare(b[locale], locale))
  return (
    <select name={name} defaultValue={defaultValue ?? ''} required={!optional} {...props}>
      {optional ? <option value="">{t('noOther')}</option> : <option value="" disabled>{t('chooseCitizenship')}</option>}
      <optgroup label={t('commonCountries')}>
        {common.map((c) => <option key={c.code} value={c.code}>{c[locale]}</option>)}
      </optgroup>
      <optgroup label={t('allCountries')}>
        {others.map((c) => <option key={c.code} value={c.code}>{c[locale]}</option>)}
      </optgroup>
    </select>
  )
}
