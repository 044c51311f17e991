// The manifests of all of a group's runs on one date (cancelled runs left out): the day's printable
// sheet and its CSV. Each run's manifest is the driver's (lib/trips/get-manifest.ts).
import type { Actor } from '@/lib/auth/permissions'
import { dbDateFromIso } from '@/lib/dates/kz-date'
import { db } from '@/lib/db'
import { directionOrder } from '@/lib/dispatch/board-scope'
import { requireGroupCoordinator } from '@/lib/dispatch/group-access'
import { getManifest, type Manifest } from '@/lib/trips/get-manifest'

export async function getDayManifest(actor: Actor, groupId: string, date: string): Promise<{ group: { id: string; name: string }; date: string; runs: Manifest[] }> {
  const group = await requireGroupCoordinator(db, actor, groupId)
  const trips = await db.trip.findMany({
    where: { groupId, departureOn: dbDateFromIso(date), status: { not: 'CANCELLED' } },
    orderBy: [{ departureAt: 'asc' }, { id: 'asc' }],
    select: { id: true, checkpoint: { select: { countryCode: true } } },
  })
  trips.sort((a, b) => directionOrder(a.checkpoint.countryCode) - directionOrder(b.checkpoint.countryCode))
  const runs: Manifest[] = []
  for (const trip of trips) runs.push(await getManifest(actor, trip.id))
  return { group, date, runs }
}
