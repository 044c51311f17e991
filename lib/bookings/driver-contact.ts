// How a rider reaches their driver — and only once the booking is confirmed: before that nobody's
// contact is shown (nor the rider's to the driver, lib/trips/party-view.ts). The phone is E.164
// (tap to call); Telegram only when the driver linked it and chose to show it.
import type { Prisma } from '@/lib/generated/prisma/client'

export const contactSelect = { name: true, phone: true, telegramUsername: true, telegramShared: true, telegramChatId: true } satisfies Prisma.UserSelect

type Person = { name: string; phone: string | null; telegramUsername: string | null; telegramShared: boolean; telegramChatId: bigint | null }

export type DriverContact = {
  /** The full name once confirmed, the first name before (as on the public run page). */
  name: string
  phone: string | null
  /** "@username", when linked, with a username, and shown by choice. */
  telegram: string | null
}

export function driverContact(driver: Person, bookingStatus: string): DriverContact {
  if (bookingStatus !== 'CONFIRMED') return { name: driver.name.split(' ')[0] ?? driver.name, phone: null, telegram: null }
  const telegram = driver.telegramShared && driver.telegramChatId !== null && driver.telegramUsername ? `@${driver.telegramUsername}` : null
  return { name: driver.name, phone: driver.phone, telegram }
}
