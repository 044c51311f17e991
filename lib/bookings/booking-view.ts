// The shape a rider gets back for one of their bookings (API and pages).
import type { Prisma } from '@/lib/generated/prisma/client'

export const bookingViewSelect = {
  id: true,
  tripId: true,
  status: true,
  seats: true,
  quotedTenge: true,
  capTenge: true,
  verdict: true,
  ruleVersion: true,
  warningAcknowledged: true,
  paymentState: true,
  expiresAt: true,
  changedByDriverAt: true,
  /** What changed (before → after, the reason) while changedByDriverAt is set. */
  changeSummary: true,
  createdAt: true,
  travellers: { select: { travellerId: true, name: true, verdict: true, reasons: true, boarding: true }, orderBy: { position: 'asc' } },
} satisfies Prisma.BookingSelect

export type BookingView = Prisma.BookingGetPayload<{ select: typeof bookingViewSelect }>
