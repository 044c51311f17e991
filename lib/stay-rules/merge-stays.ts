// Presence is a set of calendar dates, not a list of trips: overlapping, duplicate and touching
// stays merge, so a date counts once (research §6.3, §6.4; nerfologist T12, salza80). A same-day
// exit and re-entry is one day; an overnight run (exit D, re-entry D+1) leaves no gap either.
import type { DayNumber } from './calendar'
import type { PreparedStays } from './prepare-input'

export type MergedStays = {
  /** Disjoint, sorted, non-adjacent intervals of presence, both ends inclusive. */
  starts: DayNumber[]
  ends: DayNumber[]
  /**
   * The latest border entry: the entry day of a stay that does not fall strictly inside another
   * recorded stay. NaN when there are no stays. When `on` lies in the last interval this is day 1
   * of the per-entry clock.
   */
  lastBorderEntry: DayNumber
}

/**
 * Merges stays into presence intervals and finds the latest border entry.
 *
 * The per-entry limit counts "from the date of crossing the State border" (Law No. 477-IV Art. 6),
 * and a run restarts it for 30-day nationals (research §3): so an entry on the day another stay
 * ends (same-day run) or later is a new crossing, even though the dates merge. An entry strictly
 * inside another stay (overlapping records, or a record that starts while an open stay runs)
 * cannot be a crossing — the person had not left — so it does not restart the clock; this reads
 * inconsistent records the conservative way.
 */
export function mergeStays(stays: PreparedStays): MergedStays {
  // An open stay covers every later entry, whatever its exit (which is `on`) says.
  const openEntry = stays.openAt >= 0 ? stays.entries[stays.openAt]! : Infinity
  const keys = sortedKeys(stays.entries, stays.exits)
  const starts: DayNumber[] = []
  const ends: DayNumber[] = []
  let lastBorderEntry = NaN
  // Latest exit among stays entered strictly before the current entry day.
  let exitBefore = -Infinity
  let groupEntry = NaN
  let groupExit = -Infinity
  let last = -1
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i]!
    const high = Math.floor(key / LENGTH_SPAN)
    const entry = high - ENTRY_OFFSET
    const exit = entry + (key - high * LENGTH_SPAN)
    if (entry !== groupEntry) {
      if (groupExit > exitBefore) exitBefore = groupExit
      groupEntry = entry
      groupExit = -Infinity
      if (exitBefore <= entry && openEntry >= entry) lastBorderEntry = entry
    }
    if (exit > groupExit) groupExit = exit
    if (last >= 0 && entry <= ends[last]! + 1) {
      if (exit > ends[last]!) ends[last] = exit
    } else {
      starts.push(entry)
      ends.push(exit)
      last++
    }
  }
  return { starts, ends, lastBorderEntry }
}

// Each stay as one number, (entry + ENTRY_OFFSET) · LENGTH_SPAN + (exit − entry), so that one
// array of plain numbers sorts by entry (then exit) — half the moves of sorting two arrays in step,
// and no object per stay. Day numbers lie within years 1900–2999 (calendar.ts): entry + offset
// and a stay's length both stay below 2^19, and the key below 2^38, exact in a double.
const ENTRY_OFFSET = 32_768
const LENGTH_SPAN = 524_288

/** The stays' keys in ascending order: insertion sort for the usual few dozen stays. */
function sortedKeys(entries: readonly DayNumber[], exits: readonly DayNumber[]): number[] {
  const n = entries.length
  const keys: number[] = new Array<number>(n)
  for (let i = 0; i < n; i++) {
    const entry = entries[i]!
    keys[i] = (entry + ENTRY_OFFSET) * LENGTH_SPAN + (exits[i]! - entry)
  }
  if (n > 64) return keys.sort((a, b) => a - b)
  for (let i = 1; i < n; i++) {
    const key = keys[i]!
    let j = i - 1
    while (j >= 0 && keys[j]! > key) {
      keys[j + 1] = keys[j]!
      j--
    }
    keys[j + 1] = key
  }
  return keys
}

/** Days of merged presence inside [from, to]. */
export function countDaysIn(merged: MergedStays, from: DayNumber, to: DayNumber): number {
  if (to < from) return 0
  const { starts, ends } = merged
  let total = 0
  for (let i = 0; i < starts.length; i++) {
    const start = starts[i]!
    if (start > to) break
    const end = ends[i]!
    if (end < from) continue
    total += (end < to ? end : to) - (start > from ? start : from) + 1
  }
  return total
}
