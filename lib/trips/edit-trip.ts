// A driver edits a run. Changes that hurt booked riders — a new time, a higher price, another
// checkpoint — are marked on their bookings (they may cancel free) and each rider is told.
// The date itself cannot move once riders booked: their legal check was for that date.
import type { Actor } from '@/lib/auth/permissions'
import { dbDateFromIso, isoFromDbDate, kzDateOf, kzInstant } from '@/lib/dates/kz-date'
import { db } from '@/lib/db'
import { AppError } from '@/lib/errors'
import { recheckAfterChange } from '@/lib/bookings/recheck-bookings'
import { notify } from '@/lib/notifications/notify'
import { seatPriceOf } from '@/lib/trips/publish-trip'
import { assertCheckpointOpen, resolvePickup, resolveRoute } from '@/lib/trips/resolve-route'
import type { EditTripInput } from '@/lib/trips/trip-input'
import { writeAudit } from '@/lib/dispatch/audit'
import { loadManagedTrip } from '@/lib/trips/managed-trip'

const timeOf = (at: Date) => new Date(at.getTime() + 5 * 3_600_000).toISOString().slice(11, 16)

export async function editTrip(actor: Actor, tripId: string, input: EditTripInput, now: Date = new Date()) {
  const result = await editInTx(actor, tripId, input, now)
  // New dates, new legal check for everyone still booked or waiting on the run.
  if (result.datesMoved) await recheckAfterChange({ tripId }, now)
  return result
}

