// A member's public profile (GET /api/users/:id/profile and /users/:id): what another member may
// know before sharing a car. Never the email, the phone, a citizenship, a stay, a document or a
// date of travel — reviews carry no date and no run, and "member since" is a month
// (docs/decisions/009-trust-and-moderation.md; the authorization walk checks the responses).
import { db } from '@/lib/db'
import { AppError } from '@/lib/errors'
import { isLanguageCode, type LanguageCode } from '@/lib/profiles/languages'
import { loadMemberRecords } from '@/lib/profiles/member-records'
import { publicName } from '@/lib/profiles/public-name'

/** Confirmations a member has made: the address confirmed by its link, the phone by sharing its
 * Telegram contact (issue 12). The badge says so; the address and the number stay private. */
export type Badge = 'email' | 'phone'

/** The runs on which a confirmed rider sees the driver's plate (as on the run page). */
const UNFINISHED = ['SCHEDULED', 'BOARDING', 'DEPARTED', 'AT_BORDER', 'RETURNED'] as const

export const PROFILE_REVIEWS = 10

export async function getPublicProfile(userId: string, viewer: { id: string } | null, now: Date = new Date()) {
  const user = await db.user.findFirst({
    where: { id: userId, deletedAt: null },
    select: { id: true, name: true, createdAt: true, languages: true, about: true, emailVerifiedAt: true, phone: true, phoneVerifiedAt: true },
  })
  if (!user) throw new AppError('NOT_FOUND')
  const [records, reviews, cars, confirmedCars, block] = await Promise.all([
    loadMemberRecords([user.id], now),
    db.review.findMany({
      where: { subjectId: user.id, hiddenAt: null, visibleAt: { lte: now } },
      orderBy: [{ visibleAt: 'desc' }, { id: 'asc' }],
      take: PROFILE_REVIEWS,
      select: { id: true, rating: true, comment: true, authorRole: true, reply: true, author: { select: { id: true, name: true, deletedAt: true } } },
    }),
    db.car.findMany({ where: { ownerId: user.id, archivedAt: null }, orderBy: { createdAt: 'asc' }, select: { id: true, make: true, model: true, colour: true, plate: true } }),
    viewer && viewer.id !== user.id
      ? db.booking.findMany({
          where: { riderId: viewer.id, status: 'CONFIRMED', trip: { driverId: user.id, status: { in: [...UNFINISHED] } } },
          select: { trip: { select: { carId: true } } },
        })
      : Promise.resolve([]),
    viewer && viewer.id !== user.id
      ? db.block.findUnique({ where: { blockerId_blockedId: { blockerId: viewer.id, blockedId: user.id } }, select: { createdAt: true } })
      : Promise.resolve(null),
  ])
  const record = records.get(user.id)!
  const plateFor = new Set(confirmedCars.map((b) => b.trip.carId))
  const createdKz = new Date(user.createdAt.getTime() + 5 * 3_600_000)
  return {
    id: user.id,
    name: publicName(user.name),
    /** The month the account was opened, "YYYY-MM": never a day. */
    memberSince: createdKz.toISOString().slice(0, 7),
    badges: [...(user.emailVerifiedAt ? ['email' as const] : []), ...(user.phone && user.phoneVerifiedAt ? ['phone' as const] : [])] satisfies Badge[],
    languages: user.languages.filter(isLanguageCode) as LanguageCode[],
    about: user.about,
    runsDriven: record.runsDriven,
    runsRidden: record.runsRidden,
    lateCancellations: record.lateCancellations,
    noShows: record.noShows,
    rating: record.rating,
    reviews: reviews.map((r) => ({
      id: r.id,
      rating: r.rating,
      comment: r.comment,
      /** What the reviewed member was on that run: the author was the other side. */
      as: r.authorRole === 'RIDER' ? ('DRIVER' as const) : ('RIDER' as const),
      author: r.author.deletedAt ? null : { id: r.author.id, name: publicName(r.author.name) },
      reply: r.reply,
    })),
    // Make, model and colour; the plate only to a rider with a confirmed seat in that car.
    cars: cars.map((c) => ({ make: c.make, model: c.model, colour: c.colour, plate: plateFor.has(c.id) ? c.plate : null })),
    viewer: viewer ? { isSelf: viewer.id === user.id, blocked: Boolean(block) } : null,
  }
}

export type PublicProfile = Awaited<ReturnType<typeof getPublicProfile>>
