import { describe, expect, test } from 'vitest'
import { partyQuote, type PricedRun } from './party-quote'

const perSeat: PricedRun = { pricingMode: 'PER_SEAT', pricePerSeatTenge: 4_500, totalCostTenge: null, minRiders: 1, driverShares: false, seatsTotal: 4, seatsTaken: 1 }
const shared: PricedRun = { pricingMode: 'SHARED_COST', pricePerSeatTenge: null, totalCostTenge: 24_000, minRiders: 4, driverShares: false, seatsTotal: 7, seatsTaken: 0 }

describe('partyQuote', () => {
  test.each([
    { label: 'per seat: two seats cost twice the price, now and at most', run: perSeat, seats: 2, expected: { seats: 2, nowTenge: 9_000, capTenge: 9_000, fits: true } },
    { label: 'shared, first party of two below the minimum of 4: each seat pays the cap', run: shared, seats: 2, expected: { seats: 2, nowTenge: 12_000, capTenge: 12_000, perSeatCapTenge: 6_000, fits: true } },
    {
      label: 'shared, a party joining 4 riders: 24,000 ÷ 6 = 4,000 a seat now, cap stays 6,000',
      run: { ...shared, seatsTaken: 4 },
      seats: 2,
      expected: { seats: 2, nowTenge: 8_000, capTenge: 12_000, perSeatNowTenge: 4_000, fits: true },
    },
    {
      label: 'a party larger than the seats left does not fit (the quote counts it as if it did, like the waitlist)',
      run: { ...shared, seatsTaken: 6 },
      seats: 3,
      expected: { seats: 3, nowTenge: 3 * 3_429, capTenge: 18_000, fits: false },
    },
    { label: 'no seat ticked is quoted as one seat', run: perSeat, seats: 0, expected: { seats: 1, nowTenge: 4_500 } },
    { label: 'more seats than the car has are quoted for the whole car', run: perSeat, seats: 9, expected: { seats: 4, nowTenge: 18_000, fits: false } },
  ])('$label', ({ run, seats, expected }) => {
    expect(partyQuote(run, seats)).toMatchObject(expected)
  })
})
