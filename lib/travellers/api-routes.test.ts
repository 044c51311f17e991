// The JSON API under /api/travellers: status codes and the one error shape. next-auth's cookie
// decoding is replaced by a settable session (there is no request scope in a test); everything
// from requireUser() down — the database lookup of the user, the services — is the real code.
import { NextRequest } from 'next/server'
import { beforeEach, describe, expect, test, vi } from 'vitest'
import { addDaysIso, todayInKz } from '@/lib/dates/kz-date'
import { db } from '@/lib/db'
import { createUser } from '@/lib/testing/factories'
import { createStayRow, createTestTraveller, ruRider85Days } from '@/lib/testing/traveller-factories'

const session = vi.hoisted(() => ({ userId: null as string | null }))
vi.mock('@/lib/auth/session-token', () => ({ readSessionClaims: async () => (session.userId ? { uid: session.userId } : null) }))
// Pages' redirect helper (imported by lib/auth/session); route handlers never redirect.
vi.mock('@/lib/i18n/navigation', () => ({ redirect: () => { throw new Error('redirect in a route handler') } }))

const travellers = await import('@/app/api/travellers/route')
const traveller = await import('@/app/api/travellers/[travellerId]/route')
const stays = await import('@/app/api/travellers/[travellerId]/stays/route')
const stay = await import('@/app/api/travellers/[travellerId]/stays/[stayId]/route')
const documents = await import('@/app/api/travellers/[travellerId]/documents/route')
const document = await import('@/app/api/travellers/[travellerId]/documents/[documentId]/route')
const assessment = await import('@/app/api/travellers/[travellerId]/assessment/route')
const whatIf = await import('@/app/api/travellers/[travellerId]/what-if/route')

const ID = '00000000-0000-4000-8000-000000000000'

function request(path: string, init: { method?: string; body?: unknown; language?: string } = {}) {
  const headers: Record<string, string> = { 'accept-language': init.language ?? 'ru' }
  if (init.body !== undefined) headers['content-type'] = 'application/json'
  return new NextRequest(`http://localhost${path}`, { method: init.method ?? 'GET', headers, body: init.body === undefined ? undefined : JSON.stringify(init.body) })
}
const ctx = <P,>(params: P) => ({ params: Promise.resolve(params) })

beforeEach(() => {
  session.userId = null
})

describe('anonymous: 401 with the error shape, on every endpoint', () => {
  test.each<{ label: string; call: () => Promise<Response> }>([
    { label: 'GET /api/travellers', call: () => travellers.GET(request('/api/travellers'), ctx({})) },
    { label: 'POST /api/travellers', call: () => travellers.POST(request('/api/travellers', { method: 'POST', body: { name: 'Иван', citizenship: 'RU' } }), ctx({})) },
    { label: 'PATCH /api/travellers/:id', call: () => traveller.PATCH(request(`/api/travellers/${ID}`, { method: 'PATCH', body: { name: 'X' } }), ctx({ travellerId: ID })) },
    { label: 'DELETE /api/travellers/:id', call: () => traveller.DELETE(request(`/api/travellers/${ID}`, { method: 'DELETE' }), ctx({ travellerId: ID })) },
    { label: 'GET …/stays', call: () => stays.GET(request(`/api/travellers/${ID}/stays`), ctx({ travellerId: ID })) },
    { label: 'POST …/stays', call: () => stays.POST(request(`/api/travellers/${ID}/stays`, { method: 'POST', body: { entryOn: '2026-01-01' } }), ctx({ travellerId: ID })) },
    { label: 'PATCH …/stays/:id', call: () => stay.PATCH(request(`/api/travellers/${ID}/stays/${ID}`, { method: 'PATCH', body: { exitOn: null } }), ctx({ travellerId: ID, stayId: ID })) },
    { label: 'DELETE …/stays/:id', call: () => stay.DELETE(request(`/api/travellers/${ID}/stays/${ID}`, { method: 'DELETE' }), ctx({ travellerId: ID, stayId: ID })) },
    { label: 'GET …/documents', call: () => documents.GET(request(`/api/travellers/${ID}/documents`), ctx({ travellerId: ID })) },
    { label: 'POST …/documents', call: () => documents.POST(request(`/api/travellers/${ID}/documents`, { method: 'POST', body: { kind: 'VISA', validFrom: '2026-01-01' } }), ctx({ travellerId: ID })) },
    { label: 'DELETE …/documents/:id', call: () => document.DELETE(request(`/api/travellers/${ID}/documents/${ID}`, { method: 'DELETE' }), ctx({ travellerId: ID, documentId: ID })) },
    { label: 'GET …/assessment', call: () => assessment.GET(request(`/api/travellers/${ID}/assessment`), ctx({ travellerId: ID })) },
    { label: 'GET …/what-if', call: () => whatIf.GET(request(`/api/travellers/${ID}/what-if?exitOn=2026-12-01`), ctx({ travellerId: ID })) },
  ])('$label', async ({ call }) => {
    const response = await call()
    expect(response.status).toBe(401)
    expect(await response.json()).toEqual({ error: { code: 'UNAUTHENTICATED', message: 'Войдите, чтобы продолжить.' } })
  })
})

