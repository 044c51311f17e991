import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { MoneyInputError } from '@/lib/money/errors'
import { sharedCostCapPerSeat, splitSharedCost, type SharedCostParty } from '@/lib/money/split-shared-cost'

const singles = (count: number): SharedCostParty[] => Array.from({ length: count }, (_, i) => ({ id: `r${i + 1}`, seats: 1 }))
const partiesOf = (seatCounts: number[]): SharedCostParty[] => seatCounts.map((seats, i) => ({ id: `p${i + 1}`, seats }))

/**
 * Slow, obviously-correct reference, one rider seat at a time: the cap is found by counting up,
 * tenge are dealt one full round at a time, and the leftover tenge go one by one to rider seats
 * from the last-booked backwards.
 */
function referenceSplit(total: number, minRiders: number, driverShares: boolean, seatCounts: number[]) {
  const sharersAtMinimum = minRiders + (driverShares ? 1 : 0)
  let cap = 0
  while (cap * sharersAtMinimum < total) cap += 1
  const riderSeats = seatCounts.reduce((sum, n) => sum + n, 0)
  if (riderSeats === 0) return { cap, seats: [] as number[], driver: total }
  if (riderSeats < minRiders && riderSeats * cap <= total) {
    return { cap, seats: Array<number>(riderSeats).fill(cap), driver: total - riderSeats * cap }
  }
  const driverInSplit = driverShares && riderSeats >= minRiders
  const seats = Array<number>(riderSeats).fill(0)
  let driver = 0
  let remaining = total
  const sharers = riderSeats + (driverInSplit ? 1 : 0)
  while (remaining >= sharers) {
    for (let i = 0; i < riderSeats; i++) seats[i]! += 1
    if (driverInSplit) driver += 1
    remaining -= sharers
  }
  for (let i = riderSeats - 1; remaining > 0; i--) {
    seats[i]! += 1
    remaining -= 1
  }
  return { cap, seats, driver }
}

/** Sums the reference's seat amounts back into parties. */
function partyAmounts(seatAmounts: number[], seatCounts: number[]): number[] {
  let next = 0
  return seatCounts.map((n) => {
    const amount = seatAmounts.slice(next, next + n).reduce((sum, a) => sum + a, 0)
    next += n
    return amount
  })
}

describe('sharedCostCapPerSeat', () => {
  test.each([
    { label: '24,000 ₸, at least 4 riders, driver does not share → 6,000 ₸', totalTenge: 24_000, minRiders: 4, driverShares: false, cap: 6_000 },
    { label: '24,000 ₸, at least 4 riders, driver shares → ÷5 = 4,800 ₸', totalTenge: 24_000, minRiders: 4, driverShares: true, cap: 4_800 },
    { label: '10,000 ₸ among at least 3 rounds up to 3,334 ₸', totalTenge: 10_000, minRiders: 3, driverShares: false, cap: 3_334 },
    { label: 'minimum of 1 rider alone: the whole total', totalTenge: 7_777, minRiders: 1, driverShares: false, cap: 7_777 },
    { label: 'a free run caps at 0', totalTenge: 0, minRiders: 2, driverShares: true, cap: 0 },
    { label: 'largest safe total still rounds exactly', totalTenge: Number.MAX_SAFE_INTEGER, minRiders: 2, driverShares: false, cap: 4_503_599_627_370_496 },
  ])('$label', ({ totalTenge, minRiders, driverShares, cap }) => {
    expect(sharedCostCapPerSeat({ totalTenge, minRiders, driverShares })).toBe(cap)
  })
})

