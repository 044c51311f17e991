// Phone numbers of any country — the one place that reads, checks, stores and shows them.
//
// Riders and drivers on border runs carry Kazakh (+7), Kyrgyz (+996), Uzbek (+998), Tajik (+992)
// and Russian (+7) numbers, and some others. libphonenumber-js (Google's metadata, the "max" set:
// number ranges per country, not only lengths) decides what is a real number; we store E.164
// ("+77012345678") and show the international form ("+996 555 123 456").
//
// A number typed without a country code is read as Kazakh: "8 701 234 56 78" → +77012345678.
//
// Used by registration, the car form (the driver's phone), Telegram contact sharing and every
// place that shows a number. Profile editing (issue 13) validates with `phoneSchema` too.
import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max'
import { z } from 'zod'

export const DEFAULT_PHONE_COUNTRY: CountryCode = 'KZ'

/** The number in E.164 ("+996555123456"), or null when it is not a valid number of any country. */
export function normalizePhone(input: string, defaultCountry: CountryCode = DEFAULT_PHONE_COUNTRY): string | null {
  const text = input.trim()
  // Only digits and the usual separators: letters, extensions and anything else are refused.
  if (!/^\+?[\d\s().-]{4,32}$/.test(text)) return null
  // "00996…" is an international prefix typed the European way.
  const prepared = text.replace(/^00(?=\d)/, '+')
  const parsed = parsePhoneNumberFromString(prepared, defaultCountry)
  if (!parsed || !parsed.isValid()) return null
  return parsed.number
}

// Formatted numbers, remembered: parsing with the "max" metadata costs ~10–20 µs a number, and the
// day board formats every run's driver on each poll (200 runs: 1–3 ms of a request, `npm run bench`).
// A pure function of its input; bounded, emptied when full.
const FORMATTED_KEPT = 10_000
const formatted = new Map<string, string>()

/** A stored E.164 number as people read it: "+7 701 234 5678", "+996 555 123 456". */
export function formatPhone(e164: string): string {
  const known = formatted.get(e164)
  if (known !== undefined) return known
  const parsed = parsePhoneNumberFromString(e164)
  const shown = parsed ? parsed.formatInternational() : e164
  if (formatted.size >= FORMATTED_KEPT) formatted.clear()
  formatted.set(e164, shown)
  return shown
}

/** The href of a tap-to-call link. */
export function telHref(e164: string): string {
  return `tel:${e164.replace(/[^\d+]/g, '')}`
}

/** The country a stored number belongs to (KZ, KG, UZ, TJ, RU…), when known. */
export function phoneCountry(e164: string): string | null {
  return parsePhoneNumberFromString(e164)?.country ?? null
}

/** A phone field: any country, stored E.164; a wrong number is `validation.phone` beside the field. */
export const phoneSchema = z
  .string()
  .max(40, { message: 'v.phone' })
  .transform((value, ctx) => {
    const e164 = normalizePhone(value)
    if (e164 === null) {
      ctx.addIssue({ code: 'custom', message: 'v.phone' })
      return z.NEVER
    }
    return e164
  })

export type Phone = z.infer<typeof phoneSchema>
