// The session token read from its cookie with next-auth's own encryption: a token next-auth made is
// read back with its claims; a tampered, expired or foreign-secret token is no session. The cookie
// jar is the request's (next/headers), given here as the browser would send it.
import { randomUUID } from 'node:crypto'
import { encode } from 'next-auth/jwt'
import { beforeEach, describe, expect, test, vi } from 'vitest'
import { getAuthOptions } from '@/lib/auth/options'

const jar = vi.hoisted(() => ({ cookies: [] as { name: string; value: string }[] }))
vi.mock('next/headers', () => ({
  cookies: async () => ({
    get: (name: string) => jar.cookies.find((c) => c.name === name),
    getAll: () => jar.cookies,
  }),
}))
const { readSessionClaims } = await import('./session-token')

const secret = () => getAuthOptions().secret!
const claims = () => ({ uid: randomUUID(), sv: 3, sid: randomUUID() })

beforeEach(() => {
  jar.cookies = []
})

describe('readSessionClaims', () => {
  test('a token next-auth made is read back, under either cookie name', async () => {
    for (const name of ['next-auth.session-token', '__Secure-next-auth.session-token']) {
      const made = claims()
      jar.cookies = [{ name, value: await encode({ token: made, secret: secret() }) }]
      expect(await readSessionClaims()).toMatchObject(made)
    }
  })

  test('a token split over several cookies is joined in order', async () => {
    const made = claims()
    const token = await encode({ token: made, secret: secret() })
    const third = Math.ceil(token.length / 3)
    jar.cookies = [
      { name: 'next-auth.session-token.2', value: token.slice(2 * third) },
      { name: 'next-auth.session-token.0', value: token.slice(0, third) },
      { name: 'next-auth.session-token.1', value: token.slice(third, 2 * third) },
    ]
    expect(await readSessionClaims()).toMatchObject(made)
  })

  test('no cookie, a tampered token, an expired one or one made with another secret: no session', async () => {
    expect(await readSessionClaims()).toBeNull()
    const token = await encode({ token: claims(), secret: secret() })
    const tampered = token.slice(0, -6) + (token.endsWith('AAAAAA') ? 'BBBBBB' : 'AAAAAA')
    jar.cookies = [{ name: 'next-auth.session-token', value: tampered }]
    expect(await readSessionClaims()).toBeNull()
    jar.cookies = [{ name: 'next-auth.session-token', value: await encode({ token: claims(), secret: secret(), maxAge: -60 }) }]
    expect(await readSessionClaims()).toBeNull()
    jar.cookies = [{ name: 'next-auth.session-token', value: await encode({ token: claims(), secret: 'another secret of more than thirty-two characters' }) }]
    expect(await readSessionClaims()).toBeNull()
  })
})
