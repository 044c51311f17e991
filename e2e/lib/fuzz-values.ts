// Malformed input for the fuzz test (fast-check): wrong types, missing and extra fields, huge and
// empty strings, Unicode (RTL, emoji, NUL, lone surrogates, control characters), negative and
// enormous numbers, NaN-ish strings, impossible dates, SQL and HTML fragments, deep nesting, broken
// JSON, wrong content types, oversized bodies, path parameters that are not ids.
import fc from 'fast-check'

export const NASTY_STRINGS = [
  '', ' ', '\u0000', 'a\u0000b', '\u0007\u001b[31m', '\r\n\t', 'NaN', 'Infinity', '-Infinity', '-1', '-0', '0x1F', '1e309', '9'.repeat(40),
  '2026-02-30', '2026-13-01', '2026-00-10', '0000-00-00', '9999-12-31', '1900-01-01', '2026-2-3', '2026-02-28T25:00', '24:60', '25:00', '-01:00',
  "'; DROP TABLE users; --", "' OR '1'='1", '1; SELECT pg_sleep(5)', '$1', '%s%s%n', '{{7*7}}', '${7*7}',
  '<img src=x onerror=alert(1)>', '"><script>alert(1)</script>', 'javascript:alert(1)', '</textarea><svg onload=alert(1)>',
  '\u202Eevil\u202C', 'مرحبا بالعالم', '👨‍👩‍👧‍👦', '🇰🇿', '\uFEFF', '\uD800', '\uDFFF', 'Ω≈ç√∫', 'ǅ', 'İ', 'ß',
  'null', 'undefined', 'true', 'false', '[]', '{}', '__proto__', 'constructor', 'prototype', '../../etc/passwd', '%00', '%2e%2e%2f',
  'A'.repeat(300), 'Ж'.repeat(5000), 'x'.repeat(70_000),
  '00000000-0000-0000-0000-000000000000', 'ffffffff-ffff-ffff-ffff-ffffffffffff', 'FFFFFFFF-FFFF-4FFF-BFFF-FFFFFFFFFFFF', '123e4567-e89b-12d3-a456-42661417400',
] as const

export const nastyString: fc.Arbitrary<string> = fc.oneof(
  { weight: 5, arbitrary: fc.constantFrom(...NASTY_STRINGS) },
  { weight: 2, arbitrary: fc.string({ maxLength: 40 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 30 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 30 }) },
  { weight: 1, arbitrary: fc.uuid() },
  { weight: 1, arbitrary: fc.date({ min: new Date('1000-01-01'), max: new Date('9999-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)) },
)

export const nastyNumber: fc.Arbitrary<number> = fc.oneof(
  fc.constantFrom(-1, 0, -0, 0.5, 1.5, 2 ** 31, 2 ** 31 - 1, -(2 ** 31), 2 ** 53 + 1, -(2 ** 63), 1e308, Number.MAX_VALUE, Number.MIN_VALUE, 9, 100, 1_000_001),
  fc.integer(),
  fc.double(),
)

const deep = (depth: number, leaf: unknown): unknown => {
  let v = leaf
  for (let i = 0; i < depth; i++) v = i % 2 ? [v] : { a: v }
  return v
}

export const nastyValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 5, arbitrary: nastyString },
  { weight: 3, arbitrary: nastyNumber },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 1, arbitrary: fc.constant(null) },
  { weight: 1, arbitrary: fc.array(fc.oneof(nastyString, nastyNumber), { maxLength: 5 }) },
  { weight: 1, arbitrary: fc.dictionary(fc.string({ maxLength: 8 }), fc.oneof(nastyString, nastyNumber), { maxKeys: 4 }) },
  { weight: 1, arbitrary: fc.integer({ min: 10, max: 400 }).map((d) => deep(d, 'x')) },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
)

type Json = Record<string, unknown>

/** One change to a valid object: a field dropped, an extra field, a field replaced by junk (also
 * inside nested objects and arrays), everything replaced. */
export type Mutation = { op: 'drop' | 'extra' | 'replace' | 'replaceAll' | 'nullify'; pick: number; key: string; value: unknown }

export const mutation: fc.Arbitrary<Mutation> = fc.record({
  op: fc.constantFrom('drop', 'extra', 'replace', 'replace', 'replace', 'replaceAll', 'nullify'),
  pick: fc.nat(),
  key: fc.oneof(fc.constantFrom('__proto__', 'constructor', 'id', 'riderId', 'driverId', 'status', 'admin', 'roles'), fc.string({ maxLength: 12 })),
  value: nastyValue,
})

/** The paths of an object's fields (nested objects and arrays included). */
function paths(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  if (Array.isArray(value)) return value.flatMap((v, i) => [[...prefix, i], ...paths(v, [...prefix, i])])
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => [[...prefix, k], ...paths(v, [...prefix, k])])
  return []
}

