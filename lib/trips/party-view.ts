// What a run's driver and its group's coordinators see of one party (the manifest and the day
// board): names, seats, the rider's phone once confirmed, payment, what it owes, and the legal
// VERDICT only — never a rider's stays, documents, or the reasons and inputs behind a verdict.
// One definition, so the two screens cannot drift apart on what they reveal: the day board reads
// its parties with SQL (lib/dispatch/get-day-board.ts), and its test compares them, byte for byte,
// with this view (lib/dispatch/testing-board-reference.ts).
import type { Prisma } from '@/lib/generated/prisma/client'

export const partyViewSelect = {
  id: true, status: true, seats: true, capTenge: true, createdAt: true, expiresAt: true, verdict: true, paymentState: true,
  rider: { select: { name: true, phone: true } },
  travellers: { select: { position: true, name: true, verdict: true, boarding: true }, orderBy: { position: 'asc' } },
} satisfies Prisma.BookingSelect

type PartyRow = Prisma.BookingGetPayload<{ select: typeof partyViewSelect }>

export function toPartyView(b: PartyRow, due: Map<string, number>) {
  return {
    id: b.id,
    status: b.status,
    seats: b.seats,
    riderName: b.rider?.name ?? null,
    // Contacts of confirmed riders only.
    riderPhone: b.status === 'CONFIRMED' ? (b.rider?.phone ?? null) : null,
    verdict: b.verdict,
    paymentState: b.paymentState,
    amountTenge: due.get(b.id) ?? null,
    capTenge: b.capTenge,
    createdAt: b.createdAt,
    expiresAt: b.expiresAt,
    travellers: b.travellers,
  }
}
