// Public entry of the legal-stay engine (the one allowed barrel): import from '@/lib/stay-rules'.
// Pure: no I/O, no clock — "today" is always an argument.
export { assessStay } from './assess-stay'
export { checkRun, SHORT_STAY_WARNING_DAYS, OVERSTAY_FINE_MCI, EXPULSION_BAN_YEARS } from './check-run'
export { naiveAssessStay, naiveCheckRun } from './naive-reference'
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
  VISA_REQUIRED_RULE,
  REGIME_TABLE,
  VISA_REQUIRED_SOURCE,
  KG_ENTRY_REFUSAL_SUSPENDED,
  regimeFor,
  type RegimeEntry,
  type RegimeSelection,
} from './regimes'
export { STATE_CODES } from './states'
export type {
  IsoDate,
  StayRecord,
  ResidenceDocument,
  ResidenceDocumentKind,
  StayRule,
  StayLimits,
  RegimeSource,
  PlannedTrip,
  Regime,
  StayReason,
  AssessStayInput,
  StayAssessment,
  CheckRunInput,
  RunCheck,
  RunReason,
  RunReasonSeverity,
} from './types'