export function applyMutations(base: Json, mutations: Mutation[]): unknown {
  let out: unknown = structuredClone(base)
  for (const m of mutations) {
    if (m.op === 'replaceAll') {
      out = m.value
      continue
    }
    if (!out || typeof out !== 'object') continue
    const all = paths(out)
    const target = all.length ? all[m.pick % all.length]! : []
    const parentPath = target.slice(0, -1)
    let parent: Record<string | number, unknown> = out as Record<string, unknown>
    for (const p of parentPath) parent = (parent as Record<string | number, unknown>)[p] as Record<string | number, unknown>
    const last = target.at(-1)
    if (m.op === 'extra' || last === undefined) {
      if (parent && typeof parent === 'object' && !Array.isArray(parent)) Object.defineProperty(parent, m.key, { value: m.value, enumerable: true, configurable: true, writable: true })
    } else if (m.op === 'drop') {
      if (Array.isArray(parent)) parent.splice(Number(last), 1)
      else delete parent[last]
    } else if (m.op === 'nullify') parent[last] = null
    else parent[last] = m.value
  }
  return out
}

/** A raw body: broken JSON, an empty one, one too large, one nested too deep, the wrong type. */
export const rawBody: fc.Arbitrary<{ body: string; contentType?: string }> = fc.oneof(
  fc.constantFrom(
    { body: '' , contentType: 'application/json' },
    { body: '{', contentType: 'application/json' },
    { body: '{"a":', contentType: 'application/json' },
    { body: "{'a':1}", contentType: 'application/json' },
    { body: 'nul', contentType: 'application/json' },
    { body: '[1,2', contentType: 'application/json' },
    { body: '\u0000', contentType: 'application/json' },
    { body: '{"__proto__":{"admin":true}}', contentType: 'application/json' },
    { body: '{"a":1,"a":2}', contentType: 'application/json' },
    { body: '1e999999', contentType: 'application/json' },
    { body: '"just a string"', contentType: 'application/json' },
    { body: 'null', contentType: 'application/json' },
    { body: '[]', contentType: 'application/json' },
    { body: '{"x":"' + 'y'.repeat(70_000) + '"}', contentType: 'application/json' },
    { body: '['.repeat(20_000) + ']'.repeat(20_000), contentType: 'application/json' },
    { body: '{"a":'.repeat(6000) + '1' + '}'.repeat(6000), contentType: 'application/json' },
    { body: '{"ok":true}', contentType: 'text/plain' },
    { body: 'a=1&b=2', contentType: 'application/x-www-form-urlencoded' },
    { body: '--x\r\nContent-Disposition: form-data; name="a"\r\n\r\n1\r\n--x--\r\n', contentType: 'multipart/form-data; boundary=x' },
    { body: '{"ok":true}', contentType: 'application/json; charset=utf-16' },
    { body: '{"ok":true}', contentType: 'APPLICATION/JSON' },
    { body: '{"ok":true}', contentType: 'application/jsonx' },
    { body: '{"ok":true}' },
    { body: '<?xml version="1.0"?><a/>', contentType: 'application/xml' },
  ),
  fc.string({ maxLength: 200 }).map((body) => ({ body, contentType: 'application/json' })),
  fc.jsonValue({ maxDepth: 4 }).map((v) => ({ body: JSON.stringify(v), contentType: 'application/json' })),
)

/** A path parameter: mostly junk that is not an id, sometimes a well-formed id of nothing. */
export const nastyParam: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom('not-a-uuid', '0', '-1', 'null', 'undefined', '..%2F', '%00', 'x'.repeat(2000), "1' OR '1'='1", '<script>', '😀', '\u202E', 'ＡＢＣ', '2026-02-30') },
  { weight: 2, arbitrary: fc.uuid() },
  { weight: 1, arbitrary: fc.uuid().map((u) => u.toUpperCase()) },
  { weight: 1, arbitrary: fc.uuid().map((u) => `${u}x`) },
  // "." and ".." would be resolved away by the client before the request leaves (another path).
  { weight: 2, arbitrary: fc.string({ minLength: 1, maxLength: 60 }).filter((s) => s !== '.' && s !== '..') },
)

/** encodeURIComponent, with lone surrogates (which it refuses) replaced first, as a browser does. */
export function encodePart(value: string): string {
  return encodeURIComponent(value.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD'))
}

/** A stable 32-bit seed per name, derived from the run's seed. */
export function seedFor(base: number, name: string): number {
  let h = base | 0
  for (let i = 0; i < name.length; i++) h = (Math.imul(h ^ name.charCodeAt(i), 16777619) + 0x9e3779b9) | 0
  return h
}
