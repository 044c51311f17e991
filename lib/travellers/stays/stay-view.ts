// What callers see of a stay, and the checks every write of one makes.
import { isoFromDbDate, type IsoDate } from '@/lib/dates/kz-date'
import { AppError, type FieldMessage } from '@/lib/errors'
import { Prisma } from '@/lib/generated/prisma/client'

export const staySelect = { id: true, travellerId: true, entryOn: true, exitOn: true, source: true, registrationNotedOn: true } as const

export type StayView = {
  id: string
  travellerId: string
  entryOn: IsoDate
  /** null: still in Kazakhstan (the open stay). */
  exitOn: IsoDate | null
  /** MANUAL (the rider typed it) or RUN (written when a driver completed a run); both editable. */
  source: 'MANUAL' | 'RUN'
  registrationNotedOn: IsoDate | null
}

type StayRow = { id: string; travellerId: string; entryOn: Date; exitOn: Date | null; source: 'MANUAL' | 'RUN'; registrationNotedOn: Date | null }

export function toStayView(row: StayRow): StayView {
  return {
    id: row.id,
    travellerId: row.travellerId,
    entryOn: isoFromDbDate(row.entryOn),
    exitOn: row.exitOn ? isoFromDbDate(row.exitOn) : null,
    source: row.source,
    registrationNotedOn: row.registrationNotedOn ? isoFromDbDate(row.registrationNotedOn) : null,
  }
}

/**
 * The rules of a stay record, beyond its shape: exit not before entry, and no date in the future
 * — the travel log records what happened; plans go to the what-if planner. An open stay (no exit)
 * is the current one, so its entry cannot be in the future either.
 */
/** How far back a travel log goes: the 90/180 window looks 180 days back, and a decade covers any
 *  document or history a rider might want to keep. A stay "in 1900" is a typo, not a record. */
export const OLDEST_STAY_YEARS = 10

export function checkStayDates(stay: { entryOn: IsoDate; exitOn: IsoDate | null }, today: IsoDate): void {
  const fields: Record<string, FieldMessage[]> = {}
  const oldest = `${Number(today.slice(0, 4)) - OLDEST_STAY_YEARS}${today.slice(4)}`
  if (stay.entryOn > today) fields.entryOn = [{ key: 'validation.dateInFuture' }]
  else if (stay.entryOn < oldest) fields.entryOn = [{ key: 'validation.dateTooOld', params: { years: OLDEST_STAY_YEARS } }]
  if (stay.exitOn !== null) {
    if (stay.exitOn < stay.entryOn) fields.exitOn = [{ key: 'validation.exitBeforeEntry' }]
    else if (stay.exitOn > today) fields.exitOn = [{ key: 'validation.dateInFuture' }]
  }
  if (Object.keys(fields).length > 0) throw new AppError('VALIDATION', { fields })
}

/**
 * A stay that shares a day with the stay still open (no exit yet) cannot both be true: someone in
 * Kazakhstan since the open stay's entry did not also enter and leave in between. Refused, with the
 * open stay's entry date, rather than silently merged.
 */
export function checkNoOverlapWithOpenStay(stay: { id?: string; entryOn: IsoDate; exitOn: IsoDate | null }, others: readonly StayView[], today: IsoDate): void {
  const end = stay.exitOn ?? today
  const clash = others.find((other) => {
    if (other.id === stay.id) return false
    if (other.exitOn !== null && stay.exitOn !== null) return false
    if (other.exitOn === null && stay.exitOn === null) return false // two open stays: the unique index says so
    const otherEnd = other.exitOn ?? today
    return other.entryOn <= end && stay.entryOn <= otherEnd
  })
  if (!clash) return
  const open = clash.exitOn === null ? clash : stay
  throw new AppError('VALIDATION', { fields: { [stay.exitOn === null ? 'entryOn' : 'exitOn']: [{ key: 'validation.overlapsOpenStay', params: { since: open.entryOn } }] } })
}

/** The partial unique index stays_one_open_per_traveller refused a second stay without an exit. */
export function secondOpenStayError(error: unknown): AppError | null {
  if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') {
    return new AppError('VALIDATION', { fields: { exitOn: [{ key: 'validation.secondOpenStay' }] } })
  }
  return null
}

/**
 * True when the stay overlaps or touches another of the traveller's stays. Such records are
 * accepted — the engine counts dates, not trips, so they merge into one period (research §6.3) —
 * and the rider is told so.
 */
export function touchesAnother(stay: { id: string; entryOn: IsoDate; exitOn: IsoDate | null }, others: readonly StayView[], today: IsoDate): boolean {
  const end = stay.exitOn ?? today
  return others.some((other) => {
    if (other.id === stay.id) return false
    const otherEnd = other.exitOn ?? today
    return other.entryOn <= nextDay(end) && stay.entryOn <= nextDay(otherEnd)
  })
}

function nextDay(on: IsoDate): IsoDate {
  const d = new Date(`${on}T00:00:00.000Z`)
  d.setUTCDate(d.getUTCDate() + 1)
  return d.toISOString().slice(0, 10)
}
