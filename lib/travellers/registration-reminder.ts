// MVD Order No. 923 of 2025-11-17, in force 2026-07-01: immigrants from countries with a
// visa-free stay of up to 90 days register online (IS MP) within 30 calendar days of crossing the
// border, and again within 5 working days after moving (research §1.6, §7). We remind a rider
// whose current stay has passed 30 days with no registration ticked.
import { addDays, type IsoDate, type Regime } from '@/lib/stay-rules'

export const REGISTRATION_DUTY_FROM: IsoDate = '2026-07-01'
export const REGISTRATION_WITHIN_DAYS = 30

export type RegistrationReminder = {
  stayId: string
  entryOn: IsoDate
  /** The 30th day of the stay (entry day = day 1): the last day to register. */
  dueOn: IsoDate
}

export type RegistrationReminderInput = {
  on: IsoDate
  regime: Regime
  /** The stay the traveller is in on `on` (open), if any. */
  openStay: { id: string; entryOn: IsoDate; registrationNotedOn: IsoDate | null } | null
}

/**
 * A reminder when, on `on`: the duty is in force, the traveller is in an open stay that has lasted
 * more than 30 days (entry ≤ on − 30), nothing is ticked for it, and no document exempts them
 * (a residence permit or a visa holder's registration follows the document, not this rule).
 */
export function registrationReminder({ on, regime, openStay }: RegistrationReminderInput): RegistrationReminder | null {
  if (on < REGISTRATION_DUTY_FROM || openStay === null || regime === 'exempt') return null
  if (openStay.registrationNotedOn !== null) return null
  if (openStay.entryOn > addDays(on, -REGISTRATION_WITHIN_DAYS)) return null
  return { stayId: openStay.id, entryOn: openStay.entryOn, dueOn: addDays(openStay.entryOn, REGISTRATION_WITHIN_DAYS - 1) }
}
