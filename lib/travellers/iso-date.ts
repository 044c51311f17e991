// Calendar dates as forms and clients send them: 'YYYY-MM-DD', a real day (2026-02-30 is refused,
// not rolled over to March — research §6.9: never let a date library "fix" a date).
import { z } from 'zod'
import { parseIsoDate } from '@/lib/stay-rules'

const SHAPE = /^\d{4}-\d{2}-\d{2}$/

/** A required 'YYYY-MM-DD' Kazakhstan calendar date. */
export const isoDateSchema = z
  .string({ message: 'v.required' })
  .trim()
  .min(1, { message: 'v.required' })
  .refine((value) => SHAPE.test(value), { message: 'v.date', abort: true })
  .refine((value) => parseIsoDate(value) !== null, { message: 'v.noSuchDate' })

/** An optional date: '' or null (a form's empty field) becomes null. */
export const optionalIsoDateSchema = z.preprocess((value) => (value === '' || value === undefined ? null : value), isoDateSchema.nullable())
