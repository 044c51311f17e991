// A move made on a day board: moveParty (capacity, legal re-check, notices, audit) limited to the
// board's own runs — the group's, of that day, in the same direction.
import type { Actor } from '@/lib/auth/permissions'
import { db } from '@/lib/db'
import { assertSameBoard } from '@/lib/dispatch/board-scope'
import { requireGroupCoordinator } from '@/lib/dispatch/group-access'
import { movePartyInTx, type MovePartyInput } from '@/lib/dispatch/move-party'
import { AppError } from '@/lib/errors'

export async function movePartyOnBoard(actor: Actor, groupId: string, date: string, input: MovePartyInput, now: Date = new Date()) {
  return db.$transaction(async (tx) => {
    await requireGroupCoordinator(tx, actor, groupId)
    const booking = await tx.booking.findUnique({ where: { id: input.bookingId }, select: { tripId: true } })
    if (!booking) throw new AppError('NOT_FOUND')
    await assertSameBoard(tx, groupId, date, booking.tripId, input.targetTripId)
    return movePartyInTx(tx, actor, input, now)
  })
}
