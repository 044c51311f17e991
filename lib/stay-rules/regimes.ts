// The Kazakhstan stay rules as dated, sourced data: which passport gets which limits, from when to
// when, by which instrument, and whether the limits and dates were checked against its text.
// Every decision is recorded in docs/decisions/002-stay-day-counting.md; the research behind it is
// /work/shared/research/legal-regimes.md and legal-stay-rules.md.
//
// General basis: Law "On Migration of the Population" No. 477-IV Art. 6 — a visa-free immigrant
// stays "thirty calendar days from the date of crossing the State border, totalling ninety
// calendar days within each period of one hundred eighty calendar days" unless a treaty says
// otherwise; Government Resolution No. 1146 of 2022-12-31 (amending the Rules of entry and stay,
// Resolution No. 148 of 2012-01-21) applies it from 2023-01-27. Days of presence before
// 2023-01-27 do not count (no retroactive force: MVD, A. Aldongarov, RBC 2023-01-17).
//
// The rule that applies to a stay is chosen by the date of the ENTRY being counted (the per-entry
// day 1), not by the day checked: a stay begun under one regime keeps it to its end (ADR 002).
import { parseIsoDate, type DayNumber } from './calendar'
import { STATE_CODES } from './states'
import type { IsoDate, Regime, RegimeSource, StayLimits, StayRule } from './types'

/** Stored with each booking: which rule data and which counting semantics decided it. */
export const RULE_VERSION = 'kz-regimes-2026-12-03/v2'

/** Resolution No. 1146 (2022-12-31) in force: the 90/180 cap applies from this day. */
export const KZ_RULE_EFFECTIVE_FROM: IsoDate = '2023-01-27'

/** Presence before this day is not counted toward any window (moot for checks from 2023-07-25 on). */
export const KZ_COUNTS_FROM: IsoDate = '2023-01-27'

export const KZ_RULE_SOURCE =
  'Gov. Resolution No. 1146 of 2022-12-31 amending Resolution No. 148 of 2012-01-21, in force 2023-01-27; Law "On Migration of the Population" No. 477-IV Art. 6'

/** The cap of Law No. 477-IV Art. 6 where an instrument sets only a per-entry limit. */
export const GENERAL_WINDOW_DAYS = 180
export const GENERAL_MAX_DAYS_IN_WINDOW = 90

export const EAEU_RULE: StayRule = Object.freeze({ windowDays: 180, maxDaysInWindow: 90, maxDaysPerEntry: 90 })

export const VISA_FREE_30_RULE: StayRule = Object.freeze({ windowDays: 180, maxDaysInWindow: 90, maxDaysPerEntry: 30 })

/** A code that is not a state's: the 90/180 count is shown as a guide only (no per-entry limit). */
export const GUIDE_RULE: StayRule = Object.freeze({ windowDays: 180, maxDaysInWindow: 90, maxDaysPerEntry: null })

/** Visa required: no day is legal without a visa (or another document) valid on it. */
export const VISA_REQUIRED_RULE: StayRule = Object.freeze({ windowDays: 180, maxDaysInWindow: 0, maxDaysPerEntry: null })

export type RegimeEntry = {
  /** Stable id, also stored in reasons (`regimeId`). */
  id: string
  regime: 'eaeu' | 'visa_free'
  /** ISO 3166-1 alpha-2 codes of the passports covered. */
  states: readonly string[]
  limits: StayLimits
  /** First and last day the entry applies to an ENTRY into Kazakhstan (null: open). */
  effectiveFrom: IsoDate | null
  effectiveTo: IsoDate | null
  instrument: RegimeSource['instrument']
  /** The text of the instrument, or the best public report of it that we read. */
  url: string
  /** True when the limits and dates were checked against the instrument's text (or an official
   * statement quoting it); false means the UI must say "not verified" beside the verdict. */
  verified: boolean
  /**
   * How the instrument counts its window. 'from_first_entry' (UA, SM): a period of 180 days from the
   * first crossing. The engine always counts the rolling window of Res. 148 — every fixed period
   * is one of the rolling windows, so it never allows a stay the treaty's count would refuse.
   */
  windowCounting: 'rolling' | 'from_first_entry'
  note: string
}

