// Validation and normalisation shared by the engine and the naive reference: dates become day
// numbers once, here, and every malformed record is rejected with its index and dates.
import { parseIsoDate, type DayNumber } from './calendar'
import { StayInputError, type StayInputField } from './errors'
import { KZ_COUNTS_FROM, regimeForDay, type RegimeSelection } from './regimes'
import type { AssessStayInput, ResidenceDocument, ResidenceDocumentKind, StayRecord, StayRule } from './types'

/** The stays that began on or before `on`, in input order, as parallel arrays (no object per stay). */
export type PreparedStays = {
  entries: DayNumber[]
  /** Exit days; an open stay runs to `on`. */
  exits: DayNumber[]
  /** Position of the open stay in entries/exits, or -1. */
  openAt: number
}

export type PreparedDocument = {
  kind: ResidenceDocumentKind
  from: DayNumber
  /** Last valid day; Infinity when open-ended. */
  to: DayNumber
  /** Index in the caller's `documents`; -1 for the exemption implied by Kazakh citizenship. */
  index: number
}

export type PreparedInput = {
  citizenship: string
  on: DayNumber
  /** A custom rule, or null: the rule is the regime's for the entry being counted (selectRegime). */
  customRule: StayRule | null
  /** Presence before this day does not count; -Infinity for a custom rule. */
  countsFrom: DayNumber
  stays: PreparedStays
  documents: PreparedDocument[]
}

/** The regime (before any document) and the rule that count a stay whose per-entry day 1 is `entryDay`. */
export type RegimeChoice = { selection: RegimeSelection; rule: StayRule; ruleVersion: string; visaRequired: boolean }

/**
 * The rule is chosen by the date of the entry being counted: a stay begun under one regime keeps it
 * to its end (ADR 002). Shared by the engine and the naive reference, which each find the entry day
 * on their own.
 */
export function selectRegime(p: PreparedInput, entryDay: DayNumber): RegimeChoice {
  const selection = regimeOf(p.citizenship, entryDay)
  if (p.customRule !== null) return { selection, rule: p.customRule, ruleVersion: 'custom', visaRequired: false }
  return { selection, rule: selection.rule, ruleVersion: selection.ruleVersion, visaRequired: selection.regime === 'visa_required' }
}

/** No stay is projected beyond this many days (10 years: the longest document, permanent residence). */
export const STAY_HORIZON_DAYS = 3660

/** Longest window a custom rule may use (keeps every search bounded). */
export const MAX_WINDOW_DAYS = 3660

const DOCUMENT_KINDS: ReadonlySet<string> = new Set<ResidenceDocumentKind>(['temporary_residence', 'permanent_residence', 'visa', 'citizenship'])

const KZ_COUNTS_FROM_DAY = parseIsoDate(KZ_COUNTS_FROM)!

// Imported functions used on every assessment, bound once: compiled to CommonJS (tsx, Vitest),
// every use of an imported binding is a getter call, which showed in the profile.
const parse = parseIsoDate
const regimeOf = regimeForDay

const CITIZEN_EXEMPTION: PreparedDocument = { kind: 'citizenship', from: -Infinity, to: Infinity, index: -1 }

export function prepareInput(input: AssessStayInput): PreparedInput {
  const on = parseDateField(input.on, 'on')
  const citizenship = normaliseCitizenship(input.citizenship)
  const custom = input.rule !== undefined
  const customRule = custom ? validateRule(input.rule!) : null
  const stays = prepareStays(input.stays, on, 'on')
  const documents = prepareDocuments(input.documents)
  if (citizenship === 'KZ') documents.push(CITIZEN_EXEMPTION)
  return {
    citizenship,
    on,
    customRule,
    // A custom rule is not the Kazakhstan rule: all its days count and its version says so.
    countsFrom: custom ? -Infinity : KZ_COUNTS_FROM_DAY,
    stays,
    documents,
  }
}

/** Validates every stay and keeps those that began on or before `on`. */
export function prepareStays(stays: readonly StayRecord[], on: DayNumber, onField: StayInputField): PreparedStays {
  if (!Array.isArray(stays)) throw new StayInputError('MALFORMED_RECORD', 'stays must be an array', null, 'stays')
  const entries: DayNumber[] = []
  const exits: DayNumber[] = []
  let openAt = -1
  let openIndex = -1
  for (let index = 0; index < stays.length; index++) {
    const record = stays[index]
    if (typeof record !== 'object' || record === null) {
      throw new StayInputError('MALFORMED_RECORD', `stays[${index}] is not a stay record`, index)
    }
    const entry = parse(record.entryOn)
    if (entry === null) {
      throw new StayInputError('MALFORMED_DATE', `${describeStay(index, record)}: entryOn is not a calendar date 'YYYY-MM-DD'`, index)
    }
    let exit = on
    if (record.exitOn !== null) {
      const parsed = parse(record.exitOn)
      if (parsed === null) {
        throw new StayInputError('MALFORMED_DATE', `${describeStay(index, record)}: exitOn is not a calendar date 'YYYY-MM-DD' or null`, index)
      }
      if (parsed < entry) throw new StayInputError('EXIT_BEFORE_ENTRY', `${describeStay(index, record)}: exitOn is before entryOn`, index)
      exit = parsed
    } else {
      if (openIndex >= 0) {
        throw new StayInputError(
          'MULTIPLE_OPEN_STAYS',
          `${describeStay(index, record)}: a second open stay (stays[${openIndex}] is open too); only the current stay may lack an exit`,
          index,
        )
      }
      openIndex = index
      if (entry > on) {
        throw new StayInputError('OPEN_STAY_AFTER_ON', `${describeStay(index, record)}: an open stay starts after ${onField}`, index)
      }
      openAt = entries.length
    }
    if (entry <= on) {
      entries.push(entry)
      exits.push(exit)
    }
  }
  return { entries, exits, openAt }
}

