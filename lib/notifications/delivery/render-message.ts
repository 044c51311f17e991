// A notice as it leaves the app: a subject line, the facts that matter to the reader, a link to the
// page where they act, and (Telegram) the buttons that act right there — in the reader's language,
// from messages/*.json (`deliver.*`, `changes.*`). Kazakh joins by adding its catalogue.
//
// Rendered when the notice goes out, from the notice's parameters and what the database says now:
// a confirmation carries the driver's phone only while the booking is still confirmed (nobody's
// contact before confirmation), a driver's request message carries Approve/Decline only while the
// request is still open.
import { formatDateTime, formatDay, formatTime } from '@/lib/format'
import { deliveryToken, issueToken } from '@/lib/accounts/auth-tokens'
import { db } from '@/lib/db'
import type { NotificationChannel } from '@/lib/generated/prisma/enums'
import { textFor } from '@/lib/notifications/text'
import { placeName, type PlaceNames } from '@/lib/i18n/place-name'
import { isLocale, type Locale } from '@/lib/i18n/routing'
import { appUrl, mapUrl } from '@/lib/notifications/app-url'
import { placeNames } from '@/lib/notifications/change-lines'
import { describeChanges, readChangeSummary } from '@/lib/notifications/changes'
import type { ChangeEntry } from '@/lib/notifications/notify'
import { formatPhone } from '@/lib/phone'

export type Button = { text: string; data: string }

export type RenderedMessage = {
  subject: string
  lines: string[]
  /** The page to open (always on a line of its own; in Telegram too). */
  url: string | null
  /** Telegram inline buttons (callback data ≤ 64 bytes, see lib/telegram/handle-update.ts). */
  buttons: Button[][]
}

export type NoticeToRender = { id: string; kind: string; params: unknown; createdAt: Date }
export type Reader = { id: string; name: string; email: string; locale: string }

/** Callback data of the buttons, parsed back in lib/telegram/handle-update.ts. */
export const CALLBACK = {
  approve: (bookingId: string) => `a:${bookingId}`,
  decline: (bookingId: string) => `d:${bookingId}`,
  acceptChange: (bookingId: string) => `ok:${bookingId}`,
  cancelAsk: (bookingId: string) => `x:${bookingId}`,
  cancelConfirm: (bookingId: string) => `xx:${bookingId}`,
  cancelKeep: (bookingId: string) => `k:${bookingId}`,
}

function paramsOf(value: unknown): Record<string, unknown> {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {}
}
const str = (v: unknown) => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '')
const num = (v: unknown) => (typeof v === 'number' ? v : Number(v) || 0)
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

const tripSelect = {
  id: true, status: true, driverId: true, departureAt: true, returnAt: true, roundTrip: true, pickupLabel: true, pickupLat: true, pickupLng: true,
  originCity: { select: { nameRu: true, nameEn: true } }, destinationCity: { select: { nameRu: true, nameEn: true } },
  checkpoint: { select: { nameRu: true, nameEn: true } },
  driver: { select: { name: true, phone: true, telegramUsername: true, telegramShared: true, telegramChatId: true } },
  car: { select: { make: true, model: true, colour: true, plate: true } },
} as const

const bookingSelect = {
  id: true, status: true, seats: true, riderId: true, tripId: true, expiresAt: true, changeSummary: true, changedByDriverAt: true,
  rider: { select: { name: true, phone: true, telegramUsername: true, telegramShared: true, telegramChatId: true } },
} as const

type TripRow = NonNullable<Awaited<ReturnType<typeof fetchTrips>>>[number]
type BookingRow = NonNullable<Awaited<ReturnType<typeof fetchBookings>>>[number]

const fetchTrips = (ids: string[]) => db.trip.findMany({ where: { id: { in: ids } }, select: tripSelect })
const fetchBookings = (ids: string[]) => db.booking.findMany({ where: { id: { in: ids } }, select: bookingSelect })

/** The runs and bookings a batch of notices is about, read in two queries (the worker renders many). */
export type RenderContext = { trips: Map<string, TripRow>; bookings: Map<string, BookingRow> }

