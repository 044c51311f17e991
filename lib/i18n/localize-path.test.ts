import { describe, expect, test } from 'vitest'
import { localizePath } from './localize-path'

// What next-intl's getPathname gives for our routing (localePrefix 'as-needed', default ru) — the
// paths proxy.ts serves.
describe('localizePath', () => {
  test.each([
    ['/', 'ru', '/'],
    ['/', 'en', '/en'],
    ['/', 'kk', '/kk'],
    ['/trips', 'ru', '/trips'],
    ['/trips', 'en', '/en/trips'],
    ['/trips/abc', 'kk', '/kk/trips/abc'],
    ['/sign-in?callbackUrl=%2Fstay', 'en', '/en/sign-in?callbackUrl=%2Fstay'],
    ['/?from=almaty#list', 'kk', '/kk?from=almaty#list'],
    ['/trips?from=almaty#list', 'ru', '/trips?from=almaty#list'],
  ] as const)('%s in %s is %s', (href, locale, expected) => {
    expect(localizePath(href, locale)).toBe(expected)
  })

  test('refuses anything but a path of ours', () => {
    expect(() => localizePath('https://evil.example/', 'en')).toThrow()
    expect(() => localizePath('trips', 'en')).toThrow()
  })
})
