// What one side of a booking sees and may do about trust once the run is under way: their own
// review and whether they may still write it, the other side's review once it is visible, a
// no-show said of them (and whether they may still dispute it), and — for the rider — whether they
// may say the driver did not come. Used by My bookings (the rider) and the run's manage page (the
// driver); a fixed number of statements for any number of bookings.
import { db } from '@/lib/db'
import { disputeDeadline, driverNoShowClaimDeadline } from '@/lib/no-shows/no-show-rules'
import { publicName } from '@/lib/profiles/public-name'
import { reviewDeadline } from '@/lib/reviews/review-window'

export type BookingTrust = {
  role: 'RIDER' | 'DRIVER'
  tripId: string
  /** The other side: the driver for the rider, the rider for the driver (null once deleted). */
  other: { id: string; name: string } | null
  completed: boolean
  reviewUntil: Date | null
  canReview: boolean
  mine: { rating: number; comment: string; visible: boolean; hidden: boolean; visibleAt: Date } | null
  theirs: { id: string; rating: number; comment: string; reply: string | null } | null
  /** A no-show said of the viewer on this booking. */
  againstMe: { id: string; status: 'STANDING' | 'DISPUTED' | 'UPHELD' | 'OVERTURNED'; disputable: boolean; disputeUntil: Date } | null
  /** The rider's word that the driver did not come, as its author sees it. */
  myClaim: { status: 'STANDING' | 'DISPUTED' | 'UPHELD' | 'OVERTURNED' } | null
  canClaimDriverNoShow: boolean
}

export async function loadBookingTrust(actorId: string, bookingIds: string[], now: Date = new Date()): Promise<Map<string, BookingTrust>> {
  if (bookingIds.length === 0) return new Map()
  const bookings = await db.booking.findMany({
    where: { id: { in: [...new Set(bookingIds)] } },
    select: {
      id: true, status: true, riderId: true,
      rider: { select: { id: true, name: true, deletedAt: true } },
      trip: { select: { id: true, driverId: true, status: true, completedAt: true, departureAt: true, driver: { select: { id: true, name: true, deletedAt: true } } } },
      reviews: { select: { id: true, authorRole: true, rating: true, comment: true, reply: true, visibleAt: true, hiddenAt: true } },
      noShows: { select: { id: true, absentRole: true, subjectId: true, status: true, createdAt: true } },
    },
  })
  const out = new Map<string, BookingTrust>()
  for (const b of bookings) {
    const role = b.riderId === actorId ? 'RIDER' : b.trip.driverId === actorId ? 'DRIVER' : null
    if (!role) continue
    const completed = b.trip.status === 'COMPLETED' && b.trip.completedAt !== null
    const reviewUntil = completed ? reviewDeadline(b.trip.completedAt!) : null
    const mine = b.reviews.find((r) => r.authorRole === role)
    const theirs = b.reviews.find((r) => r.authorRole !== role)
    const against = b.noShows.find((n) => n.subjectId === actorId)
    const claim = role === 'RIDER' ? b.noShows.find((n) => n.absentRole === 'DRIVER') : undefined
    const other = role === 'RIDER' ? b.trip.driver : b.rider
    out.set(b.id, {
      role,
      tripId: b.trip.id,
      other: other && !other.deletedAt ? { id: other.id, name: publicName(other.name) } : null,
      completed,
      reviewUntil,
      canReview: completed && b.status === 'CONFIRMED' && !mine && b.riderId !== null && now <= reviewUntil!,
      mine: mine ? { rating: mine.rating, comment: mine.comment, visible: mine.visibleAt <= now && !mine.hiddenAt, hidden: Boolean(mine.hiddenAt), visibleAt: mine.visibleAt } : null,
      theirs: theirs && theirs.visibleAt <= now && !theirs.hiddenAt ? { id: theirs.id, rating: theirs.rating, comment: theirs.comment, reply: theirs.reply } : null,
      againstMe: against
        ? { id: against.id, status: against.status, disputable: against.status === 'STANDING' && now <= disputeDeadline(against.createdAt), disputeUntil: disputeDeadline(against.createdAt) }
        : null,
      myClaim: claim ? { status: claim.status } : null,
      canClaimDriverNoShow:
        role === 'RIDER' && b.status === 'CONFIRMED' && b.trip.status !== 'CANCELLED' && !claim && now >= b.trip.departureAt && now <= driverNoShowClaimDeadline(b.trip.departureAt),
    })
  }
  return out
}
