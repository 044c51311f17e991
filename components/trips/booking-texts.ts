// Words for a booking's state, shared by the run page and "My bookings".
import { formatDateTime } from '@/lib/format'
import type { Locale } from '@/lib/i18n/routing'

type T = (key: string, values?: Record<string, string | number>) => string

export type BookingStatus = 'PENDING' | 'CONFIRMED' | 'WAITLISTED' | 'DECLINED' | 'EXPIRED' | 'CANCELLED'
export type PaymentState = 'OWED' | 'PAID' | 'CONFIRMED' | 'DISPUTED'

/** `t` is scoped to the `booking` namespace. */
export function bookingStatusText(t: T, locale: Locale, status: BookingStatus, expiresAt: Date | string | null): string {
  if (status === 'PENDING') return expiresAt ? t('status.PENDING_UNTIL', { until: formatDateTime(locale, expiresAt) }) : t('status.PENDING')
  return t(`status.${status}`)
}

export function bookingStatusTone(status: BookingStatus): 'ok' | 'warn' | 'block' | 'info' {
  if (status === 'CONFIRMED') return 'ok'
  if (status === 'PENDING') return 'warn'
  if (status === 'WAITLISTED') return 'info'
  return 'block'
}

export function isLiveBooking(status: BookingStatus): boolean {
  return status === 'PENDING' || status === 'CONFIRMED' || status === 'WAITLISTED'
}
