// The group's audit log for its coordinators: who did what, when, with the state before and after.
// Optionally one Kazakhstan date only. Runs and parties named in the entries come with a label
// (departure time and driver; the rider's name and party size) so the log reads in words — only for
// this group's runs and bookings; anything else stays an id.
import { z } from 'zod'
import type { Actor } from '@/lib/auth/permissions'
import { addDaysIso, kzInstant } from '@/lib/dates/kz-date'
import { db } from '@/lib/db'
import { requireGroupCoordinator } from '@/lib/dispatch/group-access'
import { isoDate } from '@/lib/trips/trip-input'

export const listAuditSchema = z.object({ date: isoDate.optional() })

export const AUDIT_PAGE_SIZE = 300

export async function listAudit(actor: Actor, groupId: string, options: z.infer<typeof listAuditSchema> = {}) {
  const group = await requireGroupCoordinator(db, actor, groupId)
  const window = options.date ? { gte: kzInstant(options.date, '00:00'), lt: kzInstant(addDaysIso(options.date, 1), '00:00') } : undefined
  const entries = await db.auditEntry.findMany({
    where: { groupId, ...(window ? { createdAt: window } : {}) },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: AUDIT_PAGE_SIZE,
    select: { id: true, action: true, entityType: true, entityId: true, before: true, after: true, createdAt: true, actor: { select: { id: true, name: true } } },
  })

  // Ids mentioned anywhere in the entries, resolved to labels in one query per kind.
  const tripIds = new Set<string>()
  const bookingIds = new Set<string>()
  const userIds = new Set<string>()
  for (const e of entries) {
    if (e.entityType === 'trip') tripIds.add(e.entityId)
    if (e.entityType === 'booking') bookingIds.add(e.entityId)
    for (const side of [e.before, e.after]) {
      if (!side || typeof side !== 'object' || Array.isArray(side)) continue
      const v = side as Record<string, unknown>
      for (const key of ['tripId', 'fromTripId', 'toTripId']) if (typeof v[key] === 'string') tripIds.add(v[key] as string)
      if (typeof v.driverId === 'string') userIds.add(v.driverId)
    }
  }
  const [trips, bookings, users] = await Promise.all([
    db.trip.findMany({
      where: { id: { in: [...tripIds] }, groupId },
      select: { id: true, departureAt: true, driver: { select: { name: true } }, destinationCity: { select: { nameRu: true, nameEn: true } } },
    }),
    db.booking.findMany({
      where: { id: { in: [...bookingIds] } },
      select: { id: true, seats: true, rider: { select: { name: true } }, travellers: { where: { position: 0 }, select: { name: true } } },
    }),
    db.user.findMany({ where: { id: { in: [...userIds] }, memberships: { some: { groupId } } }, select: { id: true, name: true } }),
  ])
  return {
    group,
    date: options.date ?? null,
    entries: entries.map((e) => ({ ...e, createdAt: e.createdAt.toISOString() })),
    trips: Object.fromEntries(
      trips.map((t) => [t.id, { departureAt: t.departureAt.toISOString(), driverName: t.driver.name, destination: t.destinationCity }]),
    ),
    // Bookings named in this group's log were on its runs when the entry was written.
    bookings: Object.fromEntries(bookings.map((b) => [b.id, { seats: b.seats, name: b.rider?.name ?? b.travellers[0]?.name ?? null }])),
    users: Object.fromEntries(users.map((u) => [u.id, u.name])),
  }
}

export type AuditLog = Awaited<ReturnType<typeof listAudit>>
export type AuditLogEntry = AuditLog['entries'][number]