describe('splitSharedCost: worked examples', () => {
  test.each([
    {
      label: '24,000 ₸ among 7 single seats: 3,428 ₸ each, the 4 leftover tenge to the 4 last-booked seats',
      input: { totalTenge: 24_000, minRiders: 4, driverShares: false, parties: singles(7) },
      amounts: [3_428, 3_428, 3_428, 3_429, 3_429, 3_429, 3_429],
      driverShareTenge: 0, sharers: 7, leftoverTenge: 4,
    },
    {
      label: '10,000 ₸ among 3: the one leftover tenge goes to the last booker',
      input: { totalTenge: 10_000, minRiders: 3, driverShares: false, parties: singles(3) },
      amounts: [3_333, 3_333, 3_334],
      driverShareTenge: 0, sharers: 3, leftoverTenge: 1,
    },
    {
      label: 'driver shares 24,000 ₸ with 7 seats in four parties: 3,000 ₸ a head',
      input: { totalTenge: 24_000, minRiders: 4, driverShares: true, parties: partiesOf([2, 1, 3, 1]) },
      amounts: [6_000, 3_000, 9_000, 3_000],
      driverShareTenge: 3_000, sharers: 8, leftoverTenge: 0,
    },
    {
      label: 'driver shares 10,001 ₸ with 3 riders: the leftover tenge goes to a rider, never the driver',
      input: { totalTenge: 10_001, minRiders: 3, driverShares: true, parties: singles(3) },
      amounts: [2_500, 2_500, 2_501],
      driverShareTenge: 2_500, sharers: 4, leftoverTenge: 1,
    },
    {
      label: 'driver shares 10,003 ₸ with 3 riders: all 3 leftover tenge go to riders',
      input: { totalTenge: 10_003, minRiders: 1, driverShares: true, parties: singles(3) },
      amounts: [2_501, 2_501, 2_501],
      driverShareTenge: 2_500, sharers: 4, leftoverTenge: 3,
    },
    {
      label: 'fewer riders than the minimum: each seat pays the 4,800 ₸ cap, the driver absorbs 14,400 ₸',
      input: { totalTenge: 24_000, minRiders: 4, driverShares: true, parties: singles(2) },
      amounts: [4_800, 4_800],
      driverShareTenge: 14_400, sharers: 3, leftoverTenge: 0,
    },
    {
      label: 'one rider of a minimum of 4, driver not sharing: pays the 6,000 ₸ cap, the driver 18,000 ₸',
      input: { totalTenge: 24_000, minRiders: 4, driverShares: false, parties: singles(1) },
      amounts: [6_000],
      driverShareTenge: 18_000, sharers: 1, leftoverTenge: 0,
    },
    {
      label: 'one party of 3 seats with a sharing driver: 3 × 2,500 + the leftover tenge on its last seat',
      input: { totalTenge: 10_001, minRiders: 2, driverShares: true, parties: partiesOf([3]) },
      amounts: [7_501],
      driverShareTenge: 2_500, sharers: 4, leftoverTenge: 1,
    },
    {
      label: 'booking order decides the leftover: a single seat booked after a pair takes it',
      input: { totalTenge: 10_000, minRiders: 1, driverShares: false, parties: [{ id: 'pair', seats: 2 }, { id: 'solo', seats: 1 }] },
      amounts: [6_666, 3_334],
      driverShareTenge: 0, sharers: 3, leftoverTenge: 1,
    },
    {
      label: 'booking order decides the leftover: a pair booked after a single seat takes it',
      input: { totalTenge: 10_000, minRiders: 1, driverShares: false, parties: [{ id: 'solo', seats: 1 }, { id: 'pair', seats: 2 }] },
      amounts: [3_333, 6_667],
      driverShareTenge: 0, sharers: 3, leftoverTenge: 1,
    },
    {
      label: 'zero parties: the driver pays the whole total',
      input: { totalTenge: 24_000, minRiders: 3, driverShares: true, parties: [] },
      amounts: [],
      driverShareTenge: 24_000, sharers: 1, leftoverTenge: 0,
    },
    {
      label: 'tiny total below the minimum (3 caps of 2 ₸ > 5 ₸): riders split 5 ₸, the driver pays nothing',
      input: { totalTenge: 5, minRiders: 4, driverShares: false, parties: singles(3) },
      amounts: [1, 2, 2],
      driverShareTenge: 0, sharers: 3, leftoverTenge: 2,
    },
    {
      label: 'a free run costs nobody anything',
      input: { totalTenge: 0, minRiders: 1, driverShares: true, parties: partiesOf([1, 2]) },
      amounts: [0, 0],
      driverShareTenge: 0, sharers: 4, leftoverTenge: 0,
    },
  ])('$label', ({ input, amounts, driverShareTenge, sharers, leftoverTenge }) => {
    const cap = sharedCostCapPerSeat(input)
    expect(splitSharedCost(input)).toEqual({
      parties: input.parties.map((party, i) => ({ id: party.id, seats: party.seats, amountTenge: amounts[i], capTenge: cap * party.seats })),
      driverShareTenge,
      sharers,
      leftoverTenge,
    })
  })
})

