import { divideWhole } from '@/lib/money/divide-whole'
import { MoneyInputError } from '@/lib/money/errors'
import { perSeatAmount } from '@/lib/money/per-seat'
import { sharedCostCapPerSeat, splitSharedCost } from '@/lib/money/split-shared-cost'
import { assertCount } from '@/lib/money/validate-input'

export type BookingQuote = {
  /** What the party would pay if the run left with the seats booked so far plus this party. */
  nowTenge: number
  /** The most the party can ever be charged, whoever books or cancels later. */
  capTenge: number
  /** The dearest seat of the party now: ceil(nowTenge / seats) (its seats differ by at most 1 ₸). */
  perSeatNowTenge: number
  /** The most one seat can ever be charged. */
  perSeatCapTenge: number
}

/**
 * The figures for the run page and the booking form. PER_SEAT: now = cap = seats × price.
 * SHARED_COST: this party is the last booker, so under the last-booked leftover rule (see
 * split-shared-cost.ts) `nowTenge` is the most it pays with the current bookings and only falls as
 * others join; `capTenge` is the bound for every outcome, including cancellations down to one party.
 * How the seats already taken group into parties does not change this party's amount (the rule
 * looks only at seat positions), so they are passed as one party.
 */
export function quoteBooking(input: {
  pricingMode: 'PER_SEAT' | 'SHARED_COST'
  pricePerSeatTenge: number | null
  totalCostTenge: number | null
  minRiders: number
  driverShares: boolean
  seatsAlreadyTaken: number
  seatsRequested: number
}): BookingQuote {
  assertCount('minRiders', input.minRiders, 1)
  assertCount('seatsAlreadyTaken', input.seatsAlreadyTaken, 0)
  assertCount('seatsRequested', input.seatsRequested, 1)

  if (input.pricingMode === 'PER_SEAT') {
    if (input.pricePerSeatTenge === null) throw new MoneyInputError('MISSING_PRICE', 'pricePerSeatTenge', 'PER_SEAT needs a seat price')
    const amount = perSeatAmount({ pricePerSeatTenge: input.pricePerSeatTenge, seats: input.seatsRequested })
    return { nowTenge: amount, capTenge: amount, perSeatNowTenge: input.pricePerSeatTenge, perSeatCapTenge: input.pricePerSeatTenge }
  }

  if (input.totalCostTenge === null) throw new MoneyInputError('MISSING_PRICE', 'totalCostTenge', 'SHARED_COST needs a total cost')
  const run = { totalTenge: input.totalCostTenge, minRiders: input.minRiders, driverShares: input.driverShares }
  const taken = input.seatsAlreadyTaken > 0 ? [{ id: 'taken', seats: input.seatsAlreadyTaken }] : []
  const split = splitSharedCost({ ...run, parties: [...taken, { id: 'this', seats: input.seatsRequested }] })
  const party = split.parties.at(-1)!
  const { quotient, remainder } = divideWhole(party.amountTenge, party.seats)
  return {
    nowTenge: party.amountTenge,
    capTenge: party.capTenge,
    perSeatNowTenge: remainder > 0 ? quotient + 1 : quotient,
    perSeatCapTenge: sharedCostCapPerSeat(run),
  }
}
