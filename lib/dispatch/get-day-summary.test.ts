import { describe, expect, test } from 'vitest'
import { markPayment } from '@/lib/bookings/mark-payment'
import { addDaysIso, kzInstant, todayInKz } from '@/lib/dates/kz-date'
import { markBoarding } from '@/lib/trips/mark-boarding'
import { setTripStatus } from '@/lib/trips/set-trip-status'
import { fillRate, getDaySummary } from './get-day-summary'
import { bookParty, groupWithRuns } from './testing-board'

describe('fillRate', () => {
  test.each([
    { label: 'nothing offered', sold: 0, offered: 0, rate: 0 },
    { label: 'full', sold: 4, offered: 4, rate: 100 },
    { label: 'rounded to a whole percent', sold: 5, offered: 7, rate: 71 },
    { label: 'one of three', sold: 1, offered: 3, rate: 33 },
  ])('$label', ({ sold, offered, rate }) => expect(fillRate(sold, offered)).toBe(rate))
})

const at = (time: string) => kzInstant(addDaysIso(todayInKz(), 1), time)

describe('getDaySummary', () => {
  test('seats offered and sold, fill rate, check-ins, no-shows and money by payment state, per run and in total', async () => {
    const { coordinator, group, runs } = await groupWithRuns([4, 3, 4], [
      { departureAt: at('07:00') },
      { departureAt: at('08:00'), pricePerSeatTenge: 5000, seatPriceTenge: 5000 },
      { departureAt: at('09:00') },
    ])
    const [a, b, c] = runs as [(typeof runs)[0], (typeof runs)[0], (typeof runs)[0]]
    const pair = await bookParty(a.id, { companions: 1 }) // 8 000 ₸, owed
    const paid = await bookParty(a.id) // 4 000 ₸, the rider says paid
    const settled = await bookParty(a.id) // 4 000 ₸, the coordinator confirms receipt
    await bookParty(b.id) // 5 000 ₸, owed
    await bookParty(c.id)
    await markPayment(paid.rider, { bookingId: paid.booking.id, state: 'PAID' })
    await markPayment(coordinator, { bookingId: settled.booking.id, state: 'CONFIRMED' })
    await markBoarding(coordinator, { bookingId: pair.booking.id, position: 0, boarding: 'BOARDED' })
    await markBoarding(coordinator, { bookingId: pair.booking.id, position: 1, boarding: 'NO_SHOW' })
    await setTripStatus(coordinator, { tripId: c.id, status: 'CANCELLED', reason: 'test' })

    const summary = await getDaySummary(coordinator, group.id, addDaysIso(todayInKz(), 1))
    expect(summary.runs.map((r) => [r.id, r.status, r.seatsOffered, r.seatsSold, r.fillRate, r.boarded, r.noShows])).toEqual([
      [a.id, 'SCHEDULED', 4, 4, 100, 1, 1],
      [b.id, 'SCHEDULED', 3, 1, 33, 0, 0],
      [c.id, 'CANCELLED', 0, 0, 0, 0, 0],
    ])
    expect(summary.runs[0]!.money).toEqual({ owedTenge: 8000, paidTenge: 4000, confirmedTenge: 4000, disputedTenge: 0, totalTenge: 16000 })
    expect(summary.runs[1]!.money).toEqual({ owedTenge: 5000, paidTenge: 0, confirmedTenge: 0, disputedTenge: 0, totalTenge: 5000 })
    expect(summary.totals).toEqual({
      runs: 2, cancelledRuns: 1, seatsOffered: 7, seatsSold: 5, fillRate: 71, boarded: 1, noShows: 1,
      money: { owedTenge: 13000, paidTenge: 4000, confirmedTenge: 4000, disputedTenge: 0, totalTenge: 21000 },
    })
  })
})
