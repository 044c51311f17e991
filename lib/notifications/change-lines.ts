// The lines of a change in the reader's language, with places named from the cached reference data.
import type { Locale } from '@/lib/i18n/routing'
import { describeChanges, type ChangeSummary, type PlaceNames } from '@/lib/notifications/changes'
import { getReferenceData } from '@/lib/trips/get-reference-data'

export async function placeNames(): Promise<PlaceNames> {
  const reference = await getReferenceData()
  const cities = new Map(reference.cities.map((c) => [c.id, c]))
  const checkpoints = new Map(reference.checkpoints.map((c) => [c.id, c]))
  return { city: (id) => cities.get(id), checkpoint: (id) => checkpoints.get(id) }
}

export async function changeLines(locale: Locale, change: ChangeSummary | null): Promise<string[]> {
  if (!change || change.changes.length === 0) return []
  return describeChanges(locale, change.changes, await placeNames())
}
