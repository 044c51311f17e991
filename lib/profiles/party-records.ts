// The record of each rider on a run, for whoever manages it (the driver, the group's
// coordinators, admins): who they are on the platform before they are let in — runs ridden,
// no-shows, rating — with the link to their public profile. Counts only, as on the profile.
import { db } from '@/lib/db'
import { loadMemberRecords, type MemberRecord } from '@/lib/profiles/member-records'
import { publicName } from '@/lib/profiles/public-name'

export type PartyRecord = { riderId: string; name: string; record: MemberRecord }

export async function loadPartyRecords(bookingIds: string[], now: Date = new Date()): Promise<Map<string, PartyRecord>> {
  if (bookingIds.length === 0) return new Map()
  const bookings = await db.booking.findMany({
    where: { id: { in: bookingIds }, rider: { deletedAt: null } },
    select: { id: true, rider: { select: { id: true, name: true } } },
  })
  const records = await loadMemberRecords(bookings.flatMap((b) => (b.rider ? [b.rider.id] : [])), now)
  const out = new Map<string, PartyRecord>()
  for (const b of bookings) {
    const record = b.rider ? records.get(b.rider.id) : undefined
    if (b.rider && record) out.set(b.id, { riderId: b.rider.id, name: publicName(b.rider.name), record })
  }
  return out
}
