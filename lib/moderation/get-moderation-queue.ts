// The admins' moderation page: open reports (oldest first, with how many open reports the same
// member has), disputed no-shows, suspended accounts and the latest decisions. Admins see full
// names and the run concerned; never a rider's stays or documents.
import { hasRole, type Actor } from '@/lib/auth/permissions'
import { db } from '@/lib/db'
import { AppError } from '@/lib/errors'

export async function getModerationQueue(admin: Actor) {
  if (!hasRole(admin, 'ADMIN')) throw new AppError('FORBIDDEN')
  const run = { select: { id: true, departureAt: true, originCity: { select: { nameRu: true, nameEn: true } }, destinationCity: { select: { nameRu: true, nameEn: true } } } }
  const person = { select: { id: true, name: true, email: true, suspendedAt: true } }
  const [reports, openBySubject, disputes, suspended, log] = await Promise.all([
    db.report.findMany({
      where: { status: 'OPEN' },
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
      take: 100,
      select: {
        id: true, target: true, reason: true, comment: true, createdAt: true,
        reporter: person, subject: person, trip: run,
        review: { select: { id: true, rating: true, comment: true, reply: true, hiddenAt: true, subject: { select: { id: true, name: true } } } },
      },
    }),
    db.report.groupBy({ by: ['subjectId'], where: { status: 'OPEN' }, _count: { _all: true } }),
    db.noShow.findMany({
      where: { status: 'DISPUTED' },
      orderBy: [{ disputedAt: 'asc' }, { id: 'asc' }],
      take: 100,
      select: { id: true, absentRole: true, createdAt: true, disputedAt: true, disputeNote: true, subject: person, reporter: person, trip: run },
    }),
    db.user.findMany({ where: { suspendedAt: { not: null }, deletedAt: null }, orderBy: { suspendedAt: 'desc' }, take: 100, select: { id: true, name: true, email: true, suspendedAt: true, suspensionReason: true } }),
    db.auditEntry.findMany({
      where: { groupId: null, action: { startsWith: 'moderation.' } },
      orderBy: { createdAt: 'desc' },
      take: 30,
      select: { id: true, action: true, entityType: true, entityId: true, after: true, createdAt: true, actor: { select: { name: true } } },
    }),
  ])
  const openCount = new Map(openBySubject.map((g) => [g.subjectId, g._count._all]))
  return {
    reports: reports.map((r) => ({ ...r, openAboutSubject: openCount.get(r.subject.id) ?? 1 })),
    disputes,
    suspended,
    log,
  }
}

export type ModerationQueue = Awaited<ReturnType<typeof getModerationQueue>>