const GOV_LIST_2025 = {
  kind: 'resolution',
  number: null,
  date: '2025-08-25',
  title: 'Gov. Resolution of 2025-08-25 amending the Rules of entry and stay of immigrants (Res. No. 148): list of states whose citizens stay visa-free 30 days per entry, 90 in 180',
} as const
const GOV_LIST_URL = 'https://www.zakon.kz/pravo/6488830-grazhdane-turtsii-mogut-nakhoditsya-v-kazakhstane-bez-vizy-do-90-dney.html'

const LIMITS_30_90: StayLimits = Object.freeze({ perEntryDays: 30, windowDays: 180, maxDaysInWindow: 90 })
const LIMITS_90_90: StayLimits = Object.freeze({ perEntryDays: 90, windowDays: 180, maxDaysInWindow: 90 })

export const REGIME_TABLE: readonly RegimeEntry[] = Object.freeze([
  {
    id: 'eaeu',
    regime: 'eaeu',
    states: ['RU', 'BY', 'AM', 'KG'],
    limits: LIMITS_90_90,
    effectiveFrom: null,
    effectiveTo: null,
    instrument: { kind: 'resolution', number: '1146', date: '2022-12-31', title: 'Gov. Resolution No. 1146 amending the Rules of entry and stay (Res. No. 148), with the Treaty on the EAEU (2014) Art. 97' },
    // Quotes the Rules' wording: "по истечении 90 календарных дней со дня пересечения Государственной
    // границы РК, суммарно 90 календарных дней в течение каждого периода в 180 календарных дней".
    url: 'http://www.sarbaz.kz/amp/v-centre-vnimaniya/865-s-oktiabria-grazhdanam-kyrgyzstana-izmeniat-pravila-prebyvaniia-v-kazakhstane',
    verified: true,
    windowCounting: 'rolling',
    note: 'The 90 per entry only binds for a stay the window cannot see whole (begun before 2023-01-27). KG: entry over the limit was not refused 2023-10-09 … 2025-08-31 (KG_ENTRY_REFUSAL_SUSPENDED).',
  },
  {
    id: 'kz-uz-protocol-2022',
    regime: 'visa_free',
    states: ['UZ'],
    limits: LIMITS_30_90,
    // The protocol (Tashkent, 2022-12-22) restates Law Art. 6 for UZ; the 30/90/180 limits apply to
    // entries from 2023-01-27 (Res. No. 1146; the UZ migration agency: "entered after 27 January").
    effectiveFrom: '2023-01-27',
    effectiveTo: null,
    instrument: { kind: 'protocol', number: null, date: '2022-12-22', title: 'Protocol amending the KZ–UZ Agreement on the conditions of mutual travel of citizens of 2000-07-07 (ratified by KZ Law No. 70-VIII of 2024-04-06; by UZ on 2023-04-25)' },
    url: 'https://zakonpravo.kz/en/on-ratification-of-the-protocol-on-amendments-to-the-agreement-between-the-government-of-the-republic-of-kazakhstan-and-the-government-of-the-republic-of-uzbekistan-on-the-conditions-of-mutual-travel-of-citizens-dated-july-7-2000',
    verified: true,
    windowCounting: 'rolling',
    note: 'Text: "не превышает 30 календарных дней с момента пересечения Государственной границы, суммарно 90 календарных дней в течение каждого периода в 180 календарных дней без оформления разрешения на временное проживание".',
  },
  {
    id: 'gov-res-464-in-ir',
    regime: 'visa_free',
    states: ['IN', 'IR'],
    limits: Object.freeze({ perEntryDays: 14, windowDays: 180, maxDaysInWindow: 42 }),
    effectiveFrom: '2022-07-08',
    effectiveTo: null,
    instrument: { kind: 'resolution', number: '464', date: '2022-07-07', title: 'Gov. Resolution No. 464: unilateral visa-free regime for CN, IN, IR, 14 days per entry, 42 in 180' },
    url: 'https://kpmg.com/kz/en/home/insights/2022/07/legal-alert.html',
    verified: true,
    windowCounting: 'rolling',
    note: 'Restated for IN and IR in the 2025-08-25 amendment (qazinform.com draft text).',
  },
  {
    id: 'gov-res-464-cn',
    regime: 'visa_free',
    states: ['CN'],
    limits: Object.freeze({ perEntryDays: 14, windowDays: 180, maxDaysInWindow: 42 }),
    effectiveFrom: '2022-07-08',
    effectiveTo: '2023-11-09',
    instrument: { kind: 'resolution', number: '464', date: '2022-07-07', title: 'Gov. Resolution No. 464: unilateral visa-free regime for CN, IN, IR, 14 days per entry, 42 in 180' },
    url: 'https://el.kz/en/news/news/kazakhstan_introduces_visa_free_travel_for_citizens_of_india-_iran-_and_china/',
    verified: true,
    windowCounting: 'rolling',
    note: 'Replaced by the KZ–CN agreement for entries from 2023-11-10.',
  },
  {
    id: 'kz-cn-agreement-2023',
    regime: 'visa_free',
    states: ['CN'],
    limits: LIMITS_30_90,
    effectiveFrom: '2023-11-10',
    effectiveTo: null,
    instrument: { kind: 'agreement', number: null, date: '2023-05-17', title: 'KZ–CN Agreement on mutual exemption from visa requirements (Xi’an), in force 2023-11-10 (MFA)' },
    url: 'https://kt.kz/eng/government/kazakhstan_visa-free_regime_with_china_comes_into_force_1377957623.html',
    verified: true,
    windowCounting: 'rolling',
    note: 'Not for Hong Kong and Macao passports.',
  },
  {
    id: 'kz-tr-agreement-1992',
    regime: 'visa_free',
    states: ['TR'],
    // "пребывать сроком до одного месяца": read as 30 days; the 90/180 cap is Law Art. 6's.
    limits: Object.freeze({ perEntryDays: 30, windowDays: 180, maxDaysInWindow: null }),
    effectiveFrom: null,
    effectiveTo: '2025-09-06',
    instrument: { kind: 'agreement', number: null, date: '1992-03-02', title: 'KZ–TR Agreement on mutual exemption from entry-exit visas (Almaty), in force 1992-04-01: stay "up to one month"' },
    url: 'https://prg.kz/document/?doc_id=1020099',
    verified: true,
    windowCounting: 'rolling',
    note: '"Up to one month" is read as 30 days.',
  },
  {
    id: 'gov-res-2025-08-25-tr',
    regime: 'visa_free',
    states: ['TR'],
    limits: LIMITS_90_90,
    // The effective date is NOT in our sources: the resolution is dated 2025-08-25 and was reported
    // on 2025-08-28; amendments to Res. 148 usually take effect 10 days after first publication,
    // so 2025-09-07 is assumed. Any check from 2026-03-06 on sees no day before it.
    effectiveFrom: '2025-09-07',
    effectiveTo: null,
    instrument: { kind: 'resolution', number: null, date: '2025-08-25', title: 'Gov. Resolution of 2025-08-25 amending the Rules of entry and stay: TR citizens 90 days from crossing, within each 180 days' },
    url: GOV_LIST_URL,
    verified: false,
    windowCounting: 'rolling',
    note: 'Effective date assumed (publication + 10 days); number of the resolution not found.',
  },
  {
    id: 'kz-ua-protocol-2010',
    regime: 'visa_free',
    states: ['UA'],
    limits: Object.freeze({ perEntryDays: null, windowDays: 180, maxDaysInWindow: 90 }),
    effectiveFrom: null,
    effectiveTo: null,
    instrument: { kind: 'protocol', number: '77-V', date: '2010-04-07', title: 'Protocol amending the KZ–UA Agreement on mutual travel of citizens of 2000-05-19 (ratified by Law No. 77-V of 2013-02-18, in force 2013-04-04): 90 days within 180 days from the first crossing' },
    url: 'http://online.zakon.kz/Document/?link_id=1001406721',
    verified: true,
    windowCounting: 'from_first_entry',
    note: 'The treaty counts 180 days from the first crossing; we count the rolling window (never less strict).',
  },
  {
    id: 'kz-az-protocol-2019',
    regime: 'visa_free',
    states: ['AZ'],
    limits: Object.freeze({ perEntryDays: 90, windowDays: 180, maxDaysInWindow: null }),
    effectiveFrom: null,
    effectiveTo: null,
    instrument: { kind: 'protocol', number: null, date: '2019-10-14', title: 'Protocol amending the KZ–AZ Agreement on mutual visa-free travel of 2009-10-02 (approved by Gov. Resolution No. 456 of 2021-07-01): stay raised from 30 to 90 days' },
    url: 'http://adilet.zan.kz/rus/docs/P2100000456',
    verified: false,
    windowCounting: 'rolling',
    note: 'Date of entry into force and the window wording not found; the Law Art. 6 cap of 90 in 180 is applied.',
  },
  {
    id: 'kz-ge-agreement-2005',
    regime: 'visa_free',
    states: ['GE'],
    limits: Object.freeze({ perEntryDays: 90, windowDays: 180, maxDaysInWindow: null }),
    effectiveFrom: null,
    effectiveTo: null,
    instrument: { kind: 'agreement', number: null, date: '2005-10-03', title: 'KZ–GE Agreement on mutual travel of citizens (GE MFA: 90 days without a visa)' },
    url: 'http://www.adilet.zan.kz/rus/docs/P050000996_/compare',
    verified: false,
    windowCounting: 'rolling',
    note: 'The stay term is from the Georgian MFA page, not the agreement text; the Law Art. 6 cap of 90 in 180 is applied.',
  },
  {
    id: 'kz-md-bilateral',
    regime: 'visa_free',
    states: ['MD'],
    limits: Object.freeze({ perEntryDays: 90, windowDays: 180, maxDaysInWindow: null }),
    effectiveFrom: null,
    effectiveTo: null,
    instrument: { kind: 'agreement', number: null, date: null, title: 'KZ–MD bilateral visa-free regime (instrument not found)' },
    url: 'https://www.neweurope.eu/',
    verified: false,
    windowCounting: 'rolling',
    note: 'No text found; the Law Art. 6 cap of 90 in 180 is applied.',
  },
  {
    id: 'kz-mn-agreement-1994',
    regime: 'visa_free',
    states: ['MN'],
    limits: Object.freeze({ perEntryDays: 90, windowDays: 180, maxDaysInWindow: null }),
    effectiveFrom: null,
    effectiveTo: null,
    instrument: { kind: 'agreement', number: null, date: '1994-12-02', title: 'KZ–MN Agreement on mutual travel of citizens (Almaty), in force 1995-01-02' },
    url: 'https://prg.kz/document/?doc_id=1014308',
    verified: false,
    windowCounting: 'rolling',
    note: 'The 90-day term is from secondary sources; the Law Art. 6 cap of 90 in 180 is applied.',
  },
  {
    id: 'kz-tj-bilateral',
    regime: 'visa_free',
    states: ['TJ'],
    limits: Object.freeze({ perEntryDays: 30, windowDays: 180, maxDaysInWindow: null }),
    effectiveFrom: null,
    effectiveTo: null,
    instrument: { kind: 'agreement', number: null, date: null, title: 'KZ–TJ bilateral visa-free regime: 30 days (instrument not found)' },
    url: 'https://www.neweurope.eu/',
    verified: false,
    windowCounting: 'rolling',
    note: 'The Law Art. 6 cap of 90 in 180 is applied.',
  },
  {
    id: 'kz-cu-bilateral',
    regime: 'visa_free',
    states: ['CU'],
    limits: Object.freeze({ perEntryDays: 30, windowDays: 180, maxDaysInWindow: null }),
    effectiveFrom: null,
    effectiveTo: null,
    instrument: { kind: 'agreement', number: null, date: null, title: 'KZ–CU bilateral visa-free regime: 30 days (instrument not found)' },
    url: 'https://www.neweurope.eu/',
    verified: false,
    windowCounting: 'rolling',
    note: 'The Law Art. 6 cap of 90 in 180 is applied.',
  },
  {
    id: 'kz-hk-14',
    regime: 'visa_free',
    states: ['HK'],
    limits: Object.freeze({ perEntryDays: 14, windowDays: 180, maxDaysInWindow: null }),
    effectiveFrom: null,
    effectiveTo: null,
    instrument: { kind: 'general', number: null, date: null, title: 'Hong Kong SAR passports: 14 days (instrument not found)' },
    url: 'https://kt.kz/eng/government/kazakhstan_visa-free_regime_with_china_comes_into_force_1377957623.html',
    verified: false,
    windowCounting: 'rolling',
    note: 'Only the reverse direction (KZ citizens in HK, 14 days) is in our sources.',
  },
  {
    id: 'kz-sm-agreement-2024',
    regime: 'visa_free',
    states: ['SM'],
    limits: Object.freeze({ perEntryDays: null, windowDays: 180, maxDaysInWindow: 90 }),
    effectiveFrom: '2025-01-05',
    effectiveTo: null,
    instrument: { kind: 'agreement', number: '955', date: '2024-11-12', title: 'KZ–SM Agreement on mutual exemption from visa requirements (approved by Gov. Resolution No. 955 of 2024-11-12), in force 2025-01-05 (SM Foreign Ministry)' },
    url: 'https://online.zakon.kz/Document/?doc_id=38472029&pos=71',
    verified: true,
    windowCounting: 'from_first_entry',
    note: 'The agreement counts 180 days from the first entry; we count the rolling window (never less strict).',
  },
  {
    id: 'gov-list-30',
    regime: 'visa_free',
    // Read in the quoted text of the 2025-08-25 resolution (zakon.kz, kaz.zakon.kz 6066960).
    states: ['AU', 'US', 'AT', 'BH', 'BE', 'BG', 'AE', 'VA', 'VN', 'DE', 'GR', 'DK', 'NZ', 'JP', 'IL', 'IE', 'IS', 'ES', 'ID', 'IT', 'CA', 'QA', 'CY', 'CO', 'KR', 'KW', 'LV', 'LT', 'LI', 'LU', 'HU', 'MY', 'MT', 'MX', 'MC', 'NL', 'NO', 'OM', 'PL'],
    limits: LIMITS_30_90,
    effectiveFrom: null,
    effectiveTo: null,
    instrument: GOV_LIST_2025,
    url: GOV_LIST_URL,
    verified: true,
    windowCounting: 'rolling',
    note: 'Membership checked against the list as amended on 2025-08-25; earlier versions of the list were not checked.',
  },
  {
    id: 'gov-list-30-unverified',
    regime: 'visa_free',
    // Commonly named as 30-day visa-free but past the part of the list we could read.
    states: ['PT', 'GB', 'FR', 'FI', 'SE', 'EE', 'CZ', 'SK', 'SI', 'HR', 'RO', 'CH', 'AD', 'SG', 'TH', 'PH', 'SA', 'RS', 'ME', 'AR', 'BR', 'CL', 'EC', 'UY'],
    limits: LIMITS_30_90,
    effectiveFrom: null,
    effectiveTo: null,
    instrument: GOV_LIST_2025,
    url: GOV_LIST_URL,
    verified: false,
    windowCounting: 'rolling',
    note: 'Not found in the part of the list our sources quote: check against the current text of Res. 148.',
  },
])

