// Names made only of characters that print nothing (zero-width spaces, joiners, a BOM, Hangul
// fillers, the braille blank…) passed `trim()` and `min(1)` and showed as an empty name on the
// manifest and the board. A person's name needs a visible letter; other required text a visible
// character.
import { NextRequest } from 'next/server'
import { describe, expect, test, vi } from 'vitest'
import { addCarSchema } from '@/lib/accounts/add-car'
import { registerUserSchema } from '@/lib/accounts/register-user'
import { createGroupSchema } from '@/lib/dispatch/create-group'
import { updateProfileSchema } from '@/lib/profiles/update-profile'
import { createUser } from '@/lib/testing/factories'
import { createTravellerSchema } from '@/lib/travellers/create-traveller'
import { updateTravellerSchema } from '@/lib/travellers/update-traveller'
import { fieldMessagesFromZod } from '@/lib/validation'

const session = vi.hoisted(() => ({ userId: null as string | null }))
vi.mock('@/lib/auth/session-token', () => ({ readSessionClaims: async () => (session.userId ? { uid: session.userId } : null) }))
vi.mock('@/lib/i18n/navigation', () => ({ redirect: () => { throw new Error('redirect in a route handler') } }))
const travellers = await import('@/app/api/travellers/route')

const INVISIBLE = [
  { label: 'two zero-width spaces', value: '\u200b\u200b' },
  { label: 'zero-width joiner and non-joiner', value: '\u200d\u200c' },
  { label: 'a byte-order mark before a zero-width space', value: '\ufeff\u200b' },
  { label: 'word joiner and invisible separator', value: '\u2060\u2063' },
  { label: 'Hangul fillers', value: '\u3164\u3164' },
  { label: 'half-width Hangul filler', value: '\uffa0' },
  { label: 'braille blank', value: '\u2800\u2800' },
  { label: 'combining marks with nothing to sit on', value: '\u0301\u0308' },
  { label: 'soft hyphen and a combining grapheme joiner', value: '\u00ad\u034f' },
  { label: 'zero-width spaces around ordinary spaces', value: '\u200b \u200b' },
  { label: 'a Mongolian vowel separator', value: '\u180e' },
]

const errorsOf = (result: { success: boolean; error?: Parameters<typeof fieldMessagesFromZod>[0] }) => (result.success ? {} : fieldMessagesFromZod(result.error!))

describe('a person’s name needs a visible letter', () => {
  test.each(INVISIBLE)('registration refuses $label', ({ value }) => {
    const result = registerUserSchema.safeParse({ name: value, email: 'a@b.kz', password: 'long-enough-password' })
    expect(errorsOf(result).name).toEqual([{ key: 'validation.needsLetter' }])
  })

  test.each(INVISIBLE)('a traveller’s name refuses $label', ({ value }) => {
    expect(errorsOf(createTravellerSchema.safeParse({ name: value, citizenship: 'RU' })).name).toEqual([{ key: 'validation.needsLetter' }])
    expect(errorsOf(updateTravellerSchema.safeParse({ name: value })).name).toEqual([{ key: 'validation.needsLetter' }])
  })

  test.each(INVISIBLE)('profile editing refuses $label', ({ value }) => {
    expect(errorsOf(updateProfileSchema.safeParse({ name: value })).name).toEqual([{ key: 'validation.needsLetter' }])
  })

  test.each([
    { label: 'digits and punctuation only', value: '123 !!' },
    { label: 'an emoji only', value: '🙂' },
  ])('a name refuses $label (no letter at all)', ({ value }) => {
    expect(errorsOf(createTravellerSchema.safeParse({ name: value, citizenship: 'RU' })).name).toEqual([{ key: 'validation.needsLetter' }])
  })

  test.each([
    { label: 'Cyrillic', value: 'Айгерим' },
    { label: 'Latin with a hyphen', value: 'Anna-Maria' },
    { label: 'Kazakh letters', value: 'Әсел Құрманғали' },
    { label: 'a letter with a combining accent', value: 'Jose\u0301' },
    { label: 'a letter between zero-width spaces', value: '\u200bА\u200b' },
    { label: 'Chinese', value: '王芳' },
    { label: 'one letter', value: 'Я' },
  ])('accepts $label', ({ value }) => {
    expect(createTravellerSchema.safeParse({ name: value, citizenship: 'RU' }).success).toBe(true)
    expect(registerUserSchema.safeParse({ name: value, email: 'a@b.kz', password: 'long-enough-password' }).success).toBe(true)
  })
})

describe('other required text needs a visible character', () => {
  test.each(INVISIBLE)('group name, car make/model/colour refuse $label', ({ value }) => {
    expect(errorsOf(createGroupSchema.safeParse({ name: value + value })).name).toEqual([{ key: 'validation.required' }])
    const car = errorsOf(addCarSchema.safeParse({ make: value, model: value, colour: value, plate: '123ABC02', seats: '4' }))
    expect(car.make).toEqual([{ key: 'validation.required' }])
    expect(car.model).toEqual([{ key: 'validation.required' }])
    expect(car.colour).toEqual([{ key: 'validation.required' }])
  })

  test('a group called "42" or a car model "3" is fine', () => {
    expect(createGroupSchema.safeParse({ name: '42' }).success).toBe(true)
    expect(errorsOf(addCarSchema.safeParse({ make: 'BMW', model: '3', colour: 'белый', plate: '123ABC02', seats: '4' })).model).toBeUndefined()
  })
})

test('POST /api/travellers with an invisible name: 400 on the name field, nothing created', async () => {
  const user = await createUser()
  session.userId = user.id
  const response = await travellers.POST(
    new NextRequest('http://localhost/api/travellers', { method: 'POST', headers: { 'content-type': 'application/json', 'accept-language': 'en' }, body: JSON.stringify({ name: '\u200b\u200b', citizenship: 'RU' }) }),
    { params: Promise.resolve({}) },
  )
  expect(response.status).toBe(400)
  const body = (await response.json()) as { error: { code: string; fields: Record<string, string[]> } }
  expect(body.error.code).toBe('VALIDATION')
  expect(body.error.fields.name).toEqual(['Write at least one letter.'])
  const list = await travellers.GET(new NextRequest('http://localhost/api/travellers'), { params: Promise.resolve({}) })
  expect(await list.json()).toEqual({ travellers: [] })
})
