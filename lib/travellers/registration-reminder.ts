// MVD Order No. 923 of 2025-11-17, in force 2026-07-01: immigrants from countries with a
// visa-free stay of up to 90 days register online (IS MP) within 30 calendar days of crossing the
// border, unless a treaty says otherwise, and again within 5 working days after moving (research
// §1.6, §7). The duty only bites where a stay may pass 30 days: 30-day (and 14-day) nationals must
// leave by then anyway — they get the per-entry warning instead. We remind from day 20 of the
// current stay, with the due date, until the rider ticks "registered".
import { addDays, type IsoDate, type Regime, type StayLimits } from '@/lib/stay-rules'

export const REGISTRATION_DUTY_FROM: IsoDate = '2026-07-01'
export const REGISTRATION_WITHIN_DAYS = 30
/** The reminder shows from this day of the stay (entry day = day 1). */
export const REGISTRATION_REMIND_FROM_DAY = 20

export type RegistrationReminder = {
  stayId: string
  entryOn: IsoDate
  /** The 30th day of the stay (entry day = day 1): the last day to register. */
  dueOn: IsoDate
  /** The due date has passed. */
  overdue: boolean
}

export type RegistrationReminderInput = {
  on: IsoDate
  regime: Regime
  /** The regime's limits (null for exempt, visa-required, unknown). */
  limits: StayLimits | null
  /** The stay the traveller is in on `on` (open), if any. */
  openStay: { id: string; entryOn: IsoDate; registrationNotedOn: IsoDate | null } | null
}

/** Whether a regime carries the registration duty: visa-free stays that may last past 30 days. */
export function hasRegistrationDuty(regime: Regime, limits: StayLimits | null): boolean {
  if ((regime !== 'eaeu' && regime !== 'visa_free') || limits === null) return false
  return limits.perEntryDays === null || limits.perEntryDays > REGISTRATION_WITHIN_DAYS
}

export function registrationReminder({ on, regime, limits, openStay }: RegistrationReminderInput): RegistrationReminder | null {
  if (on < REGISTRATION_DUTY_FROM || openStay === null || !hasRegistrationDuty(regime, limits)) return null
  if (openStay.registrationNotedOn !== null) return null
  if (openStay.entryOn > addDays(on, -(REGISTRATION_REMIND_FROM_DAY - 1))) return null
  const dueOn = addDays(openStay.entryOn, REGISTRATION_WITHIN_DAYS - 1)
  return { stayId: openStay.id, entryOn: openStay.entryOn, dueOn, overdue: on > dueOn }
}
