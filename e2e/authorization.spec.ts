// The authorization table (lib/auth/access-table.ts), walked against the running app: every route
// handler, server action and page, as each of the eight audiences, with the answer the table states.
// Bodies are checked too: the rider's stay and document dates, and the legal check's inputs and
// reasons, never reach anyone but that rider — not the driver, the coordinators, other riders or
// admins (manifest, board, run page, CSV, receipt…).
//
// A refused request must also write nothing (a scoped checksum of the database before and after);
// an allowed one that changes something gets a fresh world of its own, removed afterwards.
import { expect } from '@playwright/test'
import { AUDIENCES, PRIVATE_MARKERS, PROFILE_MARKERS, accessTable, entryKey, expectedOutcome, type AccessEntry, type Audience, type PrivateMarker } from '@/lib/auth/access-table'
import { snapshot } from './lib/db-snapshot'
import { mutates, probeFor } from './lib/probes'
import { encodeActionBody, findAction, loadActionManifest } from './lib/server-actions'
import { sendProbe, visitPage } from './lib/walk'
import { createWorld, dropWorld, findPrivateMarkers, type Cast, type World } from './lib/world'
import { worldTest } from './lib/world-test'
import { e2eDb } from './fixtures'


const test = worldTest

test.describe.configure({ mode: 'parallel' })

function contextFor(cast: Cast, audience: Audience, entry: AccessEntry) {
  if (audience !== 'anonymous') return cast.users[audience].context
  // A signed-out caller of an action or page carries a session cookie that is not valid: the proxy
  // lets it through, so the action's or page's own check is what must refuse it.
  return entry.kind === 'route' ? cast.anonymous : cast.forged
}

const scopeOf = (cast: Cast, world: World) => ({
  users: [...Object.values(cast.users).map((u) => u.id), world.targetUserId],
  groups: [world.groupId, cast.otherGroupId],
})

for (const entry of accessTable) {
  test(`${entryKey(entry)}`, async ({ cast, world: sharedWorld }) => {
    const build = probeFor(entry)
    const problems: string[] = []
    const walk = async (audience: Audience) => {
      const expected = expectedOutcome(entry, audience)
      const allowed = entry.allow.includes(audience)
      const context = contextFor(cast, audience, entry)
      const request = context.request
      // Allowed changes get a world of their own; refusals run in the shared one and must leave it as it was.
      const world = allowed && mutates(entry) ? await createWorld(cast) : sharedWorld
      try {
        const probe = await build({ world, cast, audience, request })
        const scope = scopeOf(cast, world)
        const before = !allowed && mutates(entry) ? await snapshot(scope.users, scope.groups) : undefined
        // Pages open in the browser (page.goto: status and where it ends up); the rest over HTTP.
        const answer = probe.kind === 'page' ? await visitPage(context, probe.url) : await sendProbe(request, entry, probe)
        if (answer.outcome !== expected) problems.push(`${audience}: expected ${expected}, got ${answer.outcome} — ${answer.detail}`)
        if (typeof answer.status === 'number' && answer.status >= 500) problems.push(`${audience}: a 5xx — ${answer.detail}`)
        if (before) {
          const after = await snapshot(scope.users, scope.groups)
          if (after.checksum !== before.checksum) problems.push(`${audience}: refused, but the database changed: ${JSON.stringify(before.counts)} → ${JSON.stringify(after.counts)}`)
        }
        if (audience !== 'bookingOwner') {
          const leaks = findPrivateMarkers(answer.body, entry.hides)
          if (leaks.length) problems.push(`${audience}: the rider's private data in the response: ${leaks.join('; ')}`)
        }
      } finally {
        if (world !== sharedWorld) await dropWorld(cast, world)
      }
    }
    // Pages change nothing: all audiences at once. Anything else one after the other (each allowed
    // change in its own world, each refusal checked against an unchanged database).
    if (entry.kind === 'page') await Promise.all(AUDIENCES.map(walk))
    else for (const audience of AUDIENCES) await walk(audience)
    expect(problems, problems.join('\n')).toEqual([])
  })
}

test('a signed-out visitor without any session cookie is sent to sign-in by every protected page, and no action runs for them', async ({ cast, world: sharedWorld }) => {
  const problems: string[] = []
  for (const entry of accessTable) {
    if (entry.allow.includes('anonymous')) continue
    if (entry.kind === 'route') continue
    const scope = scopeOf(cast, sharedWorld)
    const before = await snapshot(scope.users, scope.groups)
    const probe = await probeFor(entry)({ world: sharedWorld, cast, audience: 'anonymous', request: cast.anonymous.request })
    const answer = probe.kind === 'page' ? await visitPage(cast.anonymous, probe.url) : await sendProbe(cast.anonymous.request, entry, probe)
    const acceptable = entry.kind === 'page' ? ['sign-in'] : ['sign-in', 'UNAUTHENTICATED']
    if (!acceptable.includes(String(answer.outcome))) problems.push(`${entryKey(entry)}: ${answer.outcome} — ${answer.detail}`)
    const after = await snapshot(scope.users, scope.groups)
    if (after.checksum !== before.checksum) problems.push(`${entryKey(entry)}: the database changed`)
  }
  expect(problems, problems.join('\n')).toEqual([])
})

