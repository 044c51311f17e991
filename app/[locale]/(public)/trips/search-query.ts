// The search form is a plain GET form, so its query string is the search: these helpers turn it into
// what searchTripsSchema expects and build the links that keep it ("show more", "first page").
export const SEARCH_KEYS = ['date', 'dateFrom', 'dateTo', 'from', 'checkpoint', 'to', 'seats', 'sort', 'includeFull', 'cursor', 'limit'] as const

export type SearchKey = (typeof SEARCH_KEYS)[number]
export type SearchQuery = Partial<Record<SearchKey, string>>

type RawParams = Record<string, string | string[] | undefined>

/** Known keys only (tracking parameters and the like are ignored, not refused), the first value of
 * a repeated key, and empty fields dropped: an untouched form field means "any". */
export function searchQueryFrom(params: RawParams): SearchQuery {
  const query: SearchQuery = {}
  for (const key of SEARCH_KEYS) {
    const raw = params[key]
    const value = (Array.isArray(raw) ? raw[0] : raw)?.trim()
    if (value) query[key] = value
  }
  return query
}

/** The query string of a search with some keys replaced (undefined removes one), keys in a stable
 * order; '' when nothing is left. */
export function searchQueryString(query: SearchQuery, changes: SearchQuery = {}): string {
  const merged: SearchQuery = { ...query, ...changes }
  const params = new URLSearchParams()
  for (const key of SEARCH_KEYS) {
    const value = merged[key]
    if (value !== undefined && value !== '' && !(key in changes && changes[key] === undefined)) params.set(key, value)
  }
  const text = params.toString()
  return text ? `?${text}` : ''
}
