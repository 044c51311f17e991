// Reminders, written into the outbox like any notice (and delivered the same way). A periodic job
// (every 5 minutes in each app process) looks for what is due at `now`:
//
// - the evening before a run (from 19:00 Kazakhstan time, while departure is more than 3 h away)
//   and 2 hours before it: every confirmed rider (time, pickup with a map link, driver, car, plate,
//   phone, how many riders) and the driver of a run with confirmed riders;
// - 30 minutes before a pending request expires: the driver;
// - 10 and 3 days before a traveller's latest legal exit when no run out is booked by then: the rider;
// - from 5 days before online registration falls due (30 days after entry, MVD Order No. 923, in
//   force 2026-07-01), until the rider ticks it: the rider, once per stay.
//
// Each reminder has a dedupe key (what it is about, and the departure time or date it is for), and
// notify() writes a key once: running the job again, after a restart or in several processes at the
// same moment, writes nothing twice. A run moved to another time gets reminders for the new time.
// Every check derives from `now`; tests move it.
import { addDaysIso, isoFromDbDate, todayInKz } from '@/lib/dates/kz-date'
import { db } from '@/lib/db'
import { notify, type NotificationInput } from '@/lib/notifications/notify'
import { addDays, assessStay, isStayInputError, type IsoDate } from '@/lib/stay-rules'
import { engineDocumentKind } from '@/lib/travellers/documents/document-view'
import { REGISTRATION_DUTY_FROM, REGISTRATION_WITHIN_DAYS } from '@/lib/travellers/registration-reminder'

const HOUR = 3_600_000
/** The evening reminder starts at this Kazakhstan hour the day before. */
export const EVENING_FROM_HOUR = 19
export const LEGAL_EXIT_LEAD_DAYS = [10, 3] as const
export const REGISTRATION_LEAD_DAYS = 5

export type ReminderRun = { departure: number; requests: number; legalExit: number; registration: number }

export async function sendReminders(now: Date = new Date()): Promise<ReminderRun> {
  return {
    departure: await departureReminders(now),
    requests: await expiringRequestReminders(now),
    legalExit: await legalExitReminders(now),
    registration: await registrationReminders(now),
  }
}

async function write(notices: NotificationInput[]): Promise<number> {
  let written = 0
  // Small transactions: one run's reminders at a time.
  for (let i = 0; i < notices.length; i += 50) {
    const slice = notices.slice(i, i + 50)
    written += await db.$transaction((tx) => notify(tx, slice))
  }
  return written
}

const kzHour = (now: Date) => new Date(now.getTime() + 5 * HOUR).getUTCHours()

async function departureReminders(now: Date): Promise<number> {
  const tomorrow = addDaysIso(todayInKz(now), 1)
  const evening = kzHour(now) >= EVENING_FROM_HOUR
  const trips = await db.trip.findMany({
    where: {
      status: { in: ['SCHEDULED', 'BOARDING'] },
      departureAt: { gt: now },
      OR: [
        { departureAt: { lte: new Date(now.getTime() + 2 * HOUR) } },
        ...(evening ? [{ departureOn: new Date(`${tomorrow}T00:00:00Z`), departureAt: { gt: new Date(now.getTime() + 3 * HOUR) } }] : []),
      ],
    },
    select: {
      id: true, driverId: true, departureAt: true,
      bookings: { where: { status: 'CONFIRMED', riderId: { not: null } }, select: { id: true, riderId: true, seats: true } },
    },
    take: 2_000,
  })
  const notices: NotificationInput[] = []
  for (const trip of trips) {
    if (trip.bookings.length === 0) continue
    const soon = trip.departureAt.getTime() - now.getTime() <= 2 * HOUR
    const kind = soon ? 'REMINDER_DEPARTURE_SOON' : 'REMINDER_DEPARTURE_EVENING'
    const tag = soon ? 'soon' : 'evening'
    const at = trip.departureAt.toISOString()
    for (const b of trip.bookings) {
      notices.push({ userId: b.riderId, kind, params: { tripId: trip.id, bookingId: b.id, departureAt: at, seats: b.seats }, dedupeKey: `reminder:${tag}:booking:${b.id}:${at}` })
    }
    notices.push({ userId: trip.driverId, kind, params: { tripId: trip.id, departureAt: at }, dedupeKey: `reminder:${tag}:trip:${trip.id}:${at}` })
  }
  return write(notices)
}

async function expiringRequestReminders(now: Date): Promise<number> {
  const requests = await db.booking.findMany({
    where: { status: 'PENDING', expiresAt: { gt: now, lte: new Date(now.getTime() + 30 * 60_000) } },
    select: { id: true, seats: true, expiresAt: true, rider: { select: { name: true } }, trip: { select: { id: true, driverId: true, status: true } } },
    take: 2_000,
  })
  return write(
    requests
      .filter((r) => r.trip.status === 'SCHEDULED')
      .map((r) => ({
        userId: r.trip.driverId,
        kind: 'REMINDER_REQUEST_EXPIRING' as const,
        params: { tripId: r.trip.id, bookingId: r.id, seats: r.seats, rider: r.rider?.name ?? '—', expiresAt: r.expiresAt!.toISOString() },
        dedupeKey: `reminder:request:${r.id}:${r.expiresAt!.toISOString()}`,
      })),
  )
}

