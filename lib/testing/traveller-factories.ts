// Factories for the legal-stay tests: travellers, stays and documents written straight to the
// database (the services under test are not used to build their own fixtures), and a live booking
// that holds a traveller. Dates are offsets from a `today` the test chooses.
import { randomUUID } from 'node:crypto'
import { z } from 'zod'
import type { Actor } from '@/lib/auth/permissions'
import { db } from '@/lib/db'
import { addDaysIso, dbDateFromIso, type IsoDate } from '@/lib/dates/kz-date'
import { isAppError } from '@/lib/errors'
import type { BookingStatus, DocumentKind, StaySource } from '@/lib/generated/prisma/enums'
import { RULE_VERSION } from '@/lib/stay-rules'
import { fieldMessagesFromZod } from '@/lib/validation'
import { createTrip, createUser } from './factories'

export async function createTestTraveller(
  options: { account?: Actor; citizenship?: string; isSelf?: boolean; name?: string } = {},
): Promise<{ actor: Actor; traveller: { id: string; name: string; citizenship: string; isSelf: boolean } }> {
  const actor = options.account ?? (await createUser())
  const traveller = await db.traveller.create({
    data: {
      accountId: actor.id,
      isSelf: options.isSelf ?? true,
      name: options.name ?? `Traveller ${randomUUID().slice(0, 4)}`,
      citizenship: options.citizenship ?? 'RU',
    },
    select: { id: true, name: true, citizenship: true, isSelf: true },
  })
  return { actor, traveller }
}

export async function createStayRow(
  travellerId: string,
  stay: { entryOn: IsoDate; exitOn: IsoDate | null; source?: StaySource; registrationNotedOn?: IsoDate | null },
): Promise<{ id: string }> {
  return db.stay.create({
    data: {
      travellerId,
      entryOn: dbDateFromIso(stay.entryOn),
      exitOn: stay.exitOn === null ? null : dbDateFromIso(stay.exitOn),
      source: stay.source ?? 'MANUAL',
      registrationNotedOn: stay.registrationNotedOn ? dbDateFromIso(stay.registrationNotedOn) : null,
    },
    select: { id: true },
  })
}

export async function createDocumentRow(travellerId: string, document: { kind: DocumentKind; validFrom: IsoDate; validTo: IsoDate | null }): Promise<{ id: string }> {
  return db.residenceDocument.create({
    data: { travellerId, kind: document.kind, validFrom: dbDateFromIso(document.validFrom), validTo: document.validTo ? dbDateFromIso(document.validTo) : null },
    select: { id: true },
  })
}

/**
 * A Russian rider with 85 days used in the window ending on `today`, in Kazakhstan now:
 * a closed stay of 50 days (today−150 … today−101) and an open stay entered on today−34 (35 days
 * to today). Nothing rolls out of the window before today+30, so the 90th day is today+5.
 */
export function ruRider85Days(today: IsoDate): { entryOn: IsoDate; exitOn: IsoDate | null }[] {
  return [
    { entryOn: addDaysIso(today, -150), exitOn: addDaysIso(today, -101) },
    { entryOn: addDaysIso(today, -34), exitOn: null },
  ]
}

/** A booking on a fresh run that holds the traveller (status decides whether it is live). */
export async function createBookingFor(actor: Actor, traveller: { id: string; name: string }, status: BookingStatus): Promise<{ id: string }> {
  const trip = await createTrip({ seatPriceTenge: 4000 })
  return db.booking.create({
    data: {
      tripId: trip.id,
      riderId: actor.id,
      status,
      seats: 1,
      quotedTenge: 4000,
      capTenge: 4000,
      verdict: 'OK',
      ruleVersion: RULE_VERSION,
      travellers: { create: [{ travellerId: traveller.id, position: 0, name: traveller.name, verdict: 'OK', reasons: [], checkInputs: {} }] },
    },
    select: { id: true },
  })
}

/** What a service refused with — the AppError code (VALIDATION for a zod error) and the message
 * keys per field, as a route handler or an action would report them. */
export type Refusal = { code: string; status: number; fields: Record<string, string[]> }

export async function refusalOf(promise: Promise<unknown>): Promise<Refusal> {
  try {
    await promise
  } catch (error) {
    if (error instanceof z.ZodError) {
      const fields = Object.fromEntries(Object.entries(fieldMessagesFromZod(error)).map(([field, messages]) => [field, messages.map((m) => m.key)]))
      return { code: 'VALIDATION', status: 400, fields }
    }
    if (isAppError(error)) {
      const fields = Object.fromEntries(Object.entries(error.options.fields ?? {}).map(([field, messages]) => [field, messages.map((m) => m.key)]))
      return { code: error.code, status: error.status, fields }
    }
    throw error
  }
  throw new Error('expected a refusal, but the call succeeded')
}