function editInTx(actor: Actor, tripId: string, input: EditTripInput, now: Date) {
  return db.$transaction(async (tx) => {
    await loadManagedTrip(tx, actor, tripId, { lock: true })
    const trip = await tx.trip.findUniqueOrThrow({ where: { id: tripId } })
    if (trip.status !== 'SCHEDULED') throw new AppError('TRIP_NOT_EDITABLE', { status: 409 })
    const live = await tx.booking.findMany({ where: { tripId, status: { in: ['PENDING', 'CONFIRMED', 'WAITLISTED'] } }, select: { id: true, riderId: true } })

    const departureOn = input.departureOn ?? isoFromDbDate(trip.departureOn)
    const departureAt = kzInstant(departureOn, input.departureTime ?? timeOf(trip.departureAt))
    const returnOnIso = trip.roundTrip ? (input.returnOn ?? isoFromDbDate(trip.returnOn!)) : null
    const returnAt = trip.roundTrip ? kzInstant(returnOnIso!, input.returnTime ?? timeOf(trip.returnAt!)) : null
    if (!trip.roundTrip && (input.returnOn || input.returnTime)) throw new AppError('VALIDATION', { fields: { returnOn: [{ key: 'validation.oneWayNoReturn' }] } })
    const datesMoved = departureOn !== isoFromDbDate(trip.departureOn) || (returnOnIso !== null && returnOnIso !== isoFromDbDate(trip.returnOn!))
    if (datesMoved && live.length > 0) throw new AppError('DATE_CHANGE_WITH_BOOKINGS', { status: 409, fields: { departureOn: [{ key: 'errors.DATE_CHANGE_WITH_BOOKINGS' }] } })
    if (departureAt.getTime() <= now.getTime()) throw new AppError('VALIDATION', { fields: { departureTime: [{ key: 'validation.departureInFuture' }] } })
    if (returnAt && returnAt <= departureAt) throw new AppError('VALIDATION', { fields: { returnTime: [{ key: 'validation.returnAfterDeparture' }] } })

    const checkpointId = input.checkpointId ?? trip.checkpointId
    if (input.checkpointId) await resolveRoute(tx, { originCityId: trip.originCityId, checkpointId, destinationCityId: trip.destinationCityId })
    if (input.checkpointId || datesMoved) await assertCheckpointOpen(tx, checkpointId, returnOnIso ? [departureOn, returnOnIso] : [departureOn])
    const pickup = input.pickup ? await resolvePickup(tx, trip.originCityId, input.pickup) : null

    const seatsTotal = input.seatsTotal ?? trip.seatsTotal
    const car = await tx.car.findUniqueOrThrow({ where: { id: trip.carId }, select: { seats: true } })
    if (seatsTotal > car.seats) throw new AppError('VALIDATION', { fields: { seatsTotal: [{ key: 'validation.seatsAboveCar', params: { max: car.seats } }] } })
    if (seatsTotal < trip.seatsTaken) throw new AppError('VALIDATION', { fields: { seatsTotal: [{ key: 'validation.seatsBelowBooked', params: { min: trip.seatsTaken } }] } })

    const pricing = {
      pricingMode: trip.pricingMode,
      pricePerSeatTenge: trip.pricingMode === 'PER_SEAT' ? (input.pricePerSeatTenge ?? trip.pricePerSeatTenge) : null,
      totalCostTenge: trip.pricingMode === 'SHARED_COST' ? (input.totalCostTenge ?? trip.totalCostTenge) : null,
      minRiders: trip.pricingMode === 'SHARED_COST' ? (input.minRiders ?? trip.minRiders) : 1,
      driverShares: trip.pricingMode === 'SHARED_COST' ? (input.driverShares ?? trip.driverShares) : false,
    }
    if (trip.pricingMode === 'PER_SEAT' && input.totalCostTenge !== undefined) throw new AppError('VALIDATION', { fields: { totalCostTenge: [{ key: 'validation.notForPricingMode' }] } })
    if (trip.pricingMode === 'SHARED_COST' && input.pricePerSeatTenge !== undefined) throw new AppError('VALIDATION', { fields: { pricePerSeatTenge: [{ key: 'validation.notForPricingMode' }] } })
    if (pricing.minRiders > seatsTotal) throw new AppError('VALIDATION', { fields: { minRiders: [{ key: 'validation.minRidersAboveSeats' }] } })
    const seatPriceTenge = seatPriceOf(pricing)
    const approvalMode = input.approvalMode ?? trip.approvalMode

    const hurts: string[] = []
    if (departureAt.getTime() !== trip.departureAt.getTime() || (returnAt?.getTime() ?? null) !== (trip.returnAt?.getTime() ?? null)) hurts.push('time')
    if (seatPriceTenge > trip.seatPriceTenge) hurts.push('price')
    if (checkpointId !== trip.checkpointId) hurts.push('checkpoint')
    if (pickup && pickup.pickupLabel !== trip.pickupLabel) hurts.push('pickup')

    const updated = await tx.trip.update({
      where: { id: tripId },
      data: {
        departureAt,
        departureOn: dbDateFromIso(kzDateOf(departureAt)),
        returnAt,
        returnOn: returnAt ? dbDateFromIso(kzDateOf(returnAt)) : null,
        checkpointId,
        ...(pickup ?? {}),
        seatsTotal,
        ...pricing,
        seatPriceTenge,
        approvalMode,
        requestTtlHours: approvalMode === 'MANUAL' ? (input.requestTtlHours ?? trip.requestTtlHours ?? 3) : null,
        notes: input.notes ?? trip.notes,
      },
      select: { id: true },
    })
    await writeAudit(tx, { groupId: trip.groupId, actorId: actor.id, action: 'trip.edit', entityType: 'trip', entityId: tripId, before: { departureAt: trip.departureAt, seatsTotal: trip.seatsTotal, seatPriceTenge: trip.seatPriceTenge, checkpointId: trip.checkpointId }, after: { departureAt, seatsTotal, seatPriceTenge, checkpointId } })
    if (hurts.length && live.length) {
      await tx.booking.updateMany({ where: { id: { in: live.map((b) => b.id) } }, data: { changedByDriverAt: now } })
      await notify(tx, live.map((b) => ({ userId: b.riderId, kind: 'TRIP_CHANGED' as const, params: { tripId, bookingId: b.id, changes: hurts.join(',') } })))
    }
    return { id: updated.id, notified: hurts.length ? live.length : 0, changes: hurts, datesMoved }
  })
}
