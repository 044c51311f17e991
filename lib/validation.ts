// Turns zod issues into per-field messages in the user's language. Schemas may set a message to a
// key of our own (`v.passwordTooShort`); otherwise the issue's code picks a generic message.
import type { z } from 'zod'
import type { FieldMessage } from '@/lib/errors'

export type FieldErrors = Record<string, FieldMessage[]>

export function fieldMessagesFromZod(error: z.ZodError): FieldErrors {
  // A Map, not `{}`: field names come from the request, and `fields['__proto__']` or
  // `fields['constructor']` on a plain object is not an empty slot (a body with an unknown
  // "__proto__" key crashed here with a 500).
  const fields = new Map<string, FieldMessage[]>()
  const add = (path: string, message: FieldMessage) => {
    const list = fields.get(path) ?? []
    fields.set(path, list)
    if (!list.some((m) => m.key === message.key)) list.push(message)
  }
  for (const issue of error.issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) add([...issue.path, key].join('.'), { key: 'validation.unknownField' })
      continue
    }
    const path = issue.path.length ? issue.path.map(String).join('.') : '_'
    add(path, messageFor(issue))
  }
  return Object.fromEntries(fields)
}

function messageFor(issue: z.core.$ZodIssue): FieldMessage {
  if (issue.message.startsWith('v.')) return { key: `validation.${issue.message.slice(2)}` }
  switch (issue.code) {
    case 'invalid_type':
      if (issue.expected === 'int' && typeof issue.input === 'number') return { key: 'validation.integer' }
      return issue.input === undefined || issue.input === null
        ? { key: 'validation.required' }
        : { key: 'validation.invalidType' }
    case 'too_small':
      if (issue.origin === 'string') {
        return Number(issue.minimum) <= 1 ? { key: 'validation.required' } : { key: 'validation.tooShort', params: { min: Number(issue.minimum) } }
      }
      if (issue.origin === 'array' || issue.origin === 'set') return { key: 'validation.tooFew', params: { min: Number(issue.minimum) } }
      return { key: 'validation.tooSmall', params: { min: Number(issue.minimum) } }
    case 'too_big':
      if (issue.origin === 'string') return { key: 'validation.tooLong', params: { max: Number(issue.maximum) } }
      if (issue.origin === 'array' || issue.origin === 'set') return { key: 'validation.tooMany', params: { max: Number(issue.maximum) } }
      return { key: 'validation.tooBig', params: { max: Number(issue.maximum) } }
    case 'invalid_format':
      if (issue.format === 'email') return { key: 'validation.email' }
      if (issue.format === 'date') return { key: 'validation.date' }
      if (issue.format === 'uuid') return { key: 'validation.id' }
      return { key: 'validation.format' }
    case 'invalid_value':
      return { key: 'validation.choice' }
    case 'not_multiple_of':
      return { key: 'validation.integer' }
    default:
      return { key: 'validation.invalid' }
  }
}

import { z as zod } from 'zod'

// C0/C1 control characters except tab and newline (kept for multi-line notes), plus bidi overrides
// that can disguise text.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/
const CONTROL_SINGLE_LINE = /[\u0000-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/

// Characters that print nothing: format characters (zero-width space and joiners, BOM, soft hyphen,
// word joiner), combining marks with nothing to sit on, white space of any kind, and the "letters"
// and symbols Unicode gives a blank glyph (Hangul fillers, the braille blank).
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Mn}\p{Me}\p{White_Space}\u034F\u115F\u1160\u3164\uFFA0\u2800]/gu

/** Something would show on screen. */
export function hasVisibleText(value: string): boolean {
  return value.replace(INVISIBLE, '').length > 0
}

/** At least one letter would show on screen (a name of "\u200b\u200b" or "123" is not a name). */
export function hasVisibleLetter(value: string): boolean {
  return /\p{L}/u.test(value.replace(INVISIBLE, ''))
}

/** Text a user writes: trimmed, bounded, free of control characters. A required text (`min`) must
 * show something; a person's name (`letter`) must show a letter. */
export function userText(options: { min?: number; max: number; multiline?: boolean; letter?: boolean }) {
  const pattern = options.multiline ? CONTROL : CONTROL_SINGLE_LINE
  let schema = zod.string().trim()
  if (options.min) schema = schema.min(options.min)
  const bounded = schema.max(options.max).refine((value) => !pattern.test(value), { message: 'v.noControlChars' })
  if (options.letter) return bounded.refine((value) => value === '' || hasVisibleLetter(value), { message: 'v.needsLetter' })
  if (options.min) return bounded.refine((value) => value === '' || hasVisibleText(value), { message: 'v.required' })
  return bounded
}

/** A person's name: what the manifest, the board and the receipts show. */
export function personName() {
  return userText({ min: 1, max: 80, letter: true })
}

export const emailSchema = zod
  .string()
  .trim()
  .toLowerCase()
  .max(254)
  .pipe(zod.email())

/** +7 followed by 10 digits; spaces, dashes and brackets are tolerated and removed. */
export const phoneSchema = zod
  .string()
  .trim()
  .transform((v) => v.replace(/[\s()-]/g, ''))
  .refine((v) => /^\+7\d{10}$/.test(v), { message: 'v.phone' })

/** An optional form field: empty string becomes undefined. */
export function optionalField<T extends zod.ZodType>(schema: T) {
  return zod.preprocess((v) => (v === '' || v === null ? undefined : v), schema.optional())
}