/** Everyone else: a state with no visa-free regime. The visa's own term governs (Law No. 477-IV). */
export const VISA_REQUIRED_SOURCE: RegimeSource = Object.freeze({
  id: 'visa-required',
  instrument: Object.freeze({ kind: 'law', number: '477-IV', date: '2011-07-22', title: 'Law "On Migration of the Population": entry on a visa unless a treaty or the Government list exempts' }),
  url: 'https://adilet.zan.kz/rus/docs/Z1100000477',
  verified: false,
  effectiveFrom: null,
  effectiveTo: null,
})

/** KG citizens: entry over the limit not refused from 2023-10-09 (until 2024-09-01, then extended to 2025-09-01). */
export const KG_ENTRY_REFUSAL_SUSPENDED = Object.freeze({
  from: '2023-10-09',
  to: '2025-08-31',
  instrument: 'Gov. resolution in force 2023-10-09 suspending for KG citizens the refusal of entry over the limit (Rules para. 6 subpara. 16) until 2024-09-01; extended — the KG MFA reports the rules apply again from 2025-09-01',
  url: 'https://24.kg/obschestvo/354232_mid_napominaet_obobnovlennyih_pravilah_prebyivaniya_dlya_grajdankr_vkazahstane/',
  verified: false,
})

/** What the engine applies to a passport for an entry on a day. */
export type RegimeSelection = {
  regime: Regime
  rule: StayRule
  ruleVersion: string
  /** Presence before this day does not count toward the window. */
  countsFrom: IsoDate
  /** A short text naming the source (kept for older callers; see regimeSource). */
  source: string
  limits: StayLimits | null
  regimeSource: RegimeSource | null
  /** The table entry that matched, if any. */
  entry: RegimeEntry | null
}

