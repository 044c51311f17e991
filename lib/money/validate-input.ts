// Input checks shared by the money functions: every amount is whole tenge, every count a whole number.
import { MoneyInputError } from '@/lib/money/errors'

/** Throws INVALID_TENGE unless `value` is a non-negative safe integer. */
export function assertTenge(field: string, value: number): void {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new MoneyInputError('INVALID_TENGE', field, `expected whole, non-negative tenge, got ${String(value)}`)
  }
}

/** Throws INVALID_COUNT unless `value` is a safe integer ≥ `min`. */
export function assertCount(field: string, value: number, min: number): void {
  if (!Number.isSafeInteger(value) || value < min) {
    throw new MoneyInputError('INVALID_COUNT', field, `expected a whole number ≥ ${min}, got ${String(value)}`)
  }
}