export async function loadRenderContext(notices: { params: unknown }[]): Promise<RenderContext> {
  const ids = (key: string[]) =>
    [...new Set(notices.flatMap((n) => key.map((k) => paramsOf(n.params)[k])).filter((v): v is string => typeof v === 'string' && UUID.test(v)))]
  const [trips, bookings] = await Promise.all([fetchTrips(ids(['tripId', 'toTripId'])), fetchBookings(ids(['bookingId']))])
  return { trips: new Map(trips.map((t) => [t.id, t])), bookings: new Map(bookings.map((b) => [b.id, b])) }
}

async function loadTrip(id: unknown, context?: RenderContext): Promise<TripRow | null> {
  if (typeof id !== 'string' || !UUID.test(id)) return null
  if (context?.trips.has(id)) return context.trips.get(id)!
  return (await fetchTrips([id]))[0] ?? null
}

async function loadBooking(id: unknown, context?: RenderContext): Promise<BookingRow | null> {
  if (typeof id !== 'string' || !UUID.test(id)) return null
  if (context?.bookings.has(id)) return context.bookings.get(id)!
  return (await fetchBookings([id]))[0] ?? null
}

async function confirmedSeats(tripId: string): Promise<number> {
  const sum = await db.booking.aggregate({ where: { tripId, status: 'CONFIRMED' }, _sum: { seats: true } })
  return sum._sum.seats ?? 0
}

/** "@username" when the person linked Telegram, has a username and lets the other side see it. */
function telegramHandle(person: { telegramUsername: string | null; telegramShared: boolean; telegramChatId: bigint | null } | null): string | null {
  if (!person || !person.telegramShared || !person.telegramChatId || !person.telegramUsername) return null
  return `@${person.telegramUsername}`
}

const TRUST_KINDS = new Set(['REVIEW_RECEIVED', 'REVIEW_HIDDEN', 'NO_SHOW_CLAIMED', 'NO_SHOW_DECIDED', 'MODERATION_WARNING', 'ACCOUNT_SUSPENDED', 'ACCOUNT_REINSTATED'])

