// A coordinator cancels a run (a breakdown, a sick driver) and re-seats its riders on the day's
// other runs, all in ONE transaction: either every chosen move happens and the run is cancelled,
// or — when one target has filled meanwhile, a rider is no longer legal for it, … — nothing changes
// at all and the coordinator sees why. Parties without a target are cancelled with the run and
// told (cancelTripInTx), exactly like a cancellation by the driver.
import { z } from 'zod'
import type { Actor } from '@/lib/auth/permissions'
import { db } from '@/lib/db'
import { writeAudit } from '@/lib/dispatch/audit'
import { movePartyInTx } from '@/lib/dispatch/move-party'
import { AppError } from '@/lib/errors'
import { cancelTripInTx } from '@/lib/trips/cancel-trip'
import { loadManagedTrip } from '@/lib/trips/managed-trip'
import { canMoveTo } from '@/lib/trips/trip-status'
import { userText } from '@/lib/validation'

export const cancelRunAndMoveSchema = z.strictObject({
  tripId: z.uuid(),
  moves: z
    .array(z.strictObject({ bookingId: z.uuid(), targetTripId: z.uuid(), confirm: z.boolean().optional() }))
    .max(16)
    .refine((moves) => new Set(moves.map((m) => m.bookingId)).size === moves.length, { message: 'v.duplicateMove' }),
  reason: userText({ max: 300 }).default(''),
})

export type CancelRunAndMoveInput = z.input<typeof cancelRunAndMoveSchema>

export async function cancelRunAndMove(actor: Actor, raw: CancelRunAndMoveInput, now: Date = new Date()) {
  const input = cancelRunAndMoveSchema.parse(raw)
  return db.$transaction(
    async (tx) => {
      // Every run involved locked up front, in id order — the order moveParty uses — so this cannot
      // deadlock with moves made on the board at the same time.
      const ids = [...new Set([input.tripId, ...input.moves.map((m) => m.targetTripId)])].sort()
      await tx.$executeRaw`SELECT 1 FROM trips WHERE id = ANY(${ids}::uuid[]) ORDER BY id FOR UPDATE`
      const trip = await loadManagedTrip(tx, actor, input.tripId)
      if (!canMoveTo(trip, 'CANCELLED')) throw new AppError('BAD_STATUS_CHANGE', { status: 409, params: { from: trip.status, to: 'CANCELLED' } })

      const live = await tx.booking.findMany({ where: { tripId: trip.id, status: { in: ['PENDING', 'CONFIRMED', 'WAITLISTED'] } }, select: { id: true } })
      const liveIds = new Set(live.map((b) => b.id))
      const stray = input.moves.find((m) => !liveIds.has(m.bookingId))
      if (stray) throw new AppError('BOOKING_CHANGED', { status: 409 })
      if (input.moves.some((m) => m.targetTripId === trip.id)) throw new AppError('MOVE_SAME_TRIP', { status: 409 })
      const targets = await tx.trip.findMany({ where: { id: { in: input.moves.map((m) => m.targetTripId) } }, select: { id: true, groupId: true } })
      // Targets are the same group's runs (moveParty checks the actor manages each one, too).
      if (targets.length !== new Set(input.moves.map((m) => m.targetTripId)).size || targets.some((t) => t.groupId !== trip.groupId)) {
        throw new AppError('NOT_FOUND')
      }

      // The run stops taking riders first, so seats freed by a move are not offered to its own
      // waitlist a moment before the run is cancelled.
      await tx.trip.update({ where: { id: trip.id }, data: { status: 'CANCELLED', cancelledAt: now } })
      const moved: { bookingId: string; targetTripId: string }[] = []
      for (const move of input.moves) {
        try {
          await movePartyInTx(tx, actor, { ...move, reason: input.reason }, now)
        } catch (error) {
          // Which party could not go where: the whole operation is rolled back by rethrowing.
          if (error instanceof AppError) {
            throw new AppError(error.code, { ...error.options, status: error.status, details: { ...(isRecord(error.options.details) ? error.options.details : {}), bookingId: move.bookingId, targetTripId: move.targetTripId } })
          }
          throw error
        }
        moved.push(move)
      }
      const cancelled = await cancelTripInTx(tx, trip.id, input.reason, now)
      await writeAudit(tx, {
        groupId: trip.groupId, actorId: actor.id, action: 'trip.cancelAndMove', entityType: 'trip', entityId: trip.id,
        before: { status: trip.status }, after: { status: 'CANCELLED', reason: input.reason, moved: moved.length, cancelled },
      })
      return { tripId: trip.id, status: 'CANCELLED' as const, moved, cancelledBookings: cancelled }
    },
    { timeout: 20_000 },
  )
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
