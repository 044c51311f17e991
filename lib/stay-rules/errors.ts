// Bad input is an error, not an outcome: the engine refuses to guess what a malformed history
// meant (research §6.8, §6.12; the EC calculator rejects the same inputs). Outcomes such as
// "overstaying" or "entry refused" are returned as values, never thrown.

export type StayInputErrorCode =
  | 'MALFORMED_DATE'
  | 'MALFORMED_RECORD'
  | 'EXIT_BEFORE_ENTRY'
  | 'MULTIPLE_OPEN_STAYS'
  | 'OPEN_STAY_AFTER_ON'
  | 'DOCUMENT_ENDS_BEFORE_START'
  | 'UNKNOWN_DOCUMENT_KIND'
  | 'MALFORMED_CITIZENSHIP'
  | 'INVALID_RULE'
  | 'RETURN_BEFORE_EXIT'
  | 'VISA_WITHOUT_END'

/** Which part of the input is wrong: a stay or document (with recordIndex) or a single field. */
export type StayInputField = 'stays' | 'documents' | 'on' | 'exitOn' | 'returnOn' | 'citizenship' | 'rule' | 'plannedTrips'

export class StayInputError extends Error {
  override name = 'StayInputError'
  constructor(
    readonly code: StayInputErrorCode,
    message: string,
    /** Index of the offending element of `stays` or `documents` (see `field`), else null. */
    readonly recordIndex: number | null = null,
    readonly field: StayInputField = 'stays',
  ) {
    super(message)
  }
}

export function isStayInputError(error: unknown): error is StayInputError {
  return error instanceof StayInputError
}
