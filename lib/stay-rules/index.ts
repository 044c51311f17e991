// Public entry of the legal-stay engine (the one allowed barrel): import from '@/lib/stay-rules'.
// Pure: no I/O, no clock — "today" is always an argument.
export { assessStay } from './assess-stay'
export { checkRun, SHORT_STAY_WARNING_DAYS } from './check-run'
export { naiveAssessStay } from './naive-reference'
export { StayInputError, isStayInputError, type StayInputErrorCode, type StayInputField } from './errors'
export { addDays, parseIsoDate, formatIsoDate, type DayNumber } from './calendar'
export { STAY_HORIZON_DAYS, MAX_WINDOW_DAYS } from './prepare-input'
export {
  RULE_VERSION,
  KZ_RULE_EFFECTIVE_FROM,
  KZ_COUNTS_FROM,
  KZ_RULE_SOURCE,
  EAEU_RULE,
  VISA_FREE_30_RULE,
  GUIDE_RULE,
  NATIONALITY_TABLE,
  regimeFor,
  type NationalityEntry,
  type RegimeSelection,
} from './regimes'
export type {
  IsoDate,
  StayRecord,
  ResidenceDocument,
  ResidenceDocumentKind,
  StayRule,
  Regime,
  StayReason,
  AssessStayInput,
  StayAssessment,
  CheckRunInput,
  RunCheck,
  RunReason,
  RunReasonSeverity,
} from './types'