/**
 * The regime for a passport and an entry day. 'KZ' is a Kazakh citizen: 'exempt'. A state's code
 * no entry covers on that day is 'visa_required'; a code that is not a state's is 'unknown'.
 */
export function regimeFor(citizenship: string, on: IsoDate): RegimeSelection {
  const day = parseIsoDate(on)
  if (day === null) throw new RangeError(`regimeFor: not a calendar date: ${JSON.stringify(on)}`)
  return regimeForDay(citizenship.trim().toUpperCase(), day)
}

/** regimeFor on a normalised code and a day number (the engine's hot path: no allocation). */
export function regimeForDay(code: string, day: DayNumber): RegimeSelection {
  if (code === 'KZ') return CITIZEN
  const dated = selections.get(code)
  if (dated) {
    for (let i = 0; i < dated.length; i++) {
      const candidate = dated[i]!
      if (candidate.from <= day && day <= candidate.to) return candidate.selection
    }
  }
  return STATE_CODES.has(code) ? VISA_REQUIRED : UNKNOWN
}

/** Whether entry over the limit was refused for this passport on this day (KG suspension). */
export function isEntryRefusalSuspended(code: string, on: IsoDate): boolean {
  return code === 'KG' && KG_ENTRY_REFUSAL_SUSPENDED.from <= on && on <= KG_ENTRY_REFUSAL_SUSPENDED.to
}