describe('splitSharedCost: bad inputs throw MoneyInputError', () => {
  const run = { totalTenge: 10_000, minRiders: 2, driverShares: false, parties: singles(2) }
  test.each([
    { label: 'fractional total', input: { ...run, totalTenge: 100.5 }, code: 'INVALID_TENGE', field: 'totalTenge' },
    { label: 'negative total', input: { ...run, totalTenge: -1 }, code: 'INVALID_TENGE', field: 'totalTenge' },
    { label: 'NaN total', input: { ...run, totalTenge: Number.NaN }, code: 'INVALID_TENGE', field: 'totalTenge' },
    { label: 'infinite total', input: { ...run, totalTenge: Number.POSITIVE_INFINITY }, code: 'INVALID_TENGE', field: 'totalTenge' },
    { label: 'total beyond safe integers', input: { ...run, totalTenge: 2 ** 53 }, code: 'INVALID_TENGE', field: 'totalTenge' },
    { label: 'minimum of 0 riders', input: { ...run, minRiders: 0 }, code: 'INVALID_COUNT', field: 'minRiders' },
    { label: 'fractional minimum', input: { ...run, minRiders: 1.5 }, code: 'INVALID_COUNT', field: 'minRiders' },
    { label: 'party of 0 seats', input: { ...run, parties: [{ id: 'a', seats: 1 }, { id: 'b', seats: 0 }] }, code: 'INVALID_COUNT', field: 'parties[1].seats' },
    { label: 'party of 1.5 seats', input: { ...run, parties: [{ id: 'a', seats: 1.5 }] }, code: 'INVALID_COUNT', field: 'parties[0].seats' },
    { label: 'the same party twice', input: { ...run, parties: [{ id: 'a', seats: 1 }, { id: 'a', seats: 2 }] }, code: 'DUPLICATE_PARTY', field: 'parties[1].id' },
    { label: 'a party cap beyond safe integers', input: { ...run, totalTenge: 2 ** 52, minRiders: 1, parties: [{ id: 'a', seats: 3 }] }, code: 'OVERFLOW', field: 'seats' },
  ])('$label', ({ input, code, field }) => {
    expect(() => splitSharedCost(input)).toThrow(MoneyInputError)
    expect(() => splitSharedCost(input)).toThrow(expect.objectContaining({ code, field }))
  })

  test('the cap alone validates too', () => {
    expect(() => sharedCostCapPerSeat({ totalTenge: -5, minRiders: 1, driverShares: false })).toThrow(expect.objectContaining({ code: 'INVALID_TENGE' }))
    expect(() => sharedCostCapPerSeat({ totalTenge: 5, minRiders: 0, driverShares: true })).toThrow(expect.objectContaining({ code: 'INVALID_COUNT' }))
  })
})

// Totals: small ones (where the rounding and the tiny-total branch bite) and run-sized ones.
const totalArb = fc.oneof(fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 300_000 }))
const runArb = fc.record({ totalTenge: totalArb, minRiders: fc.integer({ min: 1, max: 8 }), driverShares: fc.boolean() })
const seatCountsArb = fc.array(fc.integer({ min: 1, max: 4 }), { maxLength: 7 })

