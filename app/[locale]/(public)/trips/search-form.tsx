// The search filters: a plain GET form (works without JavaScript; the URL is the search, so it can
// be shared in a chat). Errors come from searchTripsSchema and sit beside their fields.
import { useTranslations } from 'next-intl'
import { Field } from '@/components/ui/field'
import { formatDay } from '@/lib/format'
import type { ReferenceData } from '@/lib/trips/get-reference-data'
import type { Locale } from '@/lib/i18n/routing'
import type { SearchQuery } from './search-query'
import { placeName, type PlaceNames } from '@/lib/i18n/place-name'

type Props = {
  action: string
  locale: Locale
  query: SearchQuery
  errors: Record<string, string[]>
  reference: Pick<ReferenceData, 'cities' | 'checkpoints'>
  /** After a search: the filters in one line; phones then show the line and fold the form. */
  summary?: string | null
}

export function SearchForm({ action, locale, query, errors, reference, summary }: Props) {
  const t = useTranslations('search')
  const tp = useTranslations('publish')
  // The same words as the publish form's checkpoint list ("закрыт, открытие ожидается 31 июля").
  const closedWords = (a: { reason?: string; reopensOn?: string | null }) =>
    a.reason === 'CLOSED' && a.reopensOn
      ? tp('checkpointClosedUntil', { date: formatDay(locale, a.reopensOn, false) })
      : tp(`checkpointState.${(a.reason ?? 'NO_STATUS') as 'CLOSED' | 'CARGO_ONLY' | 'UNCONFIRMED' | 'NO_STATUS'}`)
  const name = (v: PlaceNames) => placeName(locale, v)
  const origins = reference.cities.filter((c) => c.isOrigin)
  const destinations = reference.cities.filter((c) => !c.isOrigin)
  const rangeOpen = Boolean(query.dateFrom || query.dateTo || errors.dateFrom || errors.dateTo)
  const form = (
    <form method="get" action={action} className={summary ? 'form search-form' : 'form search-form card'} aria-labelledby="search-heading" noValidate>
      <h2 id="search-heading" className="sr-only">{t('filters')}</h2>
      <div className="grid grid-auto">
        <Field id="search-date" label={t('date')} hint={t('dateHint')} errors={errors.date}>
          <input type="date" name="date" defaultValue={query.date ?? ''} />
        </Field>
        <Field id="search-from" label={t('from')} errors={errors.from}>
          <select name="from" defaultValue={query.from ?? ''}>
            <option value="">{t('anyCity')}</option>
            {origins.map((c) => (
              <option key={c.id} value={c.id}>{name(c)}</option>
            ))}
          </select>
        </Field>
        <Field id="search-to" label={t('to')} errors={errors.to}>
          <select name="to" defaultValue={query.to ?? ''}>
            <option value="">{t('anyDestination')}</option>
            {destinations.map((c) => (
              <option key={c.id} value={c.id}>{name(c)}</option>
            ))}
          </select>
        </Field>
        <Field id="search-checkpoint" label={t('checkpoint')} errors={errors.checkpoint}>
          <select name="checkpoint" defaultValue={query.checkpoint ?? ''}>
            <option value="">{t('anyCheckpoint')}</option>
            {reference.checkpoints.map((c) => (
              <option key={c.id} value={c.id}>
                {c.availability.open ? name(c) : `${name(c)} — ${closedWords(c.availability)}`}
              </option>
            ))}
          </select>
        </Field>
        <Field id="search-seats" label={t('seats')} errors={errors.seats}>
          <input type="number" name="seats" min={1} max={8} inputMode="numeric" defaultValue={query.seats ?? '1'} />
        </Field>
        <Field id="search-sort" label={t('sort')} errors={errors.sort}>
          <select name="sort" defaultValue={query.sort ?? 'time'}>
            <option value="time">{t('sortTime')}</option>
            <option value="price">{t('sortPrice')}</option>
          </select>
        </Field>
      </div>
      <details open={rangeOpen}>
        <summary>{t('range')}</summary>
        <div className="grid grid-2" style={{ marginTop: 8 }}>
          <Field id="search-date-from" label={t('dateFrom')} errors={errors.dateFrom}>
            <input type="date" name="dateFrom" defaultValue={query.dateFrom ?? ''} />
          </Field>
          <Field id="search-date-to" label={t('dateTo')} errors={errors.dateTo}>
            <input type="date" name="dateTo" defaultValue={query.dateTo ?? ''} />
          </Field>
        </div>
      </details>
      <label className="checkbox">
        <input type="checkbox" name="includeFull" value="1" defaultChecked={query.includeFull === '1' || query.includeFull === 'true'} />
        <span>{t('includeFull')}</span>
      </label>
      {errors.includeFull ? <p className="field-error">{errors.includeFull.join(' ')}</p> : null}
      {query.limit ? <input type="hidden" name="limit" value={query.limit} /> : null}
      <div className="row">
        <button type="submit" className="button">{t('submit')}</button>
      </div>
    </form>
  )
  if (!summary) return form
  // A <details> folded on phones; from 960 px wide its summary hides and the form always shows.
  return (
    <details className="search-filters card">
      <summary>
        <span className="search-summary-text">{summary}</span>
        <span className="search-summary-edit">{t('editFilters')}</span>
      </summary>
      {form}
    </details>
  )
}
