// An audit entry in words: "Дина moved Анна (2 seats) from 07:00 · Айдар to 09:30 · Руслан". Runs
// and parties are named by the lookups listAudit returns; anything it could not name (another
// group's run) is "another run".
import { formatTime } from '@/lib/format'
import type { AuditLog, AuditLogEntry } from '@/lib/dispatch/list-audit'
import type { Locale } from '@/lib/i18n/routing'

type T = ((key: string, values?: Record<string, string | number>) => string) & { has: (key: string) => boolean }

const KNOWN = [
  'trip.open', 'trip.status', 'trip.edit', 'trip.cancelAndMove', 'trip.joinGroup', 'trip.leaveGroup',
  'booking.move', 'booking.approve', 'booking.decline', 'booking.boarding', 'booking.promote', 'booking.payment',
  'group.create', 'group.join', 'group.leave', 'group.removeMember', 'invite.create', 'invite.revoke',
]

function field(side: unknown, key: string): unknown {
  return side && typeof side === 'object' && !Array.isArray(side) ? (side as Record<string, unknown>)[key] : undefined
}

const text = (v: unknown) => (typeof v === 'string' || typeof v === 'number' ? String(v) : '')

export function describeAuditEntry(t: T, ts: T, locale: Locale, entry: AuditLogEntry, log: Pick<AuditLog, 'trips' | 'bookings' | 'users'>): string {
  const runLabel = (id: unknown) => {
    const trip = typeof id === 'string' ? log.trips[id] : undefined
    return trip ? t('runLabel', { time: formatTime(locale, trip.departureAt), driver: trip.driverName }) : t('otherRun')
  }
  const booking = entry.entityType === 'booking' ? log.bookings[entry.entityId] : undefined
  const party = booking ? t('partyLabel', { name: booking.name ?? t('anonymous'), seats: booking.seats }) : t('aParty')
  const statusName = (v: unknown) => (typeof v === 'string' && ts.has(v) ? ts(v) : text(v))
  const values: Record<string, string | number> = {
    actor: entry.actor?.name ?? t('someone'),
    run: entry.entityType === 'trip' ? runLabel(entry.entityId) : runLabel(field(entry.after, 'tripId')),
    party,
    from: runLabel(field(entry.before, 'tripId')),
    to: runLabel(field(entry.after, 'tripId')),
    statusFrom: statusName(field(entry.before, 'status')),
    statusTo: statusName(field(entry.after, 'status')),
    reason: text(field(entry.after, 'reason')) || '—',
    moved: Number(field(entry.after, 'moved') ?? 0),
    cancelled: Number(field(entry.after, 'cancelled') ?? 0),
    position: Number(field(entry.after, 'position') ?? 0) + 1,
    boardingFrom: t.has(`boarding.${text(field(entry.before, 'boarding'))}`) ? t(`boarding.${text(field(entry.before, 'boarding'))}`) : '—',
    boardingTo: t.has(`boarding.${text(field(entry.after, 'boarding'))}`) ? t(`boarding.${text(field(entry.after, 'boarding'))}`) : '—',
    paymentFrom: t.has(`payment.${text(field(entry.before, 'paymentState'))}`) ? t(`payment.${text(field(entry.before, 'paymentState'))}`) : '—',
    paymentTo: t.has(`payment.${text(field(entry.after, 'paymentState'))}`) ? t(`payment.${text(field(entry.after, 'paymentState'))}`) : '—',
    member: text(field(entry.before, 'name')) || text(field(entry.after, 'name')) || t('someone'),
    runsLeft: Number(field(entry.after, 'runsLeftGroup') ?? 0),
    code: text(field(entry.after, 'code')) || text(field(entry.before, 'code')),
    driver: log.users[text(field(entry.after, 'driverId'))] ?? t('someone'),
    name: text(field(entry.after, 'name')),
    verdict: t.has(`verdict.${text(field(entry.after, 'verdict'))}`) ? t(`verdict.${text(field(entry.after, 'verdict'))}`) : '—',
  }
  return KNOWN.includes(entry.action) ? t(`action.${entry.action}`, values) : t('action.other', { actor: values.actor!, action: entry.action })
}
