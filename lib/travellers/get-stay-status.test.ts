// The assessment use case on the real database: the engine's numbers for a traveller's own log,
// the earliest re-entry, the registration reminder, and the what-if planner.
import { describe, expect, test } from 'vitest'
import { addDaysIso, todayInKz } from '@/lib/dates/kz-date'
import { createDocumentRow, createStayRow, createTestTraveller, refusalOf, ruRider85Days } from '@/lib/testing/traveller-factories'
import { getStayStatus } from './get-stay-status'
import { whatIf } from './what-if'

// From the clock (the registration duty applies from 2026-07-01, before any day this runs on).
const TODAY = todayInKz()
const day = (offset: number) => addDaysIso(TODAY, offset)

async function russianWith85Days() {
  const { actor, traveller } = await createTestTraveller({ citizenship: 'RU' })
  for (const stay of ruRider85Days(TODAY)) await createStayRow(traveller.id, stay)
  return { actor, traveller }
}

describe('getStayStatus', () => {
  test('a Russian in Kazakhstan with 85 days used: 5 left, leave by today+5, back on today+30 for 50 days', async () => {
    const { actor, traveller } = await russianWith85Days()
    const status = await getStayStatus(actor, traveller.id, TODAY)
    expect(status.assessment).toMatchObject({
      regime: 'eaeu',
      windowStart: day(-179),
      daysUsed: 85,
      daysRemaining: 5,
      overstayDays: 0,
      maxStayDays: 6,
      latestLegalExit: day(5),
      earliestEntry: null,
    })
    expect(status.assessment.reasons.map((r) => r.code)).toEqual(['REGIME_EAEU', 'RULE', 'DAYS_USED', 'LIMIT_WINDOW'])
    // Leaving on the last legal day, the 90th most recent day (today−150) leaves the window on
    // today+30; from then one old day rolls out for each new one until today−101 does (today+79).
    expect(status.nextEntry).toEqual({ on: day(30), maxStayDays: 50, afterExitOn: day(5) })
    expect(status.currentStay).toMatchObject({ entryOn: day(-34), exitOn: null })
    expect(status.calendar.days.filter((d) => d.present)).toHaveLength(85)
    expect(status.calendar.days.filter((d) => d.isLastLegalDay).map((d) => d.on)).toEqual([day(5)])
    // Present 35 days (entry today−34), nothing ticked, after 2026-07-01: remind (overdue since day 30).
    expect(status.registration).toEqual({ stayId: status.currentStay!.id, entryOn: day(-34), dueOn: day(-5), overdue: true })
  })

  test('not in Kazakhstan with 90 days used: no stay possible now, the earliest entry instead', async () => {
    const { actor, traveller } = await createTestTraveller({ citizenship: 'BY' })
    await createStayRow(traveller.id, { entryOn: day(-100), exitOn: day(-11) }) // 90 days
    const status = await getStayStatus(actor, traveller.id, TODAY)
    expect(status.assessment).toMatchObject({ daysUsed: 90, maxStayDays: 0, latestLegalExit: null })
    expect(status.currentStay).toBeNull()
    expect(status.registration).toBeNull()
    // Last day present today−11: back on today−11+91 = today+80 (research §6.5).
    expect(status.nextEntry).toEqual({ on: day(80), maxStayDays: 90, afterExitOn: null })
  })

  test('a valid residence permit: exempt, no limit in sight, no reminder', async () => {
    const { actor, traveller } = await russianWith85Days()
    await createDocumentRow(traveller.id, { kind: 'PERMANENT_RESIDENCE', validFrom: day(-20), validTo: null })
    const status = await getStayStatus(actor, traveller.id, TODAY)
    expect(status.assessment.regime).toBe('exempt')
    expect(status.assessment.reasons.map((r) => r.code)).toContain('LIMIT_HORIZON')
    expect(status.nextEntry).toBeNull()
    expect(status.registration).toBeNull()
  })

  test.each([
    { label: 'entered 18 days ago (day 19): no reminder yet', entry: -18, noted: null, reminded: false },
    { label: 'entered 19 days ago (day 20): reminder, with the due date', entry: -19, noted: null, reminded: true },
    { label: 'entered 30 days ago (day 31): reminder', entry: -30, noted: null, reminded: true },
    { label: 'entered 30 days ago, registration ticked: no reminder', entry: -30, noted: -2, reminded: false },
  ])('registration: $label', async ({ entry, noted, reminded }) => {
    const { actor, traveller } = await createTestTraveller({ citizenship: 'RU' })
    await createStayRow(traveller.id, { entryOn: day(entry), exitOn: null, registrationNotedOn: noted === null ? null : day(noted) })
    const status = await getStayStatus(actor, traveller.id, TODAY)
    expect(status.registration !== null).toBe(reminded)
  })

  test('a day in the past ignores stays that began after it', async () => {
    const { actor, traveller } = await russianWith85Days()
    const status = await getStayStatus(actor, traveller.id, day(-40))
    expect(status.assessment.daysUsed).toBe(50)
    expect(status.currentStay).toBeNull()
  })

  test('a malformed day is a field error on `on`', async () => {
    const { actor, traveller } = await createTestTraveller()
    expect((await refusalOf(getStayStatus(actor, traveller.id, '2026-02-29'))).fields).toEqual({ on: ['validation.noSuchDate'] })
  })
})

