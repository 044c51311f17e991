// Kazakhstan calendar dates. The whole country is on UTC+5 since 2024-03-01 (no DST), so an
// instant becomes a Kazakhstan date by adding five hours — once, at input.
const KZ_OFFSET_MS = 5 * 60 * 60 * 1000

export type IsoDate = string

export function kzDateOf(instant: Date): IsoDate {
  return new Date(instant.getTime() + KZ_OFFSET_MS).toISOString().slice(0, 10)
}

export function todayInKz(now: Date = new Date()): IsoDate {
  return kzDateOf(now)
}

/** 'YYYY-MM-DD' + 'HH:MM' in Kazakhstan time → the instant. */
export function kzInstant(on: IsoDate, time: string): Date {
  return new Date(Date.parse(`${on}T${time}:00+05:00`))
}

/** A Prisma @db.Date value (UTC midnight) → 'YYYY-MM-DD'. */
export function isoFromDbDate(value: Date): IsoDate {
  return value.toISOString().slice(0, 10)
}

/** 'YYYY-MM-DD' → the Date Prisma stores in a @db.Date column. */
export function dbDateFromIso(on: IsoDate): Date {
  return new Date(`${on}T00:00:00.000Z`)
}

export function addDaysIso(on: IsoDate, days: number): IsoDate {
  const d = new Date(`${on}T00:00:00.000Z`)
  d.setUTCDate(d.getUTCDate() + days)
  return d.toISOString().slice(0, 10)
}
