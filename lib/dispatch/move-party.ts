// A coordinator moves a party (a booking) to another run: capacity is respected on the target
// (the same conditional UPDATE that guards booking), the legal check is re-run for the new dates,
// both drivers and the rider are told, and the move is audited. A move that meets a change made
// meanwhile (the target filled up) is refused with a clear message — never a silent overwrite.
import { z } from 'zod'
import type { Actor } from '@/lib/auth/permissions'
import { checkTraveller, loadTravellersForCheck, worstVerdict } from '@/lib/bookings/legal-check'
import { promoteWaitlist, releaseSeats } from '@/lib/bookings/promote-waitlist'
import { isoFromDbDate } from '@/lib/dates/kz-date'
import { db } from '@/lib/db'
import { writeAudit } from '@/lib/dispatch/audit'
import { verdictDetails } from '@/lib/dispatch/verdict-details'
import { AppError } from '@/lib/errors'
import type { Prisma } from '@/lib/generated/prisma/client'
import { quoteBooking } from '@/lib/money/quote-booking'
import { notify } from '@/lib/notifications/notify'
import { RULE_VERSION } from '@/lib/stay-rules'
import { canManageTrip } from '@/lib/trips/managed-trip'

export const movePartySchema = z.strictObject({ bookingId: z.uuid(), targetTripId: z.uuid() })

export type MovePartyInput = z.infer<typeof movePartySchema>

type Tx = Prisma.TransactionClient

export async function moveParty(actor: Actor, input: MovePartyInput, now: Date = new Date()) {
  return db.$transaction((tx) => movePartyInTx(tx, actor, input, now))
}

export async function movePartyInTx(tx: Tx, actor: Actor, input: MovePartyInput, now: Date) {
  const booking = await tx.booking.findUnique({
    where: { id: input.bookingId },
    select: { id: true, tripId: true, riderId: true, status: true, seats: true, capTenge: true, travellers: { select: { travellerId: true, position: true }, orderBy: { position: 'asc' } } },
  })
  if (!booking) throw new AppError('NOT_FOUND')
  if (booking.tripId === input.targetTripId) throw new AppError('MOVE_SAME_TRIP', { status: 409 })
  // Both runs locked in a fixed order, so two crossing moves cannot deadlock.
  const [firstId, secondId] = [booking.tripId, input.targetTripId].sort()
  await tx.$executeRaw`SELECT 1 FROM trips WHERE id IN (${firstId}::uuid, ${secondId}::uuid) ORDER BY id FOR UPDATE`
  const [source, target] = await Promise.all(
    [booking.tripId, input.targetTripId].map((id) =>
      tx.trip.findUnique({
        where: { id },
        select: {
          id: true, driverId: true, groupId: true, status: true, departureAt: true, departureOn: true, returnOn: true, seatsTotal: true, seatsTaken: true,
          pricingMode: true, pricePerSeatTenge: true, totalCostTenge: true, minRiders: true, driverShares: true,
        },
      }),
    ),
  )
  if (!source || !target) throw new AppError('NOT_FOUND')
  if (!(await canManageTrip(tx, actor, source)) || !(await canManageTrip(tx, actor, target))) throw new AppError('FORBIDDEN')
  // Re-read the booking under the lock: it may have been cancelled or moved meanwhile.
  const current = await tx.booking.findUniqueOrThrow({ where: { id: booking.id }, select: { status: true, tripId: true } })
  if (current.tripId !== source.id || !['PENDING', 'CONFIRMED', 'WAITLISTED'].includes(current.status)) {
    throw new AppError('BOOKING_CHANGED', { status: 409 })
  }
  if (target.status !== 'SCHEDULED' || target.departureAt <= now) throw new AppError('TRIP_NOT_BOOKABLE', { status: 409 })

  const travellerIds = booking.travellers.map((t) => t.travellerId)
  if (!booking.riderId || travellerIds.some((id) => id === null)) throw new AppError('BOOKING_CHANGED', { status: 409 })
  const travellers = await loadTravellersForCheck(tx, booking.riderId, travellerIds as string[], { bookingId: booking.id })
  const checks = travellers.map((t) => checkTraveller(t, isoFromDbDate(target.departureOn), target.returnOn ? isoFromDbDate(target.returnOn) : null))
  const verdict = worstVerdict(checks)
  if (verdict === 'BLOCKED') throw new AppError('LEGAL_BLOCKED', { status: 422, details: verdictDetails(checks) })

  const [taken] = await tx.$queryRaw<{ seats_taken: number }[]>`
    UPDATE trips SET seats_taken = seats_taken + ${booking.seats}, updated_at = now()
    WHERE id = ${target.id}::uuid AND seats_taken + ${booking.seats} <= seats_total RETURNING seats_taken`
  if (!taken) {
    throw new AppError('TARGET_FULL', { status: 409, params: { left: target.seatsTotal - target.seatsTaken, seats: booking.seats } })
  }
  if (current.status !== 'WAITLISTED') await releaseSeats(tx, source.id, booking.seats)

  const quote = quoteBooking({
    pricingMode: target.pricingMode, pricePerSeatTenge: target.pricePerSeatTenge, totalCostTenge: target.totalCostTenge,
    minRiders: target.minRiders, driverShares: target.driverShares, seatsAlreadyTaken: taken.seats_taken - booking.seats, seatsRequested: booking.seats,
  })
  try {
    await tx.booking.update({
      where: { id: booking.id },
      data: {
        tripId: target.id,
        status: 'CONFIRMED',
        decidedAt: now,
        expiresAt: null,
        verdict,
        ruleVersion: RULE_VERSION,
        verdictWorsenedAt: null,
        // The cap promised at booking still holds; what the party is quoted never exceeds it.
        quotedTenge: Math.min(quote.nowTenge, booking.capTenge),
      },
    })
  } catch (error) {
    if (error instanceof Error && /P2002|Unique constraint/.test(`${(error as { code?: string }).code ?? ''} ${error.message}`)) {
      throw new AppError('ALREADY_BOOKED', { status: 409 })
    }
    throw error
  }
  for (const [i, check] of checks.entries()) {
    await tx.bookingTraveller.update({
      where: { bookingId_position: { bookingId: booking.id, position: booking.travellers[i]!.position } },
      data: { verdict: check.verdict, reasons: check.reasons as unknown as Prisma.InputJsonValue, checkInputs: check.inputs as unknown as Prisma.InputJsonValue, boarding: 'PENDING' },
    })
  }
  const params = { bookingId: booking.id, fromTripId: source.id, toTripId: target.id, seats: booking.seats }
  await notify(tx, [
    { userId: booking.riderId, kind: 'MOVED_TO_TRIP', params: { ...params, tripId: target.id } },
    { userId: target.driverId, kind: 'PARTY_MOVED_IN', params: { ...params, tripId: target.id } },
    ...(source.driverId !== target.driverId ? [{ userId: source.driverId, kind: 'PARTY_MOVED_OUT' as const, params: { ...params, tripId: source.id } }] : []),
  ])
  const audit = { actorId: actor.id, action: 'booking.move', entityType: 'booking' as const, entityId: booking.id, before: { tripId: source.id, status: current.status }, after: { tripId: target.id, status: 'CONFIRMED', verdict } }
  await writeAudit(tx, { ...audit, groupId: source.groupId })
  if (target.groupId !== source.groupId) await writeAudit(tx, { ...audit, groupId: target.groupId })
  await promoteWaitlist(tx, source.id, now)
  return { bookingId: booking.id, fromTripId: source.id, toTripId: target.id, verdict, warnings: verdict === 'WARN' ? verdictDetails(checks) : null }
}