/** Travellers in Kazakhstan now (an open stay), with what the engine needs, a page at a time. */
async function travellersInCountry(cursor: string | undefined) {
  return db.traveller.findMany({
    where: { stays: { some: { exitOn: null } }, account: { deletedAt: null } },
    orderBy: { id: 'asc' },
    take: 500,
    ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
    select: {
      id: true, accountId: true, name: true, citizenship: true,
      stays: { orderBy: { entryOn: 'asc' }, select: { id: true, entryOn: true, exitOn: true, registrationNotedOn: true } },
      documents: { select: { kind: true, validFrom: true, validTo: true } },
    },
  })
}

type InCountry = Awaited<ReturnType<typeof travellersInCountry>>[number]

function assess(traveller: InCountry, on: IsoDate) {
  const stays = traveller.stays.map((s) => ({ entryOn: isoFromDbDate(s.entryOn), exitOn: s.exitOn ? isoFromDbDate(s.exitOn) : null })).filter((s) => s.entryOn <= on)
  const documents = traveller.documents.map((d) => ({ kind: engineDocumentKind[d.kind], validFrom: isoFromDbDate(d.validFrom), validTo: d.validTo ? isoFromDbDate(d.validTo) : null }))
  try {
    return assessStay({ citizenship: traveller.citizenship, stays, documents, on })
  } catch (error) {
    if (isStayInputError(error)) return null // a log the rider must fix; "My stay" says so
    throw error
  }
}

const daysBetween = (from: IsoDate, to: IsoDate) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000)

async function legalExitReminders(now: Date): Promise<number> {
  const today = todayInKz(now)
  let written = 0
  for (let page = await travellersInCountry(undefined); page.length; page = await travellersInCountry(page.at(-1)!.id)) {
    const due: { traveller: InCountry; exitOn: IsoDate; daysLeft: number; lead: number }[] = []
    for (const traveller of page) {
      const assessment = assess(traveller, today)
      if (!assessment || assessment.regime === 'exempt' || !assessment.latestLegalExit) continue
      if (assessment.reasons.some((r) => r.code === 'LIMIT_HORIZON')) continue
      const daysLeft = daysBetween(today, assessment.latestLegalExit)
      const lead = LEGAL_EXIT_LEAD_DAYS.filter((d) => daysLeft <= d).at(-1)
      if (lead === undefined || daysLeft < 0) continue
      due.push({ traveller, exitOn: assessment.latestLegalExit, daysLeft, lead })
    }
    if (due.length === 0) continue
    // A booked way out: a live booking of the traveller on a run leaving by the latest legal exit.
    const booked = await db.bookingTraveller.findMany({
      where: {
        travellerId: { in: due.map((d) => d.traveller.id) },
        booking: { status: { in: ['PENDING', 'CONFIRMED'] }, trip: { status: { not: 'CANCELLED' }, departureOn: { gte: new Date(`${today}T00:00:00Z`) } } },
      },
      select: { travellerId: true, booking: { select: { trip: { select: { departureOn: true } } } } },
    })
    const notices: NotificationInput[] = due
      .filter((d) => !booked.some((b) => b.travellerId === d.traveller.id && isoFromDbDate(b.booking.trip.departureOn) <= d.exitOn))
      .map((d) => ({
        userId: d.traveller.accountId,
        kind: 'REMINDER_LEGAL_EXIT' as const,
        params: { travellerId: d.traveller.id, name: d.traveller.name, exitOn: d.exitOn, daysLeft: d.daysLeft },
        dedupeKey: `reminder:legal-exit-${d.lead}:${d.traveller.id}:${d.exitOn}`,
      }))
    written += await write(notices)
  }
  return written
}

async function registrationReminders(now: Date): Promise<number> {
  const today = todayInKz(now)
  if (today < REGISTRATION_DUTY_FROM) return 0
  let written = 0
  for (let page = await travellersInCountry(undefined); page.length; page = await travellersInCountry(page.at(-1)!.id)) {
    const notices: NotificationInput[] = []
    for (const traveller of page) {
      const open = traveller.stays.find((s) => s.exitOn === null)
      if (!open || open.registrationNotedOn) continue
      const entryOn = isoFromDbDate(open.entryOn)
      const dueOn = addDays(entryOn, REGISTRATION_WITHIN_DAYS - 1)
      // From 5 days before it falls due; a stay long past it is "My stay"'s to show, not ours to nag.
      if (today < addDays(dueOn, -REGISTRATION_LEAD_DAYS) || today > addDays(dueOn, REGISTRATION_WITHIN_DAYS)) continue
      const assessment = assess(traveller, today)
      if (!assessment || assessment.regime === 'exempt') continue
      notices.push({ userId: traveller.accountId, kind: 'REMINDER_REGISTRATION', params: { travellerId: traveller.id, name: traveller.name, dueOn }, dedupeKey: `reminder:registration:${open.id}` })
    }
    written += await write(notices)
  }
  return written
}
