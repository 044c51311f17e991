// The Kazakhstan stay rules as data: which nationality gets which limits, since when, and where it
// comes from. Sources are in /work/shared/research/legal-stay-rules.md (§1.1–§1.5, §7).
//
// Legal basis: Government Resolution No. 1146 of 2022-12-31 amending Resolution No. 148 of
// 2012-01-21 (Rules of entry and stay of immigrants), in force 2023-01-27; it aligned the Rules with
// the Law "On Migration of the Population" No. 477-IV, Art. 6: "thirty calendar days from the date
// of crossing the State border, totalling ninety calendar days within each period of one hundred
// eighty calendar days". Days of presence before 2023-01-27 do not count (no retroactive force:
// MVD, A. Aldongarov, RBC 2023-01-17; Law "On Legal Acts").
import { parseIsoDate, type DayNumber } from './calendar'
import type { IsoDate, Regime, StayRule } from './types'

/** Stored with each booking: which rule data and which counting semantics decided it. */
export const RULE_VERSION = 'kz-2023-01-27/v1'

/** Resolution No. 1146 (2022-12-31) in force: the 90/180 cap applies from this day. */
export const KZ_RULE_EFFECTIVE_FROM: IsoDate = '2023-01-27'

/** Presence before this day is not counted toward 90/180 (moot for checks from 2023-07-25 on). */
export const KZ_COUNTS_FROM: IsoDate = '2023-01-27'

export const KZ_RULE_SOURCE =
  'Gov. Resolution No. 1146 of 2022-12-31 amending Resolution No. 148 of 2012-01-21, in force 2023-01-27; Law "On Migration of the Population" No. 477-IV Art. 6'

/**
 * EAEU citizens: up to 90 days from the date of crossing the border and 90 days in each 180-day
 * period (Astana Times 2023-01-19; abc.az 2023-01-18; lada.kz 2025-09-15, Akmola migration
 * service). The 90-day per-entry limit is kept: it only binds when the 90/180 count does not see
 * the whole stay, i.e. for a stay that began before 2023-01-27 (the old 90-days-from-entry rule
 * governed those people: "whoever is already here is not affected", MVD via RBC).
 */
export const EAEU_RULE: StayRule = Object.freeze({ windowDays: 180, maxDaysInWindow: 90, maxDaysPerEntry: 90 })

/** Other visa-free nationals: 30 calendar days per entry, 90 days in each 180 (Law Art. 6; DFAT advisory). */
export const VISA_FREE_30_RULE: StayRule = Object.freeze({ windowDays: 180, maxDaysInWindow: 90, maxDaysPerEntry: 30 })

/**
 * Unknown or visa-required nationality: the platform cannot vouch for the regime, so it shows the
 * 90/180 count as a guide only (no per-entry limit is assumed).
 */
export const GUIDE_RULE: StayRule = Object.freeze({ windowDays: 180, maxDaysInWindow: 90, maxDaysPerEntry: null })

export type NationalityEntry = {
  /** ISO 3166-1 alpha-2. */
  citizenship: string
  name: string
  regime: 'eaeu' | 'visa_free_30'
  /** First day the regime applies to this nationality (null: since KZ_RULE_EFFECTIVE_FROM or before). */
  since: IsoDate | null
  source: string
}

const EAEU_SOURCE =
  'Treaty on the EAEU (2014); KZ Gov. Resolution No. 1146 (2022-12-31): 90 days from crossing, 90 in 180 (Astana Times 2023-01-19; abc.az 2023-01-18)'

const VISA_FREE_30_SOURCE =
  'KZ Law No. 477-IV Art. 6 and Gov. Resolution No. 1146: 30 days per entry, 90 in 180 for visa-free nationals; examples named by Astana Times 2023-01-19, RIA 2023-01-17, commonspace.eu, DFAT/Irish DFA advisories'

// The official list (≈85 countries in 2025: 51 unilateral, 34 bilateral — zakon.kz 2025-08-13) was
// not readable in our sources. These entries are the ones commonly listed as 30-day visa-free;
// they MUST be verified against the official list (gov.kz / MFA "visa-free regime") before go-live.
const VISA_FREE_30_UNVERIFIED_SOURCE =
  'Commonly listed 30-day visa-free nationality; UNVERIFIED — check against the official gov.kz/MFA list'

const eaeu = (citizenship: string, name: string): NationalityEntry => ({ citizenship, name, regime: 'eaeu', since: null, source: EAEU_SOURCE })

const free30 = (citizenship: string, name: string, source = VISA_FREE_30_SOURCE, since: IsoDate | null = null): NationalityEntry => ({
  citizenship,
  name,
  regime: 'visa_free_30',
  since,
  source,
})

const unverified = (citizenship: string, name: string) => free30(citizenship, name, VISA_FREE_30_UNVERIFIED_SOURCE)

