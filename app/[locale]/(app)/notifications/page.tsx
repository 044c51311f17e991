// The user's notifications in their language: each kind's message under `notifications.<KIND>`
// filled from its params — the route re-named in the reader's language, times in Kazakhstan time —
// with a link to the run (the driver's view for the driver) or to My bookings.
import type { Metadata } from 'next'
import { getTranslations, setRequestLocale } from 'next-intl/server'
import { formatDateTime } from '@/lib/format'
import '@/components/trips/trips.css'
import { requirePageUser } from '@/lib/auth/session'
import { Link } from '@/lib/i18n/navigation'
import type { Locale } from '@/lib/i18n/routing'
import { listNotifications } from '@/lib/notifications/list-notifications'
import { MarkAllForm } from './mark-all-form'
import { MarkRead } from './mark-read'
import { loadNotificationTrips } from './notification-trips'
import { placeName, type PlaceNames } from '@/lib/i18n/place-name'

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('notificationsPage')
  return { title: t('title') }
}

const PAYMENT_KINDS = new Set(['PAYMENT_CONFIRMED', 'PAYMENT_DISPUTED'])

function paramsOf(value: unknown): Record<string, string | number> {
  const out: Record<string, string | number> = {}
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    for (const [k, v] of Object.entries(value)) if (typeof v === 'string' || typeof v === 'number') out[k] = v
  }
  return out
}

export default async function NotificationsPage({ params }: { params: Promise<{ locale: Locale }> }) {
  const { locale } = await params
  setRequestLocale(locale)
  const actor = await requirePageUser(locale, '/notifications')
  const [t, tn, { items, unread }] = await Promise.all([getTranslations('notificationsPage'), getTranslations('notifications'), listNotifications(actor, 50)])
  const notes = items.map((n) => ({ ...n, params: paramsOf(n.params) }))
  // The runs they are about: to name the route in the reader's language and to know whose run it is.
  const tripById = await loadNotificationTrips(notes.map((n) => n.params.tripId))
  const name = (v: PlaceNames) => placeName(locale, v)

  return (
    <div className="stack">
      <div className="spread">
        <h1 style={{ margin: 0 }}>{t('title')}</h1>
        {unread > 0 ? <MarkAllForm label={t('markAll')} /> : null}
      </div>
      {notes.length === 0 ? (
        <p className="card">{t('empty')}</p>
      ) : (
        <ul className="notification-list">
          {notes.map((n) => {
            const trip = typeof n.params.tripId === 'string' ? tripById.get(n.params.tripId) : undefined
            const route = trip ? `${name(trip.originCity)} → ${name(trip.destinationCity)}` : typeof n.params.route === 'string' ? n.params.route : ''
            const values = { seats: 0, pending: 0, rider: '', ...n.params, route, departureAt: trip ? formatDateTime(locale, trip.departureAt) : '' }
            const text = tn.has(n.kind) ? tn(n.kind, values) : t('unknown')
            const href = !trip
              ? null
              : trip.driverId === actor.id
                ? `/my-trips/${trip.id}`
                : PAYMENT_KINDS.has(n.kind)
                  ? '/bookings'
                  : `/trips/${trip.id}`
            return (
              <li key={n.id} className={n.readAt ? undefined : 'unread'} data-kind={n.kind}>
                <p style={{ margin: 0 }}>
                  {n.readAt ? null : <span className="badge warn">{t('new')}</span>} {text}
                </p>
                <p className="small muted" style={{ margin: 0 }}>
                  <time dateTime={n.createdAt.toISOString()}>{formatDateTime(locale, n.createdAt)}</time>
                  {href ? (
                    <>
                      {' · '}
                      <Link href={href}>{route ? t('openRun', { route }) : t('open')}</Link>
                    </>
                  ) : null}
                </p>
              </li>
            )
          })}
        </ul>
      )}
      <MarkRead ids={notes.filter((n) => !n.readAt).map((n) => n.id)} />
    </div>
  )
}
