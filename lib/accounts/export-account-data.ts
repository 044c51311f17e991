// Everything the platform holds about a user, as JSON they can download (their own data only).
import type { Actor } from '@/lib/auth/permissions'
import { db } from '@/lib/db'

export async function exportAccountData(actor: Actor) {
  const [user, cars, travellers, bookings, tripsDriven, memberships, notifications, reviewsWritten, reviewsReceived, noShows, reports, blocks] = await Promise.all([
    db.user.findUniqueOrThrow({
      where: { id: actor.id },
      select: {
        id: true, email: true, name: true, phone: true, roles: true, locale: true, createdAt: true, emailVerifiedAt: true, phoneVerifiedAt: true,
        telegramUsername: true, telegramLinkedAt: true, telegramShared: true, emailTopics: true, telegramTopics: true,
        languages: true, about: true, suspendedAt: true, suspensionReason: true,
      },
    }),
    db.car.findMany({ where: { ownerId: actor.id }, select: { make: true, model: true, colour: true, plate: true, seats: true, createdAt: true, archivedAt: true } }),
    db.traveller.findMany({
      where: { accountId: actor.id },
      select: {
        name: true, citizenship: true, isSelf: true, createdAt: true,
        stays: { select: { entryOn: true, exitOn: true, source: true, registrationNotedOn: true }, orderBy: { entryOn: 'asc' } },
        documents: { select: { kind: true, validFrom: true, validTo: true } },
      },
    }),
    db.booking.findMany({
      where: { riderId: actor.id },
      orderBy: { createdAt: 'asc' },
      select: {
        id: true, status: true, seats: true, quotedTenge: true, capTenge: true, verdict: true, ruleVersion: true, paymentState: true, createdAt: true,
        trip: { select: { id: true, departureAt: true, originCityId: true, checkpointId: true, destinationCityId: true } },
        travellers: { select: { name: true, verdict: true, reasons: true, checkInputs: true, boarding: true } },
      },
    }),
    db.trip.findMany({ where: { driverId: actor.id }, select: { id: true, departureAt: true, status: true, seatsTotal: true, seatsTaken: true, originCityId: true, checkpointId: true } }),
    db.groupMember.findMany({ where: { userId: actor.id }, select: { role: true, joinedAt: true, group: { select: { name: true } } } }),
    db.notification.findMany({
      where: { userId: actor.id },
      select: { kind: true, params: true, createdAt: true, readAt: true, deliveries: { select: { channel: true, status: true, sentAt: true } } },
    }),
    db.review.findMany({ where: { authorId: actor.id }, select: { bookingId: true, rating: true, comment: true, createdAt: true, visibleAt: true, hiddenAt: true, reply: true } }),
    // Reviews of them as the profile shows them: only once visible.
    db.review.findMany({ where: { subjectId: actor.id, visibleAt: { lte: new Date() } }, select: { bookingId: true, rating: true, comment: true, visibleAt: true, hiddenAt: true, reply: true } }),
    db.noShow.findMany({ where: { OR: [{ subjectId: actor.id }, { reporterId: actor.id }] }, select: { bookingId: true, absentRole: true, status: true, createdAt: true, disputeNote: true } }),
    db.report.findMany({ where: { reporterId: actor.id }, select: { target: true, reason: true, comment: true, status: true, createdAt: true } }),
    db.block.findMany({ where: { blockerId: actor.id }, select: { blockedId: true, createdAt: true } }),
  ])
  return {
    exportedAt: new Date().toISOString(), user, cars, travellers, bookings, tripsDriven, groups: memberships, notifications,
    reviewsWritten, reviewsReceived, noShows, reports, blocks,
  }
}