// Bilateral 90-day regimes other than the EAEU exist (e.g. Azerbaijan, research §1.2 [L]); the
// engine has no regime for them yet, so those nationalities fall to 'unknown' rather than a guess.
export const NATIONALITY_TABLE: readonly NationalityEntry[] = [
  eaeu('AM', 'Armenia'),
  eaeu('BY', 'Belarus'),
  eaeu('KG', 'Kyrgyzstan'),
  eaeu('RU', 'Russia'),

  // EU member states (named as a group by the sources above).
  free30('AT', 'Austria'),
  free30('BE', 'Belgium'),
  free30('BG', 'Bulgaria'),
  free30('HR', 'Croatia'),
  free30('CY', 'Cyprus'),
  free30('CZ', 'Czechia'),
  free30('DK', 'Denmark'),
  free30('EE', 'Estonia'),
  free30('FI', 'Finland'),
  free30('FR', 'France'),
  free30('DE', 'Germany'),
  free30('GR', 'Greece'),
  free30('HU', 'Hungary'),
  free30('IE', 'Ireland'),
  free30('IT', 'Italy'),
  free30('LV', 'Latvia'),
  free30('LT', 'Lithuania'),
  free30('LU', 'Luxembourg'),
  free30('MT', 'Malta'),
  free30('NL', 'Netherlands'),
  free30('PL', 'Poland'),
  free30('PT', 'Portugal'),
  free30('RO', 'Romania'),
  free30('SK', 'Slovakia'),
  free30('SI', 'Slovenia'),
  free30('ES', 'Spain'),
  free30('SE', 'Sweden'),
  // Named individually by the sources above.
  free30('US', 'United States'),
  free30('GB', 'United Kingdom'),
  free30('AE', 'United Arab Emirates'),
  free30('AU', 'Australia'),
  // KZ–CN agreement on mutual visa exemption, in force 2023-11-10 (30 days per entry, 90 in 180).
  free30('CN', 'China', 'KZ–CN agreement on mutual visa exemption (signed 2023-09-02), in force 2023-11-10; UNVERIFIED date', '2023-11-10'),

  unverified('JP', 'Japan'),
  unverified('KR', 'South Korea'),
  unverified('CA', 'Canada'),
  unverified('NZ', 'New Zealand'),
  unverified('CH', 'Switzerland'),
  unverified('NO', 'Norway'),
  unverified('IS', 'Iceland'),
  unverified('LI', 'Liechtenstein'),
  unverified('AD', 'Andorra'),
  unverified('MC', 'Monaco'),
  unverified('SM', 'San Marino'),
  unverified('VA', 'Vatican City'),
  unverified('TR', 'Turkey'),
  unverified('IL', 'Israel'),
  unverified('SG', 'Singapore'),
  unverified('MY', 'Malaysia'),
  unverified('TH', 'Thailand'),
  unverified('VN', 'Vietnam'),
  unverified('PH', 'Philippines'),
  unverified('ID', 'Indonesia'),
  unverified('MN', 'Mongolia'),
  unverified('QA', 'Qatar'),
  unverified('SA', 'Saudi Arabia'),
  unverified('OM', 'Oman'),
  unverified('KW', 'Kuwait'),
  unverified('BH', 'Bahrain'),
  unverified('RS', 'Serbia'),
  unverified('ME', 'Montenegro'),
  unverified('AR', 'Argentina'),
  unverified('BR', 'Brazil'),
  unverified('CL', 'Chile'),
  unverified('MX', 'Mexico'),
  unverified('CO', 'Colombia'),
  unverified('EC', 'Ecuador'),
  unverified('UY', 'Uruguay'),
]

/** What the engine applies to a nationality on a day. */
export type RegimeSelection = {
  regime: Regime
  rule: StayRule
  ruleVersion: string
  /** Presence before this day does not count toward the window. */
  countsFrom: IsoDate
  source: string
  /** The table entry that matched, if any. */
  entry: NationalityEntry | null
}

/**
 * The regime and rule for a nationality on a day. 'KZ' is a Kazakh citizen: 'exempt'. A
 * nationality missing from the table, or listed only from a later date, is 'unknown'.
 *
 * Before 2023-01-27 the same limits are returned: the per-entry limits pre-date the 90/180 cap
 * (Law Art. 6 since 2011), and the cut-off makes the 90/180 count see nothing before that day.
 */
export function regimeFor(citizenship: string, on: IsoDate): RegimeSelection {
  const day = parseIsoDate(on)
  if (day === null) throw new RangeError(`regimeFor: not a calendar date: ${JSON.stringify(on)}`)
  return regimeForDay(citizenship.trim().toUpperCase(), day)
}

/** regimeFor on a normalised code and a day number (the engine's hot path: no allocation). */
export function regimeForDay(code: string, day: DayNumber): RegimeSelection {
  if (code === 'KZ') return CITIZEN
  const known = selections.get(code)
  if (!known || day < known.since) return UNKNOWN
  return known.selection
}

const selection = (regime: Regime, rule: StayRule, source: string, entry: NationalityEntry | null): RegimeSelection =>
  Object.freeze({ regime, rule, ruleVersion: RULE_VERSION, countsFrom: KZ_COUNTS_FROM, source, entry })

const CITIZEN = selection('exempt', GUIDE_RULE, 'Kazakh citizen', null)
const UNKNOWN = selection('unknown', GUIDE_RULE, 'not in the nationality table', null)
const selections = new Map(
  NATIONALITY_TABLE.map((entry) => [
    entry.citizenship,
    {
      since: entry.since === null ? -Infinity : parseIsoDate(entry.since)!,
      selection: selection(entry.regime, entry.regime === 'eaeu' ? EAEU_RULE : VISA_FREE_30_RULE, entry.source, entry),
    },
  ]),
)
