import { MoneyInputError } from '@/lib/money/errors'
import { assertCount, assertTenge } from '@/lib/money/validate-input'

/** PER_SEAT pricing: a party of `seats` pays seats × the seat price, in whole tenge. */
export function perSeatAmount(input: { pricePerSeatTenge: number; seats: number }): number {
  assertTenge('pricePerSeatTenge', input.pricePerSeatTenge)
  assertCount('seats', input.seats, 1)
  const amount = input.pricePerSeatTenge * input.seats
  if (!Number.isSafeInteger(amount)) {
    throw new MoneyInputError('OVERFLOW', 'seats', `${input.seats} × ${input.pricePerSeatTenge} ₸ is beyond safe integers`)
  }
  return amount
}
