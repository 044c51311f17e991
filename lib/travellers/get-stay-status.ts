// "My stay" for one traveller on a day: the engine's assessment, the calendar strip around it and
// the registration reminder.
import { z } from 'zod'
import type { Actor } from '@/lib/auth/permissions'
import { addDays, assessStay, type IsoDate, type ResidenceDocument, type StayAssessment, type StayRecord } from '@/lib/stay-rules'
import type { TravellerSummary } from './find-own-traveller'
import { isoDateSchema } from './iso-date'
import { loadStayInput, withEngine } from './load-stay-input'
import { registrationReminder, type RegistrationReminder } from './registration-reminder'
import { buildStayCalendar, type StayCalendar } from './stay-calendar'
import type { StayView } from './stays/stay-view'

export type StayStatus = {
  traveller: TravellerSummary
  on: IsoDate
  assessment: StayAssessment
  /** The recorded stay the traveller is in on `on` (then latestLegalExit is "leave by"), else null
   * (then the numbers answer "if I enter on `on`"). */
  currentStay: StayView | null
  /** When the traveller may next come in, and for how long (null: no limit in sight, or exempt). */
  nextEntry: NextEntry | null
  calendar: StayCalendar
  registration: RegistrationReminder | null
}

/**
 * The earliest re-entry: after leaving on `afterExitOn` (the latest legal exit) — or, when no stay
 * is possible from `on` at all (afterExitOn null), the engine's earliest entry. "Days remaining"
 * is not this: days roll out of the window meanwhile (research §6.2, §6.5).
 */
export type NextEntry = { on: IsoDate; maxStayDays: number; afterExitOn: IsoDate | null }

export const stayStatusQuerySchema = z.strictObject({ on: isoDateSchema })

export async function getStayStatus(actor: Pick<Actor, 'id'>, travellerId: string, on: IsoDate): Promise<StayStatus> {
  stayStatusQuerySchema.parse({ on })
  const input = await loadStayInput(actor, travellerId)
  // The log holds no future stays (they are refused); for a day in the past, the stays that began
  // after it are not part of that day's picture.
  const log = input.log.filter((stay) => stay.entryOn <= on)
  const stays = log.map((stay) => ({ entryOn: stay.entryOn, exitOn: stay.exitOn }))
  const assessment = withEngine(input.traveller, () => assessStay({ citizenship: input.traveller.citizenship, stays, documents: input.documents, on }))
  const currentStay = [...log].reverse().find((stay) => stay.exitOn === null || stay.exitOn >= on) ?? null
  const openStay = currentStay && currentStay.exitOn === null ? currentStay : null
  return {
    traveller: input.traveller,
    on,
    assessment,
    currentStay,
    nextEntry: nextEntryAfter({ citizenship: input.traveller.citizenship, stays, documents: input.documents, on, assessment }),
    calendar: buildStayCalendar({ on, stays, windowStart: assessment.windowStart, latestLegalExit: assessment.latestLegalExit }),
    registration: registrationReminder({ on, regime: assessment.regime, openStay }),
  }
}

function nextEntryAfter(input: { citizenship: string; stays: StayRecord[]; documents: ResidenceDocument[]; on: IsoDate; assessment: StayAssessment }): NextEntry | null {
  const { citizenship, stays, documents, on, assessment } = input
  if (assessment.maxStayDays === 0) {
    return assessment.earliestEntry ? { on: assessment.earliestEntry.on, maxStayDays: assessment.earliestEntry.maxStayDays, afterExitOn: null } : null
  }
  const exitOn = assessment.latestLegalExit
  if (exitOn === null || assessment.reasons.some((reason) => reason.code === 'LIMIT_HORIZON')) return null
  // Stay until the latest legal exit: the stay covering `on` runs to it (or, when not in
  // Kazakhstan on `on`, a stay entered on `on` does), then the day after is a possible entry.
  let covered = false
  const history = stays.map((stay) => {
    if (stay.exitOn !== null && stay.exitOn < on) return stay
    covered = true
    return { entryOn: stay.entryOn, exitOn: stay.exitOn !== null && stay.exitOn > exitOn ? stay.exitOn : exitOn }
  })
  if (!covered) history.push({ entryOn: on, exitOn })
  const dayAfter = addDays(exitOn, 1)
  const after = assessStay({ citizenship, stays: history, documents, on: dayAfter })
  if (after.maxStayDays > 0) return { on: dayAfter, maxStayDays: after.maxStayDays, afterExitOn: exitOn }
  return after.earliestEntry ? { on: after.earliestEntry.on, maxStayDays: after.earliestEntry.maxStayDays, afterExitOn: exitOn } : null
}
