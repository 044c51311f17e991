import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { MoneyInputError } from '@/lib/money/errors'
import { perSeatAmount } from '@/lib/money/per-seat'

describe('perSeatAmount', () => {
  test.each([
    { label: 'one seat at 3,000 ₸', pricePerSeatTenge: 3_000, seats: 1, amount: 3_000 },
    { label: 'a family of 4 at 3,500 ₸', pricePerSeatTenge: 3_500, seats: 4, amount: 14_000 },
    { label: 'the whole car, 8 seats at 2,750 ₸', pricePerSeatTenge: 2_750, seats: 8, amount: 22_000 },
    { label: 'a free seat', pricePerSeatTenge: 0, seats: 3, amount: 0 },
  ])('$label', ({ pricePerSeatTenge, seats, amount }) => {
    expect(perSeatAmount({ pricePerSeatTenge, seats })).toBe(amount)
  })

  test.each([
    { label: 'fractional price', pricePerSeatTenge: 2_999.5, seats: 1, code: 'INVALID_TENGE', field: 'pricePerSeatTenge' },
    { label: 'negative price', pricePerSeatTenge: -100, seats: 1, code: 'INVALID_TENGE', field: 'pricePerSeatTenge' },
    { label: 'NaN price', pricePerSeatTenge: Number.NaN, seats: 1, code: 'INVALID_TENGE', field: 'pricePerSeatTenge' },
    { label: 'zero seats', pricePerSeatTenge: 3_000, seats: 0, code: 'INVALID_COUNT', field: 'seats' },
    { label: 'fractional seats', pricePerSeatTenge: 3_000, seats: 1.5, code: 'INVALID_COUNT', field: 'seats' },
    { label: 'negative seats', pricePerSeatTenge: 3_000, seats: -2, code: 'INVALID_COUNT', field: 'seats' },
    { label: 'a product beyond safe integers', pricePerSeatTenge: 2 ** 52, seats: 2, code: 'OVERFLOW', field: 'seats' },
  ])('$label throws', ({ pricePerSeatTenge, seats, code, field }) => {
    expect(() => perSeatAmount({ pricePerSeatTenge, seats })).toThrow(MoneyInputError)
    expect(() => perSeatAmount({ pricePerSeatTenge, seats })).toThrow(expect.objectContaining({ code, field }))
  })

  test('equals the price added once per seat', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000 }), fc.integer({ min: 1, max: 8 }), (pricePerSeatTenge, seats) => {
        let sum = 0
        for (let i = 0; i < seats; i++) sum += pricePerSeatTenge
        expect(perSeatAmount({ pricePerSeatTenge, seats })).toBe(sum)
      }),
    )
  })
})
