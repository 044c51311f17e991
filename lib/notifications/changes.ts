// What changed for a rider, field by field, before → after: a driver's edit, a coordinator's move to
// another car, a cancellation. Stored with the notice and on the booking (`change_summary`) as plain
// values (instants as ISO strings, places as ids or labels, money as whole tenge) and put into words
// in the reader's language when shown — in the app, by email and in Telegram alike.
import { formatDateTime, formatTenge, formatTime } from '@/lib/format'
import { placeName } from '@/lib/i18n/place-name'
import type { Locale } from '@/lib/i18n/routing'
import type { ChangeEntry } from '@/lib/notifications/notify'
import { textFor } from '@/lib/notifications/text'

export type { ChangeEntry }

/** The rider-facing facts of a run, as a move or an edit compares them. */
export type RunFacts = {
  departureAt: Date
  returnAt: Date | null
  roundTrip: boolean
  pickupLabel: string
  destinationCityId: string
  checkpointId: string
  seatPriceTenge: number
  car: { make: string; model: string; colour: string; plate: string }
}

export const runFactsSelect = {
  departureAt: true, returnAt: true, roundTrip: true, pickupLabel: true, destinationCityId: true, checkpointId: true, seatPriceTenge: true,
  car: { select: { make: true, model: true, colour: true, plate: true } },
} as const

export const CHANGE_FIELDS = ['time', 'returnTime', 'returnLeg', 'pickup', 'route', 'checkpoint', 'price', 'car'] as const
export type ChangeField = (typeof CHANGE_FIELDS)[number]

const carText = (c: RunFacts['car']) => `${c.make} ${c.model}, ${c.colour} · ${c.plate}`

/** Every rider-facing difference between two versions of a run (or two runs), in a fixed order. */
export function runChanges(before: RunFacts, after: RunFacts): ChangeEntry[] {
  const out: ChangeEntry[] = []
  const add = (field: ChangeField, b: ChangeEntry['before'], a: ChangeEntry['after']) => {
    if (b !== a) out.push({ field, before: b, after: a })
  }
  add('time', before.departureAt.toISOString(), after.departureAt.toISOString())
  if (before.roundTrip && after.roundTrip) add('returnTime', before.returnAt?.toISOString() ?? null, after.returnAt?.toISOString() ?? null)
  add('returnLeg', before.roundTrip, after.roundTrip)
  add('pickup', before.pickupLabel, after.pickupLabel)
  add('route', before.destinationCityId, after.destinationCityId)
  add('checkpoint', before.checkpointId, after.checkpointId)
  add('price', before.seatPriceTenge, after.seatPriceTenge)
  add('car', carText(before.car), carText(after.car))
  return out
}

/** Two changes in a row as one: the first one's "before", the second one's "after" (a field back
 * where it started is no change). */
export function mergeChanges(earlier: readonly ChangeEntry[], later: readonly ChangeEntry[]): ChangeEntry[] {
  const byField = new Map<string, ChangeEntry>()
  for (const c of earlier) byField.set(c.field, { ...c })
  for (const c of later) {
    const first = byField.get(c.field)
    byField.set(c.field, { field: c.field, before: first ? first.before : c.before, after: c.after })
  }
  return [...byField.values()].filter((c) => c.before !== c.after).sort((a, b) => CHANGE_FIELDS.indexOf(a.field as ChangeField) - CHANGE_FIELDS.indexOf(b.field as ChangeField))
}

/** Changes that make a booking worse for the rider (they may then cancel free): anything but a
 * lower price. */
export function hurtsRider(changes: ChangeEntry[]): boolean {
  return changes.some((c) => c.field !== 'price' || Number(c.after) > Number(c.before))
}

export type PlaceNames = {
  city: (id: string) => { nameRu: string; nameEn: string } | undefined
  checkpoint: (id: string) => { nameRu: string; nameEn: string } | undefined
}

/** The changes as lines: "Отправление: пт, 5 дек., 07:00 → пт, 5 дек., 09:30". */
export function describeChanges(locale: Locale, changes: readonly ChangeEntry[], places: PlaceNames): string[] {
  const t = textFor(locale, 'changes')
  const name = (v: { nameRu: string; nameEn: string } | undefined, id: unknown) => (v ? placeName(locale, v) : String(id))
  const value = (field: string, v: ChangeEntry['before'], other: ChangeEntry['before']): string => {
    if (v === null || v === undefined) return t('none')
    switch (field) {
      case 'time':
        return formatDateTime(locale, String(v))
      case 'returnTime':
        // Same day as before: the time says it.
        return typeof other === 'string' && String(v).slice(0, 10) === other.slice(0, 10) ? formatTime(locale, String(v)) : formatDateTime(locale, String(v))
      case 'returnLeg':
        return v ? t('roundTrip') : t('oneWay')
      case 'route':
        return name(places.city(String(v)), v)
      case 'checkpoint':
        return name(places.checkpoint(String(v)), v)
      case 'price':
        return formatTenge(locale, Number(v))
      default:
        return String(v)
    }
  }
  return changes
    .filter((c) => (CHANGE_FIELDS as readonly string[]).includes(c.field))
    .map((c) => t('line', { field: t(`field.${c.field}`), before: value(c.field, c.before, c.after), after: value(c.field, c.after, c.before) }))
}

/** What a booking carries while a change waits for the rider's answer. */
export type ChangeSummary = { kind: 'TRIP_CHANGED' | 'MOVED_TO_TRIP'; changes: ChangeEntry[]; reason: string; at: string }

export function readChangeSummary(value: unknown): ChangeSummary | null {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return null
  const v = value as Record<string, unknown>
  if (!Array.isArray(v.changes)) return null
  const changes = v.changes.filter((c): c is ChangeEntry => Boolean(c) && typeof c === 'object' && typeof (c as ChangeEntry).field === 'string')
  return { kind: v.kind === 'MOVED_TO_TRIP' ? 'MOVED_TO_TRIP' : 'TRIP_CHANGED', changes, reason: typeof v.reason === 'string' ? v.reason : '', at: typeof v.at === 'string' ? v.at : '' }
}
