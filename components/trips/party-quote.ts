// The quote a party of N would get on a run right now, computed exactly as the services do
// (lib/trips/get-trip-details.ts): the party is the last booker and the seats already taken are
// counted, but never so many that the party would not fit. Pure, so the booking form recomputes it
// in the browser as travellers are ticked.
import { quoteBooking, type BookingQuote } from '@/lib/money/quote-booking'

export type PricedRun = {
  pricingMode: 'PER_SEAT' | 'SHARED_COST'
  pricePerSeatTenge: number | null
  totalCostTenge: number | null
  minRiders: number
  driverShares: boolean
  seatsTotal: number
  seatsTaken: number
}

export type PartyQuote = BookingQuote & { seats: number; fits: boolean }

export function partyQuote(run: PricedRun, seats: number): PartyQuote {
  const requested = Math.max(1, Math.min(Math.trunc(seats) || 1, run.seatsTotal))
  const quote = quoteBooking({
    pricingMode: run.pricingMode,
    pricePerSeatTenge: run.pricePerSeatTenge,
    totalCostTenge: run.totalCostTenge,
    minRiders: run.minRiders,
    driverShares: run.driverShares,
    seatsAlreadyTaken: Math.max(0, Math.min(run.seatsTaken, run.seatsTotal - requested)),
    seatsRequested: requested,
  })
  return { ...quote, seats: requested, fits: run.seatsTaken + requested <= run.seatsTotal }
}
