// Payment states (issue 14): "dispute" needs a payment to be about.
import { expect, test } from 'vitest'
import { db } from '@/lib/db'
import { createDriver, createRider, createTrip } from '@/lib/testing/factories'
import { bookSeats } from './book-seats'
import { markPayment } from './mark-payment'

async function confirmedBooking() {
  const { driver, car } = await createDriver()
  const trip = await createTrip({ driverId: driver.id, carId: car.id })
  const { rider, travellerId } = await createRider()
  const { bookingId } = await bookSeats(rider, { tripId: trip.id, travellerIds: [travellerId], acknowledgeWarning: false, joinWaitlist: false }).then((r) => ({ bookingId: r.id }))
  return { driver, rider, bookingId }
}

test.each(['rider', 'driver'] as const)('the %s cannot dispute a payment nobody has made; after "paid" they can', async (who) => {
  const { driver, rider, bookingId } = await confirmedBooking()
  const actor = who === 'rider' ? rider : driver
  await expect(markPayment(actor, { bookingId, state: 'DISPUTED' })).rejects.toMatchObject({ code: 'BAD_PAYMENT_CHANGE' })
  expect((await db.booking.findUniqueOrThrow({ where: { id: bookingId } })).paymentState).toBe('OWED')
  await markPayment(rider, { bookingId, state: 'PAID' })
  await markPayment(actor, { bookingId, state: 'DISPUTED' })
  expect((await db.booking.findUniqueOrThrow({ where: { id: bookingId } })).paymentState).toBe('DISPUTED')
})
