// Where sign-in may send someone afterwards: only a page of our own origin, decided the way the
// browser will read the address (the WHATWG URL parser strips tabs and newlines, reads a backslash
// as a slash, resolves dot segments), never by looking at the first characters of the string.
import { describe, expect, test } from 'vitest'
import { safeCallbackPath, sameOriginTarget } from './safe-redirect'

const ORIGIN = 'http://127.0.0.1:3410'

describe('safeCallbackPath', () => {
  test.each([
    { label: 'a page', value: '/trips', expected: '/trips' },
    { label: 'a page with a query and a fragment', value: '/trips?date=2026-12-01&from=almaty#list', expected: '/trips?date=2026-12-01&from=almaty#list' },
    { label: 'the home page', value: '/', expected: '/' },
    { label: 'the Russian prefix is dropped (the router adds the locale)', value: '/ru/stay', expected: '/stay' },
    { label: 'the English prefix is dropped too', value: '/en/bookings', expected: '/bookings' },
    { label: 'a prefix alone is home', value: '/en', expected: '/' },
    { label: 'a path that only starts like a locale stays', value: '/english', expected: '/english' },
    { label: 'an absolute URL of our own origin becomes its path', value: `${ORIGIN}/stay?traveller=1`, expected: '/stay?traveller=1' },
    { label: 'a percent-encoded slash stays a character of one segment', value: '/%2F/evil.example', expected: '/%2F/evil.example' },
    { label: 'an encoded double slash without a leading slash is a path of ours', value: '%2F%2Fevil.example', expected: '/%2F%2Fevil.example' },
    { label: 'userinfo-looking text in a path stays a path', value: '/@evil.example', expected: '/@evil.example' },
    { label: 'same scheme without slashes is a relative path (as the browser reads it)', value: 'http:evil.example', expected: '/evil.example' },
    { label: 'an encoded tab is a character of the path (only raw ones are stripped)', value: '/%09/\t/evil.example', expected: '/%09//evil.example' },
  ])('$label: $value → $expected', ({ value, expected }) => {
    expect(safeCallbackPath(value, ORIGIN)).toBe(expected)
  })

  test.each([
    { label: 'tab between slashes (the reported bypass)', value: '/\t/evil.example' },
    { label: 'newline between slashes', value: '/\n/evil.example' },
    { label: 'carriage return between slashes', value: '/\r/evil.example' },
    { label: 'CR LF between slashes', value: '/\r\n/evil.example' },
    { label: 'slash, backslash, tab', value: '/\\\t/evil.example' },
    { label: 'slash and backslash', value: '/\\evil.example' },
    { label: 'two backslashes', value: '\\\\evil.example' },
    { label: 'backslash and slash', value: '\\/evil.example' },
    { label: 'protocol-relative', value: '//evil.example' },
    { label: 'protocol-relative with a path', value: '//evil.example/trips' },
    { label: 'three slashes', value: '///evil.example' },
    { label: 'leading space before //', value: ' //evil.example' },
    { label: 'leading control character before //', value: '\u0001//evil.example' },
    { label: 'a dot segment that leaves //', value: '/.//evil.example' },
    { label: 'a dot-dot segment that leaves //', value: '/a/..//evil.example' },
    { label: 'an absolute URL elsewhere', value: 'https://evil.example/' },
    { label: 'scheme-relative with our host as userinfo', value: '//127.0.0.1:3410@evil.example' },
    { label: 'our origin as userinfo', value: 'http://127.0.0.1:3410@evil.example/' },
    { label: 'http with a backslash', value: 'http:\\\\evil.example' },
    { label: 'our host on another scheme', value: 'https://127.0.0.1:3410/' },
    { label: 'our host on another port', value: 'http://127.0.0.1:3411/' },
    { label: 'javascript:', value: 'javascript:alert(document.domain)' },
    { label: 'javascript: with a tab', value: 'java\tscript:alert(1)' },
    { label: 'JavaScript: in capitals, leading space', value: ' JavaScript:alert(1)' },
    { label: 'data:', value: 'data:text/html,<script>alert(1)</script>' },
    { label: 'vbscript:', value: 'vbscript:msgbox(1)' },
    { label: 'two tabs between slashes', value: '/\t\t/evil.example' },
    { label: 'not a string', value: 42 },
    { label: 'a list (repeated query parameter)', value: ['/a', '//evil.example'] },
    { label: 'undefined', value: undefined },
    { label: 'empty', value: '' },
    { label: 'very long', value: '/' + 'a'.repeat(2_000) },
  ])('refused → /: $label', ({ value }) => {
    expect(safeCallbackPath(value, ORIGIN)).toBe('/')
  })

  test('without an origin (no request at hand) the same decisions hold for paths', () => {
    expect(safeCallbackPath('/\t/evil.example')).toBe('/')
    expect(safeCallbackPath('/stay')).toBe('/stay')
    expect(safeCallbackPath('https://evil.example')).toBe('/')
  })

  test('what comes out reads back as the same page of ours (never a network-path reference)', () => {
    for (const value of ['/.//x', '/a/..//x', '/\t/x', '/%2F%2Fx', '/./%2F/x', '/..//x']) {
      const out = safeCallbackPath(value, ORIGIN)
      expect(out.startsWith('/'), value).toBe(true)
      expect(out.startsWith('//'), value).toBe(false)
      expect(new URL(out, ORIGIN).origin, value).toBe(ORIGIN)
    }
  })
})

describe('sameOriginTarget (next-auth redirect callback)', () => {
  test.each([
    { value: '/trips', expected: `${ORIGIN}/trips` },
    { value: `${ORIGIN}/stay`, expected: `${ORIGIN}/stay` },
    { value: '/\t/evil.example', expected: null },
    { value: 'https://evil.example/', expected: null },
    { value: '//evil.example', expected: null },
    { value: 'not a url at all', expected: `${ORIGIN}/not%20a%20url%20at%20all` },
  ])('$value → $expected', ({ value, expected }) => {
    expect(sameOriginTarget(value, ORIGIN)).toBe(expected)
  })
})
