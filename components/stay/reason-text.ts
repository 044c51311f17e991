// Plain words for the stay engine's reasons (lib/stay-rules: StayReason from assessStay,
// RunReason from checkRun). One ICU message per reason code under `stayReasons.<CODE>` in
// messages/*.json; this helper turns the engine's params into message values:
//   - 'YYYY-MM-DD' strings → a long date in the locale ("30 ноября 2026 г.", "30 November 2026");
//   - `citizenship` (alpha-2) → the country's name; `document` (engine kind) → the document's name;
//   - numbers stay numbers (the messages choose plural forms);
//   - optional params the engine leaves out are filled with 'none' (dates: messages `select` on it)
//     or 0 (numbers: messages use `=0`), so every message formats without missing arguments.
// A code with no message yet (a newer engine) falls back to `stayReasons.fallback`.
//
// Use: server — reasonText(await getTranslations('stayReasons'), locale, reason)
//      client — reasonText(useTranslations('stayReasons'), useLocale() as Locale, reason)
//      outside React — reasonText(translatorFor(locale, 'stayReasons'), locale, reason)
import { formatDay } from '@/lib/format'
import type { Locale } from '@/lib/i18n/routing'
import { countryName } from '@/lib/travellers/countries'

/**
 * Any next-intl translator scoped to the `stayReasons` namespace: from useTranslations,
 * getTranslations or translatorFor (typed keys or not — hence `never` parameters).
 */
export type ReasonTranslator = {
  (key: never, values?: never): string
  has(key: never): boolean
}

type LooseTranslator = {
  (key: string, values?: Record<string, string | number>): string
  has(key: string): boolean
}

/** StayReason and RunReason both fit. */
export type ReasonLike = { code: string; params: Record<string, string | number> }

/**
 * Every reason code the engine emits (assessStay and checkRun). Each has a message
 * `stayReasons.<code>` in both languages; lib/travellers/stay-reasons-messages.test.ts scans the
 * engine's source and fails when a new code appears without one.
 */
export const STAY_REASON_CODES = [
  // assessStay
  'EXEMPT',
  'REGIME_EAEU',
  'REGIME_VISA_FREE',
  'VISA_REQUIRED',
  'UNKNOWN_NATIONALITY',
  'REGIME_UNVERIFIED',
  'RULE',
  'TRANSITION_CUTOFF',
  'DAYS_USED',
  'OVERSTAY',
  'OVERSTAY_PER_ENTRY',
  'OVERSTAY_NO_VISA',
  'LIMIT_HORIZON',
  'LIMIT_WINDOW',
  'LIMIT_PER_ENTRY',
  'LIMIT_VISA',
  'EXEMPTION_ENDS',
  'EARLIEST_ENTRY',
  // checkRun (also EXEMPT, UNKNOWN_NATIONALITY and REGIME_UNVERIFIED)
  'CURRENT_STAY_REQUIRED',
  'OVERSTAY_ON_EXIT',
  'OVERSTAY_LEAVE_NOW',
  'PLANNED_TRIP_OVERLAP',
  'PLANNED_TRIPS_COUNTED',
  'DAYS_USED_ON_EXIT',
  'RETURN_REFUSED',
  'RETURN_OK',
  'RETURN_SHORT_STAY',
  'RETURN_OVER_LIMIT',
  'RETURN_NEEDS_VISA',
  'RETURN_ON_VISA',
  'NO_RESET',
  'PER_ENTRY_RESTART',
] as const

export type StayReasonCode = (typeof STAY_REASON_CODES)[number]

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/

/** Params an engine reason may leave out, with the value its message expects then. */
const OPTIONAL_PARAMS: Readonly<Record<string, string | number>> = {
  validFrom: 'none',
  validTo: 'none',
  documentKind: 'none',
  plannedReturnOn: 'none',
  latestLegalExit: 'none',
  earliestEntryOn: 'none',
  countsFrom: 'none',
  maxStayDays: 0,
  maxDaysPerEntry: 0,
  overstayDays: 0,
  perEntryOverstayDays: 0,
}

export function reasonText(translator: ReasonTranslator, locale: Locale, reason: ReasonLike): string {
  const t = translator as unknown as LooseTranslator
  if (!t.has(reason.code)) return t('fallback', { code: reason.code })
  // A Russian long date ends in "г." — don't let a sentence's own full stop double it.
  return t(reason.code, reasonValues(t, locale, reason.params)).replace(/\.(?=\.)/g, '')
}

/** The message values for an engine reason's params (exported for tests and custom layouts). */
export function reasonValues(translator: ReasonTranslator, locale: Locale, params: ReasonLike['params']): Record<string, string | number> {
  const t = translator as unknown as LooseTranslator
  const values: Record<string, string | number> = { ...OPTIONAL_PARAMS }
  for (const [key, value] of Object.entries(params)) {
    if (typeof value === 'number') values[key] = value
    else if (key === 'citizenship') values[key] = countryName(value, locale)
    else if (key === 'document') {
      values[key] = t.has(`documents.${value}`) ? t(`documents.${value}`) : value
      values.documentKind = value
    }
    else if (ISO_DATE.test(value)) values[key] = formatDay(locale, value, false)
    else values[key] = value
  }
  return values
}

/** The notice style of a run verdict or reason severity (classes in app/globals.css). */
export function toneOf(level: 'ok' | 'warn' | 'blocked' | 'info' | 'block'): 'ok' | 'warn' | 'block' | 'info' {
  if (level === 'blocked' || level === 'block') return 'block'
  return level
}
