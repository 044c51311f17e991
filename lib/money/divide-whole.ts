/**
 * Quotient and remainder of non-negative safe integers, in integer arithmetic only: `a % b` is exact
 * for safe integers and `a − r` is a multiple of `b`, so the quotient is exact too. Callers need
 * both: the quotient is everyone's share, the remainder the leftover tenge.
 */
export function divideWhole(dividend: number, divisor: number): { quotient: number; remainder: number } {
  const remainder = dividend % divisor
  return { quotient: (dividend - remainder) / divisor, remainder }
}