test('every server action of the build is in the table and has a probe', () => {
  const inTable = new Set(accessTable.filter((e) => e.kind === 'action').map((e) => (e.kind === 'action' ? `${e.file}#${e.name}` : '')))
  const built = loadActionManifest().map((a) => `${a.file}#${a.name}`)
  expect(built.filter((a) => !inTable.has(a))).toEqual([])
  for (const entry of accessTable) expect(() => probeFor(entry)).not.toThrow()
})

test('the action encoding used here is what the browser sends', async ({ page }) => {
  // A real submission of the registration form in Chromium, captured, compared with ours.
  const captured: { action?: string; fields: string[]; args?: string } = { fields: [] }
  page.on('request', (req) => {
    const id = req.headers()['next-action']
    if (!id || req.method() !== 'POST') return
    captured.action = id
    const body = req.postData() ?? ''
    for (const m of body.matchAll(/name="([^"]+)"\r\n\r\n([^\r]*)/g)) {
      if (m[1] === '0') captured.args = m[2]
      else captured.fields.push(m[1]!)
    }
  })
  await page.goto('/register')
  await page.getByLabel('Имя').fill('Проверка Кодировки')
  await page.getByLabel('Электронная почта').fill('not-an-email')
  await page.getByLabel('Пароль').fill('short')
  await page.getByRole('button', { name: 'Зарегистрироваться' }).click()
  await expect(page.getByTestId('form-message')).not.toBeEmpty()

  const ref = findAction('app/[locale]/(public)/register/actions.ts', 'registerAction')
  expect(captured.action).toBe(ref.id)
  expect(captured.args).toBe('[null,"$K1"]')
  const ours = encodeActionBody({ name: 'x', email: 'y', password: 'z' })
  const ourFields = [...ours.keys()].filter((k) => k !== '0')
  for (const f of ourFields) expect(captured.fields).toContain(f)
  expect(ours.get('0')).toBe(captured.args)
})

test('admins have no view of a rider’s stays or documents (by id, by API or page)', async ({ cast, world: sharedWorld }) => {
  const admin = cast.users.admin.context.request
  for (const url of [
    `/api/travellers/${sharedWorld.travellerId}/stays`,
    `/api/travellers/${sharedWorld.travellerId}/documents`,
    `/api/travellers/${sharedWorld.travellerId}/assessment`,
    `/stay?traveller=${sharedWorld.travellerId}`,
  ]) {
    const response = await admin.get(url, { failOnStatusCode: false })
    const body = await response.text()
    expect(findPrivateMarkers(body), url).toEqual([])
  }
  // The booking's stored check inputs are still there, only for the rider.
  const { rows } = await e2eDb().query<{ n: number }>(`SELECT count(*)::int AS n FROM booking_travellers WHERE booking_id = $1 AND check_inputs::text LIKE '%2025-03-17%'`, [sharedWorld.bookingId])
  expect(rows[0]!.n).toBe(1)
  const own = await cast.users.bookingOwner.context.request.get(`/api/travellers/${sharedWorld.travellerId}/stays`)
  expect(await own.text()).toContain('2025-03-17')
})

test('the markers are real: the rider sees them where everyone else must not', async ({ cast, world: sharedWorld }) => {
  // The run's public details carry the viewer's own booking, reasons included: the rider gets the
  // private date, the driver and the coordinator the same URL without it.
  const url = `/api/trips/${sharedWorld.tripId}`
  const own = await (await cast.users.bookingOwner.context.request.get(url)).text()
  expect(findPrivateMarkers(own, PRIVATE_MARKERS).length).toBeGreaterThan(0)
  for (const audience of ['tripDriver', 'groupCoordinator', 'admin', 'passenger'] as const) {
    const body = await (await cast.users[audience].context.request.get(url)).text()
    expect(findPrivateMarkers(body, PRIVATE_MARKERS), audience).toEqual([])
  }
  const manifest = await (await cast.users.tripDriver.context.request.get(`/api/trips/${sharedWorld.tripId}/manifest`)).json()
  expect(JSON.stringify(manifest)).toContain(sharedWorld.bookingId)
})

test("the profile markers are real: the rider's own data carries them, the rider's profile never does", async ({ cast, world: sharedWorld }) => {
  // The rider's export holds their email, phone and travellers' citizenship; a run's page its date.
  const own = await (await cast.users.bookingOwner.context.request.get('/api/account/export')).text()
  const found = (body: string, markers: PrivateMarker[]) => markers.filter((m) => findPrivateMarkers(body, [m]).some((f) => f.startsWith(m)))
  expect(found(own, ['email', 'phone', 'citizenship'])).toEqual(['email', 'phone', 'citizenship'])
  const run = await (await cast.anonymous.request.get(`/api/trips/${sharedWorld.completedTripId}`)).text()
  expect(found(run, ['travelDates'])).toEqual(['travelDates'])
  // The rider's profile, as everyone else asks for it, has none of them — yet it is their profile.
  for (const audience of ['anonymous', 'passenger', 'tripDriver', 'groupCoordinator', 'admin'] as const) {
    const context = audience === 'anonymous' ? cast.anonymous : cast.users[audience].context
    const response = await context.request.get(`/api/users/${cast.users.bookingOwner.id}/profile`)
    const body = await response.text()
    expect(JSON.parse(body)).toMatchObject({ id: cast.users.bookingOwner.id, reviews: expect.arrayContaining([expect.objectContaining({ comment: 'Пунктуальная попутчица.' })]) })
    expect(found(body, [...PROFILE_MARKERS, ...PRIVATE_MARKERS]), audience).toEqual([])
  }
})
