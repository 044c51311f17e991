// Public types of the legal-stay engine. Dates are Kazakhstan calendar dates ('YYYY-MM-DD'): a
// crossing timestamp becomes a date once, at input, in Kazakhstan time (research §1.4, §6.9).

/** 'YYYY-MM-DD', a Kazakhstan calendar date. */
export type IsoDate = string

/** One stay in Kazakhstan, entry and exit day both inclusive. `exitOn` null: still in Kazakhstan. */
export type StayRecord = { entryOn: IsoDate; exitOn: IsoDate | null }

export type ResidenceDocumentKind = 'temporary_residence' | 'permanent_residence' | 'visa' | 'citizenship'

/** A document that exempts its holder from the visa-free limits while valid (research §1.2, §2). */
export type ResidenceDocument = { kind: ResidenceDocumentKind; validFrom: IsoDate; validTo: IsoDate | null }

/**
 * A rolling-window limit: at most `maxDaysInWindow` days of presence in any `windowDays` days ending
 * on the day checked, and at most `maxDaysPerEntry` consecutive days from the entry day (null: no
 * per-entry limit).
 */
export type StayRule = { windowDays: number; maxDaysInWindow: number; maxDaysPerEntry: number | null }

/**
 * How Kazakhstan treats a passport on a day: 'eaeu' (EAEU treaty), 'visa_free' (the Government's
 * visa-free list or a bilateral agreement, limits in `limits`), 'visa_required' (a state with no
 * visa-free regime: only a visa makes a stay legal), 'exempt' (a document or Kazakh citizenship
 * lifts the limits on that day) or 'unknown' (a code that is not a state's).
 */
export type Regime = 'eaeu' | 'visa_free' | 'visa_required' | 'exempt' | 'unknown'

/** The limits of a regime as its instrument states them (null: the instrument sets none). */
export type StayLimits = { perEntryDays: number | null; windowDays: number; maxDaysInWindow: number | null }

/** Where a regime comes from: the instrument, a link to its text or a report of it, and whether
 * the limits and dates were checked against the instrument's text. */
export type RegimeSource = {
  /** Stable id of the regime entry, e.g. 'kz-uz-protocol-2022'. */
  id: string
  instrument: { kind: 'law' | 'resolution' | 'agreement' | 'protocol' | 'treaty' | 'general'; number: string | null; date: IsoDate | null; title: string }
  url: string
  verified: boolean
  effectiveFrom: IsoDate | null
  effectiveTo: IsoDate | null
}

/** A machine-readable reason; the UI translates `code` and fills in `params` (never prose here). */
export type StayReason = { code: string; params: Record<string, string | number> }

export type AssessStayInput = {
  /** ISO 3166-1 alpha-2, e.g. 'RU', 'US'. 'KZ' means a Kazakh citizen (exempt). */
  citizenship: string
  /** Any order; may overlap or touch. */
  stays: StayRecord[]
  documents?: ResidenceDocument[]
  /** The day assessed. Stays starting after it are ignored; one that began on or before it counts whole. */
  on: IsoDate
  /** Overrides the rule the citizenship and date select (no transition cut-off then). */
  rule?: StayRule
}

export type StayAssessment = {
  regime: Regime
  /** The rule the numbers were computed with (for 'visa_required': 0 days without a visa). */
  rule: StayRule
  /**
   * The regime's limits as its instrument states them, chosen by the date of the entry being
   * counted (`stayEntryOn`); null for a custom rule, a Kazakh citizen, 'visa_required' and 'unknown'.
   */
  limits: StayLimits | null
  /** Where the regime applied comes from (null for a custom rule and for 'unknown'). */
  regimeSource: RegimeSource | null
  /** RULE_VERSION for the Kazakhstan rule, 'custom' for an override; store it with a booking. */
  ruleVersion: string
  /** on − (windowDays − 1). */
  windowStart: IsoDate
  /** Recorded days of presence in [windowStart, on]; an open stay runs to `on`. */
  daysUsed: number
  /** max(0, maxDaysInWindow − daysUsed). */
  daysRemaining: number
  /** max(0, daysUsed − maxDaysInWindow). For regime 'exempt' this is what the count would be without the document. */
  overstayDays: number
  /**
   * Day 1 of the per-entry clock for a person present from `on`: the latest border entry of the
   * recorded stay containing `on`, or `on` itself when `on` is not inside a recorded stay.
   */
  stayEntryOn: IsoDate
  /** Days present beyond maxDaysPerEntry as of `on` (0 when not recorded present on `on`), counted like overstayDays. */
  perEntryOverstayDays: number
  /** Consecutive days from `on` (inclusive) a person present from `on` may stay legally. */
  maxStayDays: number
  /** on + maxStayDays − 1, or null when maxStayDays is 0. */
  latestLegalExit: IsoDate | null
  /** When maxStayDays is 0: the first day that allows a stay, and its length. */
  earliestEntry: { on: IsoDate; maxStayDays: number } | null
  reasons: StayReason[]
}

export type CheckRunInput = {
  citizenship: string
  stays: StayRecord[]
  documents?: ResidenceDocument[]
  /** The day the rider leaves Kazakhstan on the run. */
  exitOn: IsoDate
  /** The day the rider comes back (null: one way). Must not be before exitOn. */
  returnOn: IsoDate | null
  /**
   * The traveller's other live bookings (pending, confirmed, waitlisted): days are counted as those
   * trips will make them — the rider leaves on each exitOn and is back on its returnOn (null: one
   * way, not back). Only trips that end before this run's exit day change the count.
   */
  plannedTrips?: PlannedTrip[]
  rule?: StayRule
}

/** A trip out of Kazakhstan the traveller has booked: out on exitOn, back on returnOn (null: one way). */
export type PlannedTrip = { exitOn: IsoDate; returnOn: IsoDate | null }

export type RunReasonSeverity = 'info' | 'warn' | 'block'

export type RunReason = { code: string; severity: RunReasonSeverity; params: Record<string, string | number> }

export type RunCheck = {
  verdict: 'ok' | 'warn' | 'blocked'
  reasons: RunReason[]
  /** The stay a return on returnOn would start (null for a one-way run). */
  returnAssessment: StayAssessment | null
}