describe('signed in', () => {
  test('another account’s traveller is 404 for GET, POST, PATCH, DELETE alike — and untouched', async () => {
    const { traveller: theirs } = await createTestTraveller()
    const stranger = await createUser()
    session.userId = stranger.id
    const p = ctx({ travellerId: theirs.id })
    const responses = [
      await stays.GET(request(`/api/travellers/${theirs.id}/stays`), p),
      await stays.POST(request(`/api/travellers/${theirs.id}/stays`, { method: 'POST', body: { entryOn: '2026-01-01', exitOn: '2026-01-02' } }), p),
      await documents.GET(request(`/api/travellers/${theirs.id}/documents`), p),
      await assessment.GET(request(`/api/travellers/${theirs.id}/assessment`), p),
      await traveller.PATCH(request(`/api/travellers/${theirs.id}`, { method: 'PATCH', body: { name: 'Чужой' } }), p),
      await traveller.DELETE(request(`/api/travellers/${theirs.id}`, { method: 'DELETE' }), p),
    ]
    for (const response of responses) {
      expect(response.status).toBe(404)
      expect(await response.json()).toEqual({ error: { code: 'NOT_FOUND', message: 'Не найдено.' } })
    }
    expect(await db.traveller.findUnique({ where: { id: theirs.id }, select: { name: true } })).toEqual({ name: theirs.name })
    expect(await db.stay.count({ where: { travellerId: theirs.id } })).toBe(0)
  })

  test('a bad stay is 400 with translated messages per field (English by Accept-Language)', async () => {
    const { actor, traveller: mine } = await createTestTraveller()
    session.userId = actor.id
    const response = await stays.POST(
      request(`/api/travellers/${mine.id}/stays`, { method: 'POST', body: { entryOn: '2026-03-10', exitOn: '2026-03-01' }, language: 'en' }),
      ctx({ travellerId: mine.id }),
    )
    expect(response.status).toBe(400)
    expect(await response.json()).toEqual({
      error: { code: 'VALIDATION', message: expect.any(String), fields: { exitOn: ['The exit date is before the entry date.'] } },
    })
  })

  test('a document number is refused (400), not dropped', async () => {
    const { actor, traveller: mine } = await createTestTraveller()
    session.userId = actor.id
    const response = await documents.POST(
      request(`/api/travellers/${mine.id}/documents`, { method: 'POST', body: { kind: 'VISA', validFrom: '2026-01-01', validTo: '2026-03-01', number: 'AB123' } }),
      ctx({ travellerId: mine.id }),
    )
    expect(response.status).toBe(400)
    expect((await response.json()).error.fields).toEqual({ number: ['Неизвестное поле.'] })
    expect(await db.residenceDocument.count({ where: { travellerId: mine.id } })).toBe(0)
  })

  test('the owner: create (201), add a stay with the overlap notice (201), assess, what-if, delete (204)', async () => {
    const actor = await createUser()
    session.userId = actor.id
    const created = await travellers.POST(request('/api/travellers', { method: 'POST', body: { self: true, citizenship: 'ru' } }), ctx({}))
    expect(created.status).toBe(201)
    const { traveller: self } = (await created.json()) as { traveller: { id: string; isSelf: boolean; citizenship: string } }
    expect(self).toMatchObject({ isSelf: true, citizenship: 'RU' })
    const p = ctx({ travellerId: self.id })
    const today = todayInKz()
    const [past, current] = ruRider85Days(today)
    await createStayRow(self.id, past!)
    const added = await stays.POST(request(`/api/travellers/${self.id}/stays`, { method: 'POST', body: current }), p)
    expect(added.status).toBe(201)
    expect(await added.json()).toMatchObject({ stay: { entryOn: current!.entryOn, exitOn: null }, merged: false })
    const overlapping = await stays.POST(request(`/api/travellers/${self.id}/stays`, { method: 'POST', body: { entryOn: addDaysIso(today, -120), exitOn: addDaysIso(today, -110) } }), p)
    expect(await overlapping.json()).toMatchObject({ merged: true })

    const status = await assessment.GET(request(`/api/travellers/${self.id}/assessment`), p)
    expect(status.status).toBe(200)
    expect(await status.json()).toMatchObject({ on: today, assessment: { daysUsed: 85, latestLegalExit: addDaysIso(today, 5) }, nextEntry: { on: addDaysIso(today, 30) } })
    const badDay = await assessment.GET(request(`/api/travellers/${self.id}/assessment?on=2026-02-30`), p)
    expect(badDay.status).toBe(400)

    const plan = await whatIf.GET(request(`/api/travellers/${self.id}/what-if?exitOn=${addDaysIso(today, 5)}&returnOn=${addDaysIso(today, 6)}`), p)
    expect(await plan.json()).toMatchObject({ verdict: 'blocked', reasons: expect.arrayContaining([expect.objectContaining({ code: 'RETURN_REFUSED' })]) })

    const listed = await stays.GET(request(`/api/travellers/${self.id}/stays`), p)
    const { stays: log } = (await listed.json()) as { stays: { id: string }[] }
    expect(log).toHaveLength(3)
    const removed = await stay.DELETE(request(`/api/travellers/${self.id}/stays/${log[0]!.id}`, { method: 'DELETE' }), ctx({ travellerId: self.id, stayId: log[0]!.id }))
    expect(removed.status).toBe(204)
  })
})
