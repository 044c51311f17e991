// What proxy.ts refuses before Next.js: a POST to a page from another origin (403), and a server
// action whose body React would fail to decode (400) — each of these was a 500 thrown inside Next.js
// (reproduced against the build; e2e/hardening.spec.ts checks the running app).
import { describe, expect, test } from 'vitest'
import { guardPagePost } from './server-action-guard'

const ID = '60e7a83a7720d7ab02ad0feb8cac312a7b3d5f57d4'
const HOST = '127.0.0.1:3410'

function form(parts: Record<string, string | Blob>): FormData {
  const f = new FormData()
  for (const [k, v] of Object.entries(parts)) f.append(k, v)
  return f
}

function post(body: BodyInit | null, headers: Record<string, string | undefined> = {}) {
  const all = Object.entries({ host: HOST, 'next-action': ID, 'accept-language': 'en', ...headers }).filter((e): e is [string, string] => e[1] !== undefined)
  return new Request(`http://${HOST}/register`, { method: 'POST', headers: all, body })
}

async function answer(request: Request, trustProxy = false) {
  const response = await guardPagePost(request, trustProxy)
  return response ? { status: response.status, body: (await response.json()) as { error: { code: string; message: string } } } : null
}

describe('accepted (what our pages send), left to Next.js', () => {
  test.each([
    { label: 'a form: [prevState, "$K1"] with the fields', body: () => form({ '0': '[null,"$K1"]', _1_name: 'Айгерим', _1_email: 'a@b.kz' }) },
    { label: 'a later submission with the previous result as state', body: () => form({ '0': JSON.stringify([{ ok: false, code: 'VALIDATION', message: '$$ price', fieldErrors: { name: ['Required.'] } }, '$K1']), _1_name: 'x' }) },
    { label: 'state with a date and undefined', body: () => form({ '0': '[{"ok":true,"data":{"createdAt":"$D2026-12-01T00:00:00.000Z","x":"$undefined"}},"$K1"]' }) },
    { label: 'an outlined part that exists', body: () => form({ '0': '["$1","$K2"]', '1': '{"ok":true}' }) },
    { label: 'a file among the fields', body: () => form({ '0': '[null,"$K1"]', _1_name: new Blob(['\u0000bin']) }) },
    { label: 'a text body with plain arguments', body: () => '[null,"not a form"]', headers: { 'content-type': 'text/plain;charset=UTF-8' } },
    { label: 'an empty argument list', body: () => '[]', headers: { 'content-type': 'text/plain;charset=UTF-8' } },
  ])('$label', async ({ body, headers }) => {
    expect(await answer(post(body(), headers))).toBeNull()
  })

  test('a same-origin POST with no Next-Action header (a form without JavaScript) is Next.js’s', async () => {
    expect(await answer(new Request(`http://${HOST}/stay`, { method: 'POST', headers: { host: HOST, origin: `http://${HOST}` }, body: form({ $ACTION_ID_00ab: '' }) }))).toBeNull()
  })

  test('GET with a Next-Action header is not an action call', async () => {
    expect(await guardPagePost(new Request(`http://${HOST}/register`, { headers: { host: HOST, 'next-action': 'zz' } }), false)).toBeNull()
  })
})

describe('another origin: 403', () => {
  test.each([
    { label: 'a server action from evil.example', origin: 'https://evil.example', action: true },
    { label: 'a server action from origin "null" (sandboxed frame)', origin: 'null', action: true },
    { label: 'a plain form post (no JavaScript) from evil.example', origin: 'https://evil.example', action: false },
    { label: 'our host on a look-alike name', origin: `http://${HOST}.evil.example`, action: true },
  ])('$label', async ({ origin, action }) => {
    const headers: Record<string, string> = { host: HOST, origin, 'accept-language': 'en' }
    if (action) headers['next-action'] = ID
    const result = await answer(new Request(`http://${HOST}/register`, { method: 'POST', headers, body: form({ '0': '[null,"$K1"]' }) }))
    expect(result).toEqual({ status: 403, body: { error: { code: 'CROSS_ORIGIN', message: 'Request from another site refused.' } } })
  })

  test('behind a trusted proxy our origin is the forwarded one', async () => {
    const headers = { host: 'upstream:3000', origin: 'https://poputka.kz', 'x-forwarded-host': 'poputka.kz', 'x-forwarded-proto': 'https', 'next-action': ID }
    expect(await answer(new Request('http://upstream:3000/register', { method: 'POST', headers, body: form({ '0': '[null,"$K1"]' }) }), true)).toBeNull()
    expect((await answer(new Request('http://upstream:3000/register', { method: 'POST', headers, body: form({ '0': '[null,"$K1"]' }) }), false))?.status).toBe(403)
  })
})

describe('a broken envelope: 400', () => {
  test.each([
    { label: 'an action id that is not one', headers: { 'next-action': '<script>' }, body: () => form({ '0': '[]' }) },
    { label: 'text that is not JSON', headers: { 'content-type': 'text/plain;charset=UTF-8' }, body: () => 'garbage' },
    { label: 'JSON that is not an argument list', headers: { 'content-type': 'text/plain;charset=UTF-8' }, body: () => '"str"' },
    { label: 'multipart without a boundary', headers: { 'content-type': 'multipart/form-data' }, body: () => 'garbage' },
    { label: 'multipart that does not parse', headers: { 'content-type': 'multipart/form-data; boundary=zzz' }, body: () => 'garbage' },
    { label: 'multipart without the argument part "0"', body: () => form({ _1_name: 'x' }) },
    { label: 'part "0" that is not JSON', body: () => form({ '0': 'garbage' }) },
    { label: 'a reference to a Map part that is missing', body: () => form({ '0': '[null,"$Q9"]' }) },
    { label: 'an error reference', headers: { 'content-type': 'text/plain' }, body: () => '["$Z"]' },
    { label: 'a promise reference', headers: { 'content-type': 'text/plain' }, body: () => '[null,"$@9"]' },
    { label: 'a server reference', headers: { 'content-type': 'text/plain' }, body: () => '["$F1"]' },
    { label: 'an outlined part that is missing', body: () => form({ '0': '["$1a"]' }) },
    { label: 'an outlined part that is not JSON', body: () => form({ '0': '["$1"]', '1': '{' }) },
    { label: 'a reference nested deep inside', body: () => form({ '0': '[{"a":[{"b":"$W3"}]}]' }) },
    { label: 'a BigInt that is not a number', headers: { 'content-type': 'text/plain' }, body: () => '["$nxyz"]' },
    { label: 'a JSON body (not what React sends)', headers: { 'content-type': 'application/json' }, body: () => '[null]' },
    { label: 'url-encoded', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: () => 'a=b' },
  ])('$label', async ({ headers, body }) => {
    const result = await answer(post(body(), headers))
    expect(result).toEqual({ status: 400, body: { error: { code: 'BAD_REQUEST', message: expect.any(String) } } })
  })

  test('nesting deeper than any form is refused, not recursed into', async () => {
    const deep = '['.repeat(200) + ']'.repeat(200)
    expect((await answer(post(deep, { 'content-type': 'text/plain' })))?.status).toBe(400)
  })

  test('outlined parts that refer to each other do not loop', async () => {
    expect(await answer(post(form({ '0': '["$1"]', '1': '["$2"]', '2': '["$1"]' })))).toBeNull()
  })
})
