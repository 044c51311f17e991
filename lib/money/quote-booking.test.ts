import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { MoneyInputError } from '@/lib/money/errors'
import { quoteBooking } from '@/lib/money/quote-booking'
import { sharedCostCapPerSeat, splitSharedCost } from '@/lib/money/split-shared-cost'

type QuoteInput = Parameters<typeof quoteBooking>[0]

const perSeatRun = { pricingMode: 'PER_SEAT', pricePerSeatTenge: 3_500, totalCostTenge: null, minRiders: 1, driverShares: false } as const
const sharedRun = { pricingMode: 'SHARED_COST', pricePerSeatTenge: null, totalCostTenge: 24_000, minRiders: 4, driverShares: true } as const

describe('quoteBooking: worked examples', () => {
  test.each([
    {
      label: 'per seat: 2 seats at 3,500 ₸ cost 7,000 ₸ now and at most',
      input: { ...perSeatRun, seatsAlreadyTaken: 3, seatsRequested: 2 },
      quote: { nowTenge: 7_000, capTenge: 7_000, perSeatNowTenge: 3_500, perSeatCapTenge: 3_500 },
    },
    {
      label: 'shared, first booker of a minimum of 4: pays the 4,800 ₸ cap now',
      input: { ...sharedRun, seatsAlreadyTaken: 0, seatsRequested: 1 },
      quote: { nowTenge: 4_800, capTenge: 4_800, perSeatNowTenge: 4_800, perSeatCapTenge: 4_800 },
    },
    {
      label: 'shared, the party that completes the car: 24,000 ₸ ÷ 8 = 3,000 ₸ a seat, capped at 4,800 ₸',
      input: { ...sharedRun, seatsAlreadyTaken: 5, seatsRequested: 2 },
      quote: { nowTenge: 6_000, capTenge: 9_600, perSeatNowTenge: 3_000, perSeatCapTenge: 4_800 },
    },
    {
      label: 'shared, 10,000 ₸ among 3: the last booker carries the leftover tenge',
      input: { ...sharedRun, totalCostTenge: 10_000, minRiders: 3, driverShares: false, seatsAlreadyTaken: 2, seatsRequested: 1 },
      quote: { nowTenge: 3_334, capTenge: 3_334, perSeatNowTenge: 3_334, perSeatCapTenge: 3_334 },
    },
    {
      label: 'shared, a pair whose second seat takes the leftover tenge: dearest seat 3,334 ₸',
      input: { ...sharedRun, totalCostTenge: 10_000, minRiders: 1, driverShares: false, seatsAlreadyTaken: 1, seatsRequested: 2 },
      quote: { nowTenge: 6_667, capTenge: 20_000, perSeatNowTenge: 3_334, perSeatCapTenge: 10_000 },
    },
  ])('$label', ({ input, quote }) => {
    expect(quoteBooking(input)).toEqual(quote)
  })

  test.each([
    { label: 'per seat without a price', input: { ...perSeatRun, pricePerSeatTenge: null, seatsAlreadyTaken: 0, seatsRequested: 1 }, code: 'MISSING_PRICE', field: 'pricePerSeatTenge' },
    { label: 'shared cost without a total', input: { ...sharedRun, totalCostTenge: null, seatsAlreadyTaken: 0, seatsRequested: 1 }, code: 'MISSING_PRICE', field: 'totalCostTenge' },
    { label: 'negative seat price', input: { ...perSeatRun, pricePerSeatTenge: -1, seatsAlreadyTaken: 0, seatsRequested: 1 }, code: 'INVALID_TENGE', field: 'pricePerSeatTenge' },
    { label: 'fractional total', input: { ...sharedRun, totalCostTenge: 24_000.5, seatsAlreadyTaken: 0, seatsRequested: 1 }, code: 'INVALID_TENGE', field: 'totalTenge' },
    { label: 'zero seats requested', input: { ...sharedRun, seatsAlreadyTaken: 0, seatsRequested: 0 }, code: 'INVALID_COUNT', field: 'seatsRequested' },
    { label: 'negative seats taken', input: { ...perSeatRun, seatsAlreadyTaken: -1, seatsRequested: 1 }, code: 'INVALID_COUNT', field: 'seatsAlreadyTaken' },
    { label: 'minimum of 0 riders', input: { ...perSeatRun, minRiders: 0, seatsAlreadyTaken: 0, seatsRequested: 1 }, code: 'INVALID_COUNT', field: 'minRiders' },
  ] satisfies { label: string; input: QuoteInput; code: string; field: string }[])('$label throws', ({ input, code, field }) => {
    expect(() => quoteBooking(input)).toThrow(MoneyInputError)
    expect(() => quoteBooking(input)).toThrow(expect.objectContaining({ code, field }))
  })
})

