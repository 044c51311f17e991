// The money module is pure and imports nothing outside lib/money, so it has its own error rather
// than lib/errors' AppError. A caller that passes values from a form maps it to AppError('VALIDATION');
// values from the database (CHECK constraints hold them in range) should never raise it, so there it
// signals a bug.
export type MoneyInputErrorCode =
  /** A tenge amount that is not a non-negative safe integer (a fraction, negative, NaN, ±∞, ≥ 2^53). */
  | 'INVALID_TENGE'
  /** A seat or rider count that is not a safe integer at least its minimum. */
  | 'INVALID_COUNT'
  /** The pricing mode's own price is null (PER_SEAT without a seat price, SHARED_COST without a total). */
  | 'MISSING_PRICE'
  /** Two parties of one split carry the same id. */
  | 'DUPLICATE_PARTY'
  /** A product (seats × price) would not be a safe integer. */
  | 'OVERFLOW'

export class MoneyInputError extends Error {
  override name = 'MoneyInputError'
  constructor(
    readonly code: MoneyInputErrorCode,
    /** The input field at fault, e.g. `totalTenge` or `parties[2].seats`. */
    readonly field: string,
    message: string,
  ) {
    super(`${field}: ${message}`)
  }
}
