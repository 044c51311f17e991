// SHARED_COST pricing: the driver states the run's total cost in whole tenge and it is split among
// the sharers on board (rider seats, plus the driver when `driverShares`). Decision record:
// docs/decisions/003-shared-cost-cap.md.
//
// ROUNDING. Tenge have no fractions (tiyn left circulation in 2012), so we never round a share on its
// own; that invents or loses tenge. Every sharer gets floor(total / sharers) and the leftover,
// total mod sharers (always fewer than the sharers), goes ONE TENGE EACH TO THE LAST-BOOKED RIDER
// SEATS: walk the rider seats in booking order and the last `leftover` seats pay one tenge more.
// Why this rule rather than round-robin from the first party or a rotation keyed on the run id:
//   - It does not always hit the same person: who books last differs run to run, and the extra is
//     at most 1 ₸ per seat.
//   - The quote shown at booking is what you pay if nobody else books (you are the last booker),
//     and it never goes up when others book after you (proof at `splitSharedCost`). A rotating or
//     first-party rule can move a leftover tenge onto a party that booked earlier.
//   - Everyone can see why a seat pays 1 ₸ more; no hidden hash.
// The driver never takes a leftover tenge: leftover < sharers ≤ rider seats + 1, so leftover ≤ rider
// seats, and the rider seats always absorb it.
import { divideWhole } from '@/lib/money/divide-whole'
import { MoneyInputError } from '@/lib/money/errors'
import { perSeatAmount } from '@/lib/money/per-seat'
import { assertCount, assertTenge } from '@/lib/money/validate-input'

export type SharedCostRun = { totalTenge: number; minRiders: number; driverShares: boolean }

export type SharedCostParty = { id: string; seats: number }

export type SharedCostSplit = {
  /** In the caller's (booking) order. `amountTenge` ≤ `capTenge` = cap per seat × seats, always. */
  parties: { id: string; seats: number; amountTenge: number; capTenge: number }[]
  /** The driver's part: a regular share (never rounded up) or 0; below minRiders, what the riders' caps leave. */
  driverShareTenge: number
  /** People on board who share the cost: rider seats + 1 when the driver shares. */
  sharers: number
  /** Tenge that did not divide evenly and went 1 ₸ each to the last-booked rider seats (0 below minRiders). */
  leftoverTenge: number
}

/**
 * The most one rider seat can ever be charged: the share if only `minRiders` seats travel,
 * ceil(total / (minRiders + (driverShares ? 1 : 0))). Shown at booking; the cap of a party is
 * this × its seats.
 */
export function sharedCostCapPerSeat(input: SharedCostRun): number {
  assertTenge('totalTenge', input.totalTenge)
  assertCount('minRiders', input.minRiders, 1)
  const { quotient, remainder } = divideWhole(input.totalTenge, input.minRiders + (input.driverShares ? 1 : 0))
  return remainder > 0 ? quotient + 1 : quotient
}

/**
 * Splits a SHARED_COST run's total among the parties on board (`parties` in booking order, earliest
 * first). Deterministic: the result depends only on the input. Σ party amounts + driverShareTenge
 * = totalTenge exactly. The cases, with R = rider seats, d = 1 if the driver shares, m = minRiders + d,
 * cap = ceil(total / m):
 *
 * 1. R ≥ minRiders — even split among s = R + d sharers, q = floor(total / s), leftover r = total
 *    mod s to the last r rider seats; the driver pays q.
 *    Cap holds: every seat pays q or q + 1, and q + 1 only when r > 0, so at most ceil(total / s);
 *    s ≥ minRiders + d = m and ceil is monotone, so ceil(total / s) ≤ ceil(total / m) = cap.
 *    Seats differ by at most 1 ₸.
 * 2. 0 < R < minRiders — each rider seat pays exactly the cap (what was promised, no more), and the
 *    driver absorbs the rest: total − R × cap.
 *    This needs R × cap ≤ total, true whenever total ≥ (m − 1)²: R ≤ m − 1 and
 *    (m − 1) × ceil(total / m) ≤ (m − 1)(total + m − 1) / m ≤ total ⇔ total ≥ (m − 1)². So it holds
 *    for any real run (seats_total ≤ 8 ⇒ m ≤ 9 ⇒ from 64 ₸). A sharing driver then bears at least
 *    the cap, i.e. at least any rider seat: R + 1 ≤ minRiders = m − 1, so (R + 1) × cap ≤
 *    (m − 1) × cap ≤ total by the same bound.
 * 2b. 0 < R < minRiders and R × cap > total (tiny totals only) — charging the cap would leave the
 *    driver a negative part, so the riders split the whole total evenly as in case 1 with s = R
 *    and the driver pays 0. Cap holds: cap > total / R and cap is an integer, so cap ≥ ceil(total / R).
 * 3. R = 0 — the driver pays everything.
 *
 * Adding a party at the end never raises an earlier party's amount. Within and across cases 1/2b
 * (sharers S → S' ≥ S, rider seats R → R' ≥ R, q = floor(total/S), q' = floor(total/S')): if q' < q
 * a seat now pays ≤ q' + 1 ≤ q ≤ before; if q' = q then r' = r − q(S' − S) ≤ r, so a seat at
 * position p gets the extra only if p ≥ R' − r' ≥ R − r, i.e. it had the extra before too. From
 * case 2 every seat paid the cap, which bounds every later amount.
 */
export function splitSharedCost(input: SharedCostRun & { parties: SharedCostParty[] }): SharedCostSplit {
  const capPerSeat = sharedCostCapPerSeat(input)
  const { totalTenge, minRiders } = input
  const driverSharers = input.driverShares ? 1 : 0

  const seen = new Set<string>()
  let riderSeats = 0
  input.parties.forEach((party, index) => {
    assertCount(`parties[${index}].seats`, party.seats, 1)
    if (seen.has(party.id)) throw new MoneyInputError('DUPLICATE_PARTY', `parties[${index}].id`, `party ${party.id} listed twice`)
    seen.add(party.id)
    riderSeats += party.seats
    if (!Number.isSafeInteger(riderSeats)) throw new MoneyInputError('OVERFLOW', `parties[${index}].seats`, 'too many seats')
  })

  // Per rider seat: `base`, plus 1 ₸ for the last `leftover` seats in booking order.
  let base: number
  let leftover: number
  let driverShareTenge: number
  if (riderSeats === 0) {
    base = 0
    leftover = 0
    driverShareTenge = totalTenge
  } else if (riderSeats >= minRiders) {
    const split = divideWhole(totalTenge, riderSeats + driverSharers)
    base = split.quotient
    leftover = split.remainder
    driverShareTenge = driverSharers * split.quotient
  } else if (riderSeats * capPerSeat <= totalTenge) {
    base = capPerSeat
    leftover = 0
    driverShareTenge = totalTenge - riderSeats * capPerSeat
  } else {
    const split = divideWhole(totalTenge, riderSeats)
    base = split.quotient
    leftover = split.remainder
    driverShareTenge = 0
  }

  const firstExtraSeat = riderSeats - leftover
  let seatsBefore = 0
  const parties = input.parties.map((party) => {
    const start = seatsBefore
    const end = start + party.seats
    seatsBefore = end
    const extraSeats = Math.max(0, end - Math.max(start, firstExtraSeat))
    return {
      id: party.id,
      seats: party.seats,
      amountTenge: base * party.seats + extraSeats,
      capTenge: perSeatAmount({ pricePerSeatTenge: capPerSeat, seats: party.seats }),
    }
  })

  return { parties, driverShareTenge, sharers: riderSeats + driverSharers, leftoverTenge: leftover }
}