export async function renderNotice(notice: NoticeToRender, reader: Reader, options: { deliveryId: string; channel: NotificationChannel; now?: Date; context?: RenderContext }): Promise<RenderedMessage> {
  const locale: Locale = isLocale(reader.locale) ? reader.locale : 'ru'
  const t = textFor(locale, 'deliver')
  const p = paramsOf(notice.params)
  const kind = notice.kind
  const name = (v: PlaceNames) => placeName(locale, v)
  const lines: string[] = []
  const buttons: Button[][] = []
  let url: string | null = null

  // ── Account mail ────────────────────────────────────────────────────────────────────────────
  if (kind === 'PASSWORD_RESET' || kind === 'EMAIL_VERIFY') {
    const purpose = kind === 'PASSWORD_RESET' ? 'PASSWORD_RESET' : 'EMAIL_VERIFY'
    const token = deliveryToken(purpose, options.deliveryId)
    await issueToken(db, { userId: reader.id, purpose, token, email: purpose === 'EMAIL_VERIFY' ? reader.email : null, now: options.now })
    url = appUrl(locale, `${kind === 'PASSWORD_RESET' ? '/reset-password' : '/verify-email'}?token=${token}`)
    lines.push(t(`text.${kind}`, { name: reader.name }))
    if (kind === 'PASSWORD_RESET') lines.push(t('line.validHour'))
    lines.push(t('line.notYou'))
    return { subject: t(`subject.${kind}`), lines, url, buttons }
  }
  if (kind === 'PASSWORD_CHANGED' || kind === 'ACCOUNT_EXISTS') {
    lines.push(t(`text.${kind}`, { name: reader.name }))
    lines.push(t('line.forgot', { url: appUrl(locale, '/forgot-password') }))
    return { subject: t(`subject.${kind}`), lines, url: appUrl(locale, '/sign-in'), buttons }
  }

  // ── Travellers' legal stay ──────────────────────────────────────────────────────────────────
  if (kind === 'REMINDER_LEGAL_EXIT') {
    const values = { name: str(p.name), exitOn: formatDay(locale, str(p.exitOn)), daysLeft: num(p.daysLeft) }
    lines.push(t('text.REMINDER_LEGAL_EXIT', values))
    lines.push(t('line.findRun', { url: appUrl(locale, '/trips') }))
    return { subject: t('subject.REMINDER_LEGAL_EXIT', values), lines, url: appUrl(locale, '/stay'), buttons }
  }
  if (kind === 'REMINDER_REGISTRATION') {
    const values = { name: str(p.name), dueOn: formatDay(locale, str(p.dueOn)) }
    lines.push(t('text.REMINDER_REGISTRATION', values))
    return { subject: t('subject.REMINDER_REGISTRATION', values), lines, url: appUrl(locale, '/stay'), buttons }
  }
  if (kind === 'TRIP_COMPLETED_LOGGED') {
    lines.push(t('text.TRIP_COMPLETED_LOGGED'))
    return { subject: t('subject.TRIP_COMPLETED_LOGGED'), lines, url: appUrl(locale, '/stay'), buttons }
  }

  // ── Trust and moderation (issue 13): the in-app words, and a link to where to act ──────────
  if (TRUST_KINDS.has(kind)) {
    const inApp = textFor(locale, 'notifications')
    lines.push(inApp(kind, { published: num(p.published), upheld: num(p.upheld), note: str(p.note), reason: str(p.reason) }))
    const onBookings = kind === 'REVIEW_RECEIVED' || kind === 'NO_SHOW_CLAIMED'
    return { subject: t(`subject.${kind}`), lines, url: appUrl(locale, onBookings ? '/bookings' : '/notifications'), buttons }
  }

  // ── Runs and bookings ───────────────────────────────────────────────────────────────────────
  const [trip, booking] = await Promise.all([loadTrip(p.tripId ?? p.toTripId, options.context), loadBooking(p.bookingId, options.context)])
  const isDriver = trip?.driverId === reader.id
  const route = trip ? `${name(trip.originCity)} → ${name(trip.destinationCity)}` : str(p.route)
  const departure = trip ? formatDateTime(locale, trip.departureAt) : p.departureAt ? formatDateTime(locale, str(p.departureAt)) : ''
  const values = {
    route, departure, seats: num(p.seats ?? booking?.seats), pending: num(p.pending), rider: str(p.rider) || booking?.rider?.name || '',
    time: trip ? formatTime(locale, trip.departureAt) : '', count: 0, verdict: str(p.verdict),
  }
  const subject = t(`subject.${kind}`, values)
  url = trip ? appUrl(locale, isDriver ? `/my-trips/${trip.id}` : `/trips/${trip.id}`) : appUrl(locale, '/notifications')

  const runFacts = (withCar: boolean) => {
    if (!trip) return
    lines.push(t('line.departure', { departure }))
    lines.push(t('line.pickup', { place: trip.pickupLabel }))
    lines.push(t('line.map', { url: mapUrl(trip.pickupLat, trip.pickupLng) }))
    lines.push(t('line.checkpoint', { name: name(trip.checkpoint) }))
    lines.push(trip.roundTrip && trip.returnAt ? t('line.return', { time: formatDateTime(locale, trip.returnAt) }) : t('line.oneWay'))
    if (withCar) lines.push(t('line.car', { car: `${trip.car.make} ${trip.car.model}, ${trip.car.colour}`, plate: trip.car.plate }))
  }
  /** The driver's contact for a rider — only while the rider's booking is confirmed. */
  const driverContact = () => {
    if (!trip || !booking || booking.status !== 'CONFIRMED' || booking.riderId !== reader.id) return
    lines.push(t('line.driver', { name: trip.driver.name }))
    if (trip.driver.phone) lines.push(t('line.phone', { phone: formatPhone(trip.driver.phone) }))
    const handle = telegramHandle(trip.driver)
    if (handle) lines.push(t('line.telegram', { username: handle }))
  }
  /** The rider's contact for the driver — only once the booking is confirmed. */
  const riderContact = () => {
    if (!booking || booking.status !== 'CONFIRMED' || !booking.rider) return
    lines.push(t('line.rider', { name: booking.rider.name }))
    if (booking.rider.phone) lines.push(t('line.phone', { phone: formatPhone(booking.rider.phone) }))
    const handle = telegramHandle(booking.rider)
    if (handle) lines.push(t('line.telegram', { username: handle }))
  }
  const changeBlock = async (changes: ChangeEntry[], reason: string) => {
    if (changes.length) {
      lines.push(t('line.changes'))
      for (const line of describeChanges(locale, changes, await placeNames())) lines.push(`• ${line}`)
    }
    if (reason) lines.push(t('line.reason', { reason }))
  }
  const decisionButtons = () => {
    if (booking && booking.status === 'PENDING' && isDriver) {
      buttons.push([{ text: t('button.approve'), data: CALLBACK.approve(booking.id) }, { text: t('button.decline'), data: CALLBACK.decline(booking.id) }])
      if (booking.expiresAt) lines.push(t('line.answerBy', { time: formatDateTime(locale, booking.expiresAt) }))
    }
  }
  const acceptOrCancel = () => {
    if (booking && booking.changedByDriverAt && booking.riderId === reader.id && ['CONFIRMED', 'PENDING', 'WAITLISTED'].includes(booking.status)) {
      lines.push(t('line.acceptOrCancel'))
      buttons.push([{ text: t('button.accept'), data: CALLBACK.acceptChange(booking.id) }, { text: t('button.cancelFree'), data: CALLBACK.cancelAsk(booking.id) }])
    }
  }

  switch (kind) {
    case 'BOOKING_CONFIRMED':
    case 'REQUEST_APPROVED':
    case 'PROMOTED_FROM_WAITLIST':
      runFacts(booking?.status === 'CONFIRMED')
      driverContact()
      break
    case 'BOOKING_RECEIVED':
      lines.push(t('line.seats', { seats: values.seats }))
      if (trip) lines.push(t('line.departure', { departure }))
      riderContact()
      decisionButtons()
      break
    case 'REMINDER_REQUEST_EXPIRING':
      lines.push(t('line.rider', { name: values.rider }))
      lines.push(t('line.seats', { seats: values.seats }))
      if (trip) lines.push(t('line.departure', { departure }))
      decisionButtons()
      break
    case 'TRIP_CHANGED':
    case 'MOVED_TO_TRIP': {
      const summary = readChangeSummary({ changes: p.changes, reason: p.reason })
      await changeBlock(summary?.changes ?? [], summary?.reason ?? '')
      if (kind === 'MOVED_TO_TRIP') {
        runFacts(booking?.status === 'CONFIRMED')
        driverContact()
      }
      acceptOrCancel()
      break
    }
    case 'BOOKING_LEGAL_WORSENED':
      // The reasons are the rider's own and shown on My bookings, never in a message that may be
      // read on a lock screen: the verdict, the run, and the link.
      lines.push(t('text.BOOKING_LEGAL_WORSENED', values))
      if (trip) lines.push(t('line.departure', { departure }))
      url = appUrl(locale, '/bookings')
      break
    case 'TRIP_CANCELLED':
      if (departure) lines.push(t('line.departure', { departure }))
      if (str(p.reason)) lines.push(t('line.reason', { reason: str(p.reason) }))
      lines.push(t('line.findRun', { url: appUrl(locale, '/trips') }))
      break
    case 'REMINDER_DEPARTURE_EVENING':
    case 'REMINDER_DEPARTURE_SOON':
      if (isDriver && trip) {
        runFacts(false)
        lines.push(t('line.riders', { count: await confirmedSeats(trip.id) }))
      } else {
        runFacts(true)
        driverContact()
        if (trip) lines.push(t('line.riders', { count: await confirmedSeats(trip.id) }))
      }
      break
    default:
      if (departure) lines.push(t('line.departure', { departure }))
  }
  return { subject, lines, url, buttons }
}

/** The email's plain text: the facts, the link, and where to change what arrives by email. */
export function emailText(message: RenderedMessage, locale: Locale): string {
  const t = textFor(locale, 'deliver')
  const parts = [message.lines.join('\n')]
  if (message.url) parts.push(t('line.open', { url: message.url }))
  parts.push(`—\n${t('footer', { url: appUrl(locale, '/account') })}`)
  return parts.join('\n\n') + '\n'
}

/** The Telegram message: subject first, the facts, the link (buttons go as reply markup). */
export function telegramText(message: RenderedMessage, locale: Locale): string {
  const t = textFor(locale, 'deliver')
  const parts = [message.subject, message.lines.join('\n')]
  if (message.url) parts.push(t('line.open', { url: message.url }))
  return parts.filter(Boolean).join('\n\n').slice(0, 4096)
}