/** The engine's rule for a regime's limits: an instrument without a cap gets Law Art. 6's 90/180. */
export function ruleOf(limits: StayLimits): StayRule {
  return Object.freeze({
    windowDays: limits.maxDaysInWindow === null ? GENERAL_WINDOW_DAYS : limits.windowDays,
    maxDaysInWindow: limits.maxDaysInWindow ?? GENERAL_MAX_DAYS_IN_WINDOW,
    maxDaysPerEntry: limits.perEntryDays,
  })
}

export function sourceOf(entry: RegimeEntry): RegimeSource {
  return Object.freeze({ id: entry.id, instrument: entry.instrument, url: entry.url, verified: entry.verified, effectiveFrom: entry.effectiveFrom, effectiveTo: entry.effectiveTo })
}

const selection = (regime: Regime, rule: StayRule, source: string, limits: StayLimits | null, regimeSource: RegimeSource | null, entry: RegimeEntry | null): RegimeSelection =>
  Object.freeze({ regime, rule, ruleVersion: RULE_VERSION, countsFrom: KZ_COUNTS_FROM, source, limits, regimeSource, entry })

const CITIZEN = selection('exempt', GUIDE_RULE, 'Kazakh citizen', null, null, null)
const UNKNOWN = selection('unknown', GUIDE_RULE, 'not a state’s passport code', null, null, null)
const VISA_REQUIRED = selection('visa_required', VISA_REQUIRED_RULE, VISA_REQUIRED_SOURCE.instrument.title, null, VISA_REQUIRED_SOURCE, null)

type DatedSelection = { from: DayNumber; to: DayNumber; selection: RegimeSelection }

const selections = new Map<string, DatedSelection[]>()
for (const entry of REGIME_TABLE) {
  const dated: DatedSelection = {
    from: entry.effectiveFrom === null ? -Infinity : parseIsoDate(entry.effectiveFrom)!,
    to: entry.effectiveTo === null ? Infinity : parseIsoDate(entry.effectiveTo)!,
    selection: selection(entry.regime, ruleOf(entry.limits), entry.instrument.title, entry.limits, sourceOf(entry), entry),
  }
  for (const code of entry.states) {
    const list = selections.get(code) ?? []
    list.push(dated)
    selections.set(code, list)
  }
}
