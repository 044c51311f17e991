import { describe, expect, test } from 'vitest'
import { fieldMessagesFromZod } from '@/lib/validation'
import { formatPhone, normalizePhone, phoneCountry, phoneSchema, telHref } from './phone'

describe('normalizePhone: any country, stored E.164', () => {
  test.each([
    { label: 'Kazakh mobile with +7 and dashes', input: '+7 701 234-56-78', e164: '+77012345678', country: 'KZ' },
    { label: 'Kazakh mobile typed with the 8 trunk prefix', input: '8 (701) 234 56 78', e164: '+77012345678', country: 'KZ' },
    { label: 'Kazakh mobile without any prefix', input: '7012345678', e164: '+77012345678', country: 'KZ' },
    { label: 'Almaty landline', input: '+7 727 250 00 00', e164: '+77272500000', country: 'KZ' },
    { label: 'Kyrgyz mobile (+996)', input: '+996 555 123 456', e164: '+996555123456', country: 'KG' },
    { label: 'Kyrgyz number with 00 instead of +', input: '00996 555 123456', e164: '+996555123456', country: 'KG' },
    { label: 'Uzbek mobile (+998)', input: '+998 90 123 45 67', e164: '+998901234567', country: 'UZ' },
    { label: 'Tajik mobile (+992)', input: '+992 93 123 4567', e164: '+992931234567', country: 'TJ' },
    { label: 'Russian mobile (+7 9xx)', input: '+7 912 345-67-89', e164: '+79123456789', country: 'RU' },
    { label: 'a US number', input: '+1 202 555 0123', e164: '+12025550123', country: 'US' },
  ])('$label → $e164', ({ input, e164, country }) => {
    expect(normalizePhone(input)).toBe(e164)
    expect(phoneCountry(e164)).toBe(country)
  })

  test.each([
    { label: 'too short', input: '12345' },
    { label: 'a Kyrgyz number one digit short', input: '+996 555 12345' },
    { label: 'an Uzbek number one digit long', input: '+998 90 123 45 678' },
    { label: 'letters', input: '+7 701 CALL ME' },
    { label: 'an extension', input: '+7 701 234 56 78 ext 5' },
    { label: 'no such country code', input: '+999 123 456 789' },
    { label: 'empty', input: '' },
  ])('$label is refused', ({ input }) => {
    expect(normalizePhone(input)).toBeNull()
  })
})

describe('showing a number', () => {
  test.each([
    { e164: '+996555123456', shown: '+996 555 123 456' },
    { e164: '+998901234567', shown: '+998 90 123 45 67' },
    { e164: '+79123456789', shown: '+7 912 345 67 89' },
  ])('$e164 reads as $shown and calls with tel:$e164', ({ e164, shown }) => {
    expect(formatPhone(e164)).toBe(shown)
    expect(telHref(e164)).toBe(`tel:${e164}`)
  })
  test('a number shown again (remembered) reads the same, and so does one that is not a number', () => {
    expect(formatPhone('+77012345678')).toBe('+7 701 234 5678')
    expect(formatPhone('+77012345678')).toBe('+7 701 234 5678')
    expect(formatPhone('12')).toBe('12')
    expect(formatPhone('12')).toBe('12')
  })
})

describe('phoneSchema', () => {
  test('stores E.164', () => {
    expect(phoneSchema.parse(' +996 (555) 12-34-56 ')).toBe('+996555123456')
  })
  test('a wrong number is validation.phone on the field', () => {
    const result = phoneSchema.safeParse('+7 123')
    expect(result.success).toBe(false)
    expect(fieldMessagesFromZod(result.error!)._?.map((m) => m.key)).toEqual(['validation.phone'])
  })
  test('an absurdly long value is refused before parsing', () => {
    expect(phoneSchema.safeParse('1'.repeat(5000)).success).toBe(false)
  })
})