function prepareDocuments(documents: readonly ResidenceDocument[] | undefined): PreparedDocument[] {
  if (documents === undefined) return []
  if (!Array.isArray(documents)) throw new StayInputError('MALFORMED_RECORD', 'documents must be an array', null, 'documents')
  const prepared: PreparedDocument[] = []
  for (let index = 0; index < documents.length; index++) {
    const document = documents[index]
    if (typeof document !== 'object' || document === null) {
      throw new StayInputError('MALFORMED_RECORD', `documents[${index}] is not a document`, index, 'documents')
    }
    if (!DOCUMENT_KINDS.has(document.kind)) {
      throw new StayInputError('UNKNOWN_DOCUMENT_KIND', `${describeDocument(index, document)}: unknown kind`, index, 'documents')
    }
    const from = parse(document.validFrom)
    if (from === null) throw new StayInputError('MALFORMED_DATE', `${describeDocument(index, document)}: validFrom is not a calendar date`, index, 'documents')
    let to = Infinity
    if (document.validTo !== null) {
      const parsed = parse(document.validTo)
      if (parsed === null) throw new StayInputError('MALFORMED_DATE', `${describeDocument(index, document)}: validTo is not a calendar date or null`, index, 'documents')
      if (parsed < from) throw new StayInputError('DOCUMENT_ENDS_BEFORE_START', `${describeDocument(index, document)}: validTo is before validFrom`, index, 'documents')
      to = parsed
    } else if (document.kind === 'visa') {
      // A visa always has an end: its term governs the stay, and an open-ended one would read as
      // an unlimited stay (ADR 002).
      throw new StayInputError('VISA_WITHOUT_END', `${describeDocument(index, document)}: a visa needs its last valid day`, index, 'documents')
    }
    prepared.push({ kind: document.kind, from, to, index })
  }
  return prepared
}

export function parseDateField(value: unknown, field: StayInputField): DayNumber {
  const day = parse(value)
  if (day === null) throw new StayInputError('MALFORMED_DATE', `${field} (${JSON.stringify(value)}) is not a calendar date 'YYYY-MM-DD'`, null, field)
  return day
}

function normaliseCitizenship(value: unknown): string {
  if (typeof value === 'string' && value.length === 2 && isCapital(value.charCodeAt(0)) && isCapital(value.charCodeAt(1))) return value
  const code = typeof value === 'string' ? value.trim().toUpperCase() : ''
  if (!/^[A-Z]{2}$/.test(code)) {
    throw new StayInputError('MALFORMED_CITIZENSHIP', `citizenship (${JSON.stringify(value)}) is not an ISO 3166-1 alpha-2 code`, null, 'citizenship')
  }
  return code
}

function isCapital(charCode: number): boolean {
  return charCode >= 65 && charCode <= 90
}

function validateRule(rule: StayRule): StayRule {
  const { windowDays, maxDaysInWindow, maxDaysPerEntry } = typeof rule === 'object' && rule !== null ? rule : ({} as Partial<StayRule>)
  const isCount = (n: unknown): n is number => Number.isInteger(n) && (n as number) >= 1
  // A limit at or above the window length could never be exceeded: such a rule is a typing error.
  const valid =
    isCount(windowDays) &&
    windowDays <= MAX_WINDOW_DAYS &&
    isCount(maxDaysInWindow) &&
    maxDaysInWindow < windowDays &&
    (maxDaysPerEntry === null || isCount(maxDaysPerEntry))
  if (!valid) {
    throw new StayInputError(
      'INVALID_RULE',
      `rule ${JSON.stringify(rule)}: need integers 1 ≤ maxDaysInWindow < windowDays ≤ ${MAX_WINDOW_DAYS} and maxDaysPerEntry null or ≥ 1`,
      null,
      'rule',
    )
  }
  return { windowDays, maxDaysInWindow, maxDaysPerEntry }
}

function describeStay(index: number, record: StayRecord): string {
  const exit = record.exitOn === null ? 'open' : String(record.exitOn)
  return `stays[${index}] (entryOn ${String(record.entryOn)}, exitOn ${exit})`
}

function describeDocument(index: number, document: ResidenceDocument): string {
  return `documents[${index}] (${String(document.kind)}, validFrom ${String(document.validFrom)}, validTo ${document.validTo === null ? 'open' : String(document.validTo)})`
}

/**
 * The document that exempts on `day`: among those valid that day, the one valid longest (an
 * open-ended one first), then the first listed. Null when none is valid.
 */
export function documentOn(documents: readonly PreparedDocument[], day: DayNumber): PreparedDocument | null {
  let best: PreparedDocument | null = null
  for (const document of documents) {
    if (document.from > day || document.to < day) continue
    if (best === null || document.to > best.to || (document.to === best.to && document.index < best.index)) best = document
  }
  return best
}
