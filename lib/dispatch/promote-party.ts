// A coordinator promotes one particular waitlisted party (not just the first in line) when it fits:
// the seats are taken with the same conditional UPDATE as booking, the party's travellers are
// checked again for the run's dates (their travel log may have changed since they joined the
// waitlist), and the promotion is confirmed at once — the coordinator manages the run, so no
// second approval is asked. Told to the rider and the driver; audited.
import { z } from 'zod'
import type { Actor } from '@/lib/auth/permissions'
import { checkTraveller, loadTravellersForCheck, worstVerdict } from '@/lib/bookings/legal-check'
import { isoFromDbDate } from '@/lib/dates/kz-date'
import { db } from '@/lib/db'
import { writeAudit } from '@/lib/dispatch/audit'
import { verdictDetails } from '@/lib/dispatch/verdict-details'
import { AppError } from '@/lib/errors'
import type { Prisma } from '@/lib/generated/prisma/client'
import { quoteBooking } from '@/lib/money/quote-booking'
import { notify } from '@/lib/notifications/notify'
import { RULE_VERSION } from '@/lib/stay-rules'
import { loadManagedTrip } from '@/lib/trips/managed-trip'

export const promotePartySchema = z.strictObject({ bookingId: z.uuid() })

export async function promoteParty(actor: Actor, input: z.infer<typeof promotePartySchema>, now: Date = new Date()) {
  return db.$transaction(async (tx) => {
    const found = await tx.booking.findUnique({ where: { id: input.bookingId }, select: { tripId: true } })
    if (!found) throw new AppError('NOT_FOUND')
    const trip = await loadManagedTrip(tx, actor, found.tripId, { lock: true })
    // Re-read under the run's lock: the party may have been promoted, moved or cancelled meanwhile.
    const booking = await tx.booking.findUniqueOrThrow({
      where: { id: input.bookingId },
      select: { id: true, tripId: true, status: true, seats: true, capTenge: true, riderId: true, travellers: { select: { travellerId: true, position: true }, orderBy: { position: 'asc' } } },
    })
    if (booking.tripId !== trip.id || booking.status !== 'WAITLISTED') throw new AppError('NOT_WAITLISTED', { status: 409 })
    if (trip.status !== 'SCHEDULED' || trip.departureAt <= now) throw new AppError('TRIP_NOT_BOOKABLE', { status: 409 })

    const travellerIds = booking.travellers.map((t) => t.travellerId)
    if (!booking.riderId || travellerIds.some((id) => id === null)) throw new AppError('BOOKING_CHANGED', { status: 409 })
    const travellers = await loadTravellersForCheck(tx, booking.riderId, travellerIds as string[], { bookingId: booking.id })
    const checks = travellers.map((t) => checkTraveller(t, isoFromDbDate(trip.departureOn), trip.returnOn ? isoFromDbDate(trip.returnOn) : null))
    const verdict = worstVerdict(checks)
    if (verdict === 'BLOCKED') throw new AppError('LEGAL_BLOCKED', { status: 422, details: verdictDetails(checks) })

    const [taken] = await tx.$queryRaw<{ seats_taken: number; pricing_mode: 'PER_SEAT' | 'SHARED_COST'; price_per_seat_tenge: number | null; total_cost_tenge: number | null; min_riders: number; driver_shares: boolean; driver_id: string }[]>`
      UPDATE trips SET seats_taken = seats_taken + ${booking.seats}, updated_at = now()
      WHERE id = ${trip.id}::uuid AND seats_taken + ${booking.seats} <= seats_total
      RETURNING seats_taken, pricing_mode, price_per_seat_tenge, total_cost_tenge, min_riders, driver_shares, driver_id`
    if (!taken) throw new AppError('PROMOTE_NO_ROOM', { status: 409, params: { left: trip.seatsTotal - trip.seatsTaken, seats: booking.seats } })

    const quote = quoteBooking({
      pricingMode: taken.pricing_mode, pricePerSeatTenge: taken.price_per_seat_tenge, totalCostTenge: taken.total_cost_tenge,
      minRiders: taken.min_riders, driverShares: taken.driver_shares, seatsAlreadyTaken: taken.seats_taken - booking.seats, seatsRequested: booking.seats,
    })
    await tx.booking.update({
      where: { id: booking.id },
      data: { status: 'CONFIRMED', decidedAt: now, expiresAt: null, verdict, ruleVersion: RULE_VERSION, verdictWorsenedAt: null, quotedTenge: Math.min(quote.nowTenge, booking.capTenge) },
    })
    for (const [i, check] of checks.entries()) {
      await tx.bookingTraveller.update({
        where: { bookingId_position: { bookingId: booking.id, position: booking.travellers[i]!.position } },
        data: { verdict: check.verdict, reasons: check.reasons as unknown as Prisma.InputJsonValue, checkInputs: check.inputs as unknown as Prisma.InputJsonValue },
      })
    }
    await notify(tx, [
      { userId: booking.riderId, kind: 'PROMOTED_FROM_WAITLIST', params: { tripId: trip.id, bookingId: booking.id, pending: 0 } },
      { userId: taken.driver_id, kind: 'BOOKING_RECEIVED', params: { tripId: trip.id, bookingId: booking.id, seats: booking.seats, pending: 0 } },
    ])
    await writeAudit(tx, {
      groupId: trip.groupId, actorId: actor.id, action: 'booking.promote', entityType: 'booking', entityId: booking.id,
      before: { tripId: trip.id, status: 'WAITLISTED' }, after: { tripId: trip.id, status: 'CONFIRMED', verdict },
    })
    return { bookingId: booking.id, tripId: trip.id, status: 'CONFIRMED' as const, verdict }
  })
}