describe('whatIf', () => {
  test.each([
    { label: 'leave on the last legal day, back the next day: refused at the border', exit: 5, back: 6, verdict: 'blocked', codes: ['DAYS_USED_ON_EXIT', 'RETURN_REFUSED', 'NO_RESET'] },
    { label: 'leave a day after the last legal day, one way: never refused, warned', exit: 6, back: null, verdict: 'warn', codes: ['OVERSTAY_LEAVE_NOW', 'NO_RESET'] },
    { label: 'a round trip a day after the last legal day: refused', exit: 6, back: 6, verdict: 'blocked', codes: ['OVERSTAY_ON_EXIT', 'RETURN_REFUSED', 'NO_RESET'] },
    { label: 'same-day run in two days: allowed, but only a few days left', exit: 2, back: 2, verdict: 'warn', codes: ['DAYS_USED_ON_EXIT', 'RETURN_SHORT_STAY', 'NO_RESET'] },
    { label: 'leave today, back on the earliest re-entry day', exit: 0, back: 30, verdict: 'ok', codes: ['DAYS_USED_ON_EXIT', 'RETURN_OK', 'NO_RESET'] },
  ])('$label', async ({ exit, back, verdict, codes }) => {
    const { actor, traveller } = await russianWith85Days()
    const check = await whatIf(actor, traveller.id, day(exit), back === null ? null : day(back), TODAY)
    expect(check.verdict).toBe(verdict)
    expect(check.reasons.map((r) => r.code)).toEqual(codes)
  })

  test('the refusal names the earliest re-entry', async () => {
    const { actor, traveller } = await russianWith85Days()
    const check = await whatIf(actor, traveller.id, day(5), day(6), TODAY)
    expect(check.reasons.find((r) => r.code === 'RETURN_REFUSED')!.params).toMatchObject({ earliestEntryOn: day(30), maxStayDays: 50 })
  })

  test.each([
    { label: 'a return before the exit', exit: 3, back: 2, fields: { returnOn: ['validation.returnBeforeExit'] } },
    { label: 'an exit in the past', exit: -1, back: null, fields: { exitOn: ['validation.dateInPast'] } },
    { label: 'an exit more than a year ahead', exit: 366, back: null, fields: { exitOn: ['validation.dateTooFar'] } },
  ])('refuses $label with a field error', async ({ exit, back, fields }) => {
    const { actor, traveller } = await russianWith85Days()
    expect((await refusalOf(whatIf(actor, traveller.id, day(exit), back === null ? null : day(back), TODAY))).fields).toEqual(fields)
  })
})
