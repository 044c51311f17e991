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

test('contacts cross only once a booking is confirmed: the driver’s phone and Telegram to that rider, the rider’s phone to the driver', async ({ cast, world }) => {
  const { driverPhone, driverTelegram, riderPhone } = cast.contacts
  // The walk calls disconnectTelegramAction as every signed-in member of the cast, the driver too:
  // link the driver's Telegram again, as the world made it.
  await e2eDb().query(`UPDATE users SET telegram_chat_id = $2, telegram_username = $3, telegram_shared = true WHERE id = $1`, [cast.users.tripDriver.id, 800_000_000 + Math.floor(Math.random() * 99_999_999), driverTelegram])
  const shown = (body: string, phone: string) => body.includes(phone) || body.includes(phone.replace(/^\+996(\d{3})(\d{3})(\d{3})$/, '+996 $1 $2 $3'))
  const problems: string[] = []
  const expectShown = (what: string, body: string, phone: string, yes: boolean) => {
    if (shown(body, phone) !== yes) problems.push(`${what}: ${yes ? 'missing' : 'shown'} ${phone}`)
  }
  // The confirmed run, its JSON and page: the rider sees the driver's phone and Telegram; nobody else.
  for (const audience of ['bookingOwner', 'passenger', 'otherDriver', 'groupCoordinator', 'otherCoordinator', 'admin'] as const) {
    const request = cast.users[audience].context.request
    const json = await (await request.get(`/api/trips/${world.tripId}`)).text()
    expectShown(`GET /api/trips/:confirmed as ${audience}`, json, driverPhone, audience === 'bookingOwner')
    if (json.includes(driverTelegram) !== (audience === 'bookingOwner')) problems.push(`GET /api/trips/:confirmed as ${audience}: Telegram ${audience === 'bookingOwner' ? 'missing' : 'shown'}`)
    const html = await (await request.get(`/trips/${world.tripId}`)).text()
    expectShown(`page /trips/:confirmed as ${audience}`, html, driverPhone, audience === 'bookingOwner')
  }
  expectShown('GET /api/trips/:confirmed signed out', await (await cast.anonymous.request.get(`/api/trips/${world.tripId}`)).text(), driverPhone, false)
  // The rider's request still pending: no contact either way.
  const owner = cast.users.bookingOwner.context.request
  expectShown('GET /api/trips/:pending as the rider', await (await owner.get(`/api/trips/${world.manualTripId}`)).text(), driverPhone, false)
  const { bookings } = (await (await owner.get('/api/bookings')).json()) as { bookings: { id: string; driver: { phone: string | null; telegram: string | null } }[] }
  const byId = new Map(bookings.map((b) => [b.id, b.driver]))
  if (byId.get(world.bookingId)?.phone !== driverPhone) problems.push(`GET /api/bookings: the confirmed booking's driver.phone is ${byId.get(world.bookingId)?.phone}`)
  if (byId.get(world.bookingId)?.telegram !== `@${driverTelegram}`) problems.push(`GET /api/bookings: the confirmed booking's driver.telegram is ${byId.get(world.bookingId)?.telegram}`)
  for (const id of [world.pendingBookingId, world.waitlistedBookingId]) {
    if (byId.get(id)?.phone !== null) problems.push(`GET /api/bookings: driver.phone of an unconfirmed booking: ${byId.get(id)?.phone}`)
    const one = (await (await owner.get(`/api/bookings/${id}`)).json()) as { booking: { driver: { phone: string | null } } }
    if (one.booking.driver.phone !== null) problems.push(`GET /api/bookings/${id}: driver.phone ${one.booking.driver.phone}`)
  }
  const confirmed = (await (await owner.get(`/api/bookings/${world.bookingId}`)).json()) as { booking: { driver: { phone: string | null } } }
  if (confirmed.booking.driver.phone !== driverPhone) problems.push(`GET /api/bookings/:confirmed: driver.phone ${confirmed.booking.driver.phone}`)
  expectShown('page /bookings as the rider', await (await owner.get('/bookings')).text(), driverPhone, true)
  expectShown('receipt as the rider', await (await owner.get(`/bookings/${world.bookingId}/receipt`)).text(), driverPhone, true)
  // The other way: the driver sees the rider's phone on the confirmed run's manifest, not on the pending one's.
  const driver = cast.users.tripDriver.context.request
  expectShown('manifest of the confirmed run', await (await driver.get(`/api/trips/${world.tripId}/manifest`)).text(), riderPhone, true)
  expectShown('manifest of the pending request', await (await driver.get(`/api/trips/${world.manualTripId}/manifest`)).text(), riderPhone, false)
  expect(problems, problems.join('\n')).toEqual([])
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