describe('splitSharedCost: properties', () => {
  test('Σ parties + driver = total exactly, in non-negative whole tenge', () => {
    fc.assert(
      fc.property(runArb, seatCountsArb, (run, seatCounts) => {
        const split = splitSharedCost({ ...run, parties: partiesOf(seatCounts) })
        const amounts = [...split.parties.map((p) => p.amountTenge), split.driverShareTenge]
        for (const amount of amounts) expect(Number.isSafeInteger(amount) && amount >= 0).toBe(true)
        expect(amounts.reduce((sum, a) => sum + a, 0)).toBe(run.totalTenge)
      }),
    )
  })

  test('matches the seat-by-seat reference', () => {
    fc.assert(
      fc.property(runArb, seatCountsArb, (run, seatCounts) => {
        const split = splitSharedCost({ ...run, parties: partiesOf(seatCounts) })
        const reference = referenceSplit(run.totalTenge, run.minRiders, run.driverShares, seatCounts)
        expect(sharedCostCapPerSeat(run)).toBe(reference.cap)
        expect(split.parties.map((p) => p.amountTenge)).toEqual(partyAmounts(reference.seats, seatCounts))
        expect(split.driverShareTenge).toBe(reference.driver)
        expect(split.sharers).toBe(seatCounts.reduce((s, n) => s + n, 0) + (run.driverShares ? 1 : 0))
      }),
    )
  })

  test('every seat pays at most the cap per seat', () => {
    fc.assert(
      fc.property(runArb, fc.integer({ min: 0, max: 12 }), (run, riders) => {
        const cap = sharedCostCapPerSeat(run)
        for (const party of splitSharedCost({ ...run, parties: singles(riders) }).parties) expect(party.amountTenge).toBeLessThanOrEqual(cap)
        for (const seat of referenceSplit(run.totalTenge, run.minRiders, run.driverShares, [riders]).seats) expect(seat).toBeLessThanOrEqual(cap)
      }),
    )
  })

  test('every party pays at most its cap, which is cap per seat × seats', () => {
    fc.assert(
      fc.property(runArb, seatCountsArb, (run, seatCounts) => {
        const cap = sharedCostCapPerSeat(run)
        for (const party of splitSharedCost({ ...run, parties: partiesOf(seatCounts) }).parties) {
          expect(party.capTenge).toBe(cap * party.seats)
          expect(party.amountTenge).toBeLessThanOrEqual(party.capTenge)
        }
      }),
    )
  })

  test('with at least minRiders seats, rider seats differ by at most 1 ₸ and the driver takes no leftover', () => {
    fc.assert(
      fc.property(runArb, fc.integer({ min: 1, max: 12 }), (run, riders) => {
        fc.pre(riders >= run.minRiders)
        const split = splitSharedCost({ ...run, parties: singles(riders) })
        const amounts = split.parties.map((p) => p.amountTenge)
        expect(Math.max(...amounts) - Math.min(...amounts)).toBeLessThanOrEqual(1)
        expect(split.leftoverTenge).toBe(run.totalTenge % split.sharers)
        expect(split.driverShareTenge).toBe(run.driverShares ? Math.floor(run.totalTenge / split.sharers) : 0)
        if (run.driverShares) expect(split.driverShareTenge).toBeLessThanOrEqual(Math.min(...amounts))
      }),
    )
  })

  test('parties of several seats: per-seat amounts across parties differ by at most 1 ₸ too', () => {
    fc.assert(
      fc.property(runArb, seatCountsArb, (run, seatCounts) => {
        fc.pre(seatCounts.reduce((s, n) => s + n, 0) >= run.minRiders)
        const parties = splitSharedCost({ ...run, parties: partiesOf(seatCounts) }).parties
        const highest = Math.max(...parties.map((p) => Math.ceil(p.amountTenge / p.seats)))
        const lowest = Math.min(...parties.map((p) => Math.floor(p.amountTenge / p.seats)))
        expect(highest - lowest).toBeLessThanOrEqual(1)
      }),
    )
  })

  test('the leftover tenge land one each on the last-booked seats, never on earlier ones', () => {
    fc.assert(
      fc.property(runArb, fc.integer({ min: 2, max: 12 }), (run, riders) => {
        fc.pre(riders >= run.minRiders)
        const split = splitSharedCost({ ...run, parties: singles(riders) })
        fc.pre(split.leftoverTenge > 0)
        const base = Math.floor(run.totalTenge / split.sharers)
        const left = split.leftoverTenge
        expect(split.parties.map((p) => p.amountTenge)).toEqual([...Array<number>(riders - left).fill(base), ...Array<number>(left).fill(base + 1)])
      }),
    )
  })

  test('below minRiders (for totals ≥ (m − 1)²): each seat pays exactly the cap and the driver absorbs the rest', () => {
    fc.assert(
      fc.property(runArb, fc.integer({ min: 1, max: 7 }), (run, riders) => {
        const sharersAtMinimum = run.minRiders + (run.driverShares ? 1 : 0)
        fc.pre(riders < run.minRiders && run.totalTenge >= (sharersAtMinimum - 1) ** 2)
        const cap = sharedCostCapPerSeat(run)
        const split = splitSharedCost({ ...run, parties: singles(riders) })
        for (const party of split.parties) expect(party.amountTenge).toBe(cap)
        expect(split.driverShareTenge).toBe(run.totalTenge - riders * cap)
        expect(split.leftoverTenge).toBe(0)
        if (run.driverShares) expect(split.driverShareTenge).toBeGreaterThanOrEqual(cap)
      }),
    )
  })

  test('deterministic: the same input gives the same output and is not mutated', () => {
    fc.assert(
      fc.property(runArb, seatCountsArb, (run, seatCounts) => {
        const input = { ...run, parties: partiesOf(seatCounts) }
        const before = structuredClone(input)
        const first = splitSharedCost(input)
        expect(input).toEqual(before)
        expect(splitSharedCost(structuredClone(input))).toEqual(first)
      }),
    )
  })

  test('adding a party never raises an earlier party’s amount, so never above its cap', () => {
    fc.assert(
      fc.property(runArb, seatCountsArb, fc.integer({ min: 1, max: 4 }), (run, seatCounts, newSeats) => {
        const before = splitSharedCost({ ...run, parties: partiesOf(seatCounts) })
        const after = splitSharedCost({ ...run, parties: [...partiesOf(seatCounts), { id: 'late', seats: newSeats }] })
        before.parties.forEach((party, i) => {
          const later = after.parties[i]!
          expect(later.id).toBe(party.id)
          expect(later.amountTenge).toBeLessThanOrEqual(party.amountTenge)
          expect(later.amountTenge).toBeLessThanOrEqual(party.capTenge)
        })
      }),
    )
  })

  test('large totals stay exact', () => {
    fc.assert(
      fc.property(
        fc.record({ totalTenge: fc.integer({ min: 0, max: Math.floor(Number.MAX_SAFE_INTEGER / 8) }), minRiders: fc.integer({ min: 1, max: 8 }), driverShares: fc.boolean() }),
        fc.array(fc.integer({ min: 1, max: 2 }), { maxLength: 4 }),
        (run, seatCounts) => {
          const split = splitSharedCost({ ...run, parties: partiesOf(seatCounts) })
          const sum = split.parties.reduce((s, p) => s + BigInt(p.amountTenge), BigInt(split.driverShareTenge))
          expect(sum).toBe(BigInt(run.totalTenge))
          const cap = sharedCostCapPerSeat(run)
          const sharersAtMinimum = BigInt(run.minRiders + (run.driverShares ? 1 : 0))
          expect(BigInt(cap) * sharersAtMinimum >= BigInt(run.totalTenge)).toBe(true)
          expect(BigInt(cap - 1) * sharersAtMinimum < BigInt(run.totalTenge) || cap === 0).toBe(true)
        },
      ),
    )
  })
})
