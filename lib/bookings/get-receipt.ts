import type { Actor } from '@/lib/auth/permissions'
import { amountsDue } from '@/lib/bookings/amounts-due'
import { contactSelect, driverContact } from '@/lib/bookings/driver-contact'
import { isoFromDbDate } from '@/lib/dates/kz-date'
import { db } from '@/lib/db'
import { AppError } from '@/lib/errors'

/** A receipt for a confirmed booking: the run, the crossing date and the amount. Only the rider
 * who booked (or the run's driver) may see it. */
export async function getReceipt(actor: Actor, bookingId: string) {
  const booking = await db.booking.findUnique({
    where: { id: bookingId },
    select: {
      id: true, riderId: true, status: true, seats: true, capTenge: true, createdAt: true, paymentState: true, paidAt: true, paymentConfirmedAt: true,
      rider: { select: { name: true } },
      travellers: { select: { name: true, boarding: true }, orderBy: { position: 'asc' } },
      trip: {
        select: {
          id: true, driverId: true, status: true, departureAt: true, departureOn: true, returnOn: true, roundTrip: true, pricingMode: true,
          pricePerSeatTenge: true, totalCostTenge: true, minRiders: true, driverShares: true,
          originCity: { select: { nameRu: true, nameEn: true } }, destinationCity: { select: { nameRu: true, nameEn: true } },
          checkpoint: { select: { nameRu: true, nameEn: true } },
          driver: { select: contactSelect }, car: { select: { make: true, model: true, plate: true } },
        },
      },
    },
  })
  if (!booking || (booking.riderId !== actor.id && booking.trip.driverId !== actor.id)) throw new AppError('NOT_FOUND')
  if (booking.status !== 'CONFIRMED') throw new AppError('BOOKING_NOT_ACTIVE', { status: 409 })
  const confirmed = await db.booking.findMany({ where: { tripId: booking.trip.id, status: 'CONFIRMED' }, select: { id: true, seats: true, capTenge: true, createdAt: true } })
  const amountTenge = amountsDue(booking.trip, confirmed).get(booking.id) ?? 0
  const { driver, ...trip } = booking.trip
  return {
    ...booking,
    trip: { ...trip, driver: driverContact(driver, booking.status) },
    amountTenge,
    crossingOn: isoFromDbDate(booking.trip.departureOn),
    returnOn: booking.trip.returnOn ? isoFromDbDate(booking.trip.returnOn) : null,
  }
}