const sharedArb = fc.record({
  totalCostTenge: fc.oneof(fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 300_000 })),
  minRiders: fc.integer({ min: 1, max: 8 }),
  driverShares: fc.boolean(),
})
const earlierArb = fc.array(fc.integer({ min: 1, max: 4 }), { maxLength: 6 })
const requestedArb = fc.integer({ min: 1, max: 4 })

function sharedQuote(run: { totalCostTenge: number; minRiders: number; driverShares: boolean }, seatsAlreadyTaken: number, seatsRequested: number) {
  return quoteBooking({ pricingMode: 'SHARED_COST', pricePerSeatTenge: null, ...run, seatsAlreadyTaken, seatsRequested })
}
const toRun = (run: { totalCostTenge: number; minRiders: number; driverShares: boolean }) => ({ totalTenge: run.totalCostTenge, minRiders: run.minRiders, driverShares: run.driverShares })
const sum = (values: number[]) => values.reduce((s, v) => s + v, 0)

describe('quoteBooking: properties', () => {
  test('now ≤ cap, and the caps are the split’s: cap per seat × seats', () => {
    fc.assert(
      fc.property(sharedArb, fc.integer({ min: 0, max: 12 }), requestedArb, (run, taken, requested) => {
        const quote = sharedQuote(run, taken, requested)
        expect(quote.nowTenge).toBeLessThanOrEqual(quote.capTenge)
        expect(quote.perSeatNowTenge).toBeLessThanOrEqual(quote.perSeatCapTenge)
        expect(quote.perSeatCapTenge).toBe(sharedCostCapPerSeat(toRun(run)))
        expect(quote.capTenge).toBe(quote.perSeatCapTenge * requested)
      }),
    )
  })

  test('now equals the split’s amount for this party booked last, however the earlier seats are grouped', () => {
    fc.assert(
      fc.property(sharedArb, earlierArb, requestedArb, (run, earlier, requested) => {
        const parties = [...earlier.map((seats, i) => ({ id: `p${i}`, seats })), { id: 'me', seats: requested }]
        const split = splitSharedCost({ ...toRun(run), parties })
        expect(sharedQuote(run, sum(earlier), requested).nowTenge).toBe(split.parties.at(-1)!.amountTenge)
      }),
    )
  })

  test('per seat now is the dearest of the party’s seats', () => {
    fc.assert(
      fc.property(sharedArb, fc.integer({ min: 0, max: 12 }), requestedArb, (run, taken, requested) => {
        const seatByseat = [{ id: 'taken', seats: Math.max(taken, 1) }, ...Array.from({ length: requested }, (_, i) => ({ id: `me${i}`, seats: 1 }))]
        const parties = taken > 0 ? seatByseat : seatByseat.slice(1)
        const mySeats = splitSharedCost({ ...toRun(run), parties }).parties.slice(-requested).map((p) => p.amountTenge)
        const quote = sharedQuote(run, taken, requested)
        expect(quote.perSeatNowTenge).toBe(Math.max(...mySeats))
        expect(quote.nowTenge).toBe(sum(mySeats))
      }),
    )
  })

  test('what later bookers do never raises the party above its quote now', () => {
    fc.assert(
      fc.property(sharedArb, earlierArb, requestedArb, earlierArb, (run, earlier, requested, later) => {
        const quote = sharedQuote(run, sum(earlier), requested)
        const parties = [...earlier, requested, ...later].map((seats, i) => ({ id: `p${i}`, seats }))
        const mine = splitSharedCost({ ...toRun(run), parties }).parties[earlier.length]!
        expect(mine.amountTenge).toBeLessThanOrEqual(quote.nowTenge)
      }),
    )
  })

  test('per seat: now = cap = seats × price, whatever is taken or shared', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100_000 }), fc.integer({ min: 0, max: 8 }), requestedArb, fc.integer({ min: 1, max: 8 }), fc.boolean(), (price, taken, requested, minRiders, driverShares) => {
        const quote = quoteBooking({ pricingMode: 'PER_SEAT', pricePerSeatTenge: price, totalCostTenge: null, minRiders, driverShares, seatsAlreadyTaken: taken, seatsRequested: requested })
        expect(quote).toEqual({ nowTenge: price * requested, capTenge: price * requested, perSeatNowTenge: price, perSeatCapTenge: price })
      }),
    )
  })

  test('deterministic: the same input gives the same quote', () => {
    fc.assert(
      fc.property(sharedArb, fc.integer({ min: 0, max: 12 }), requestedArb, (run, taken, requested) => {
        expect(sharedQuote(run, taken, requested)).toEqual(sharedQuote({ ...run }, taken, requested))
      }),
    )
  })
})
