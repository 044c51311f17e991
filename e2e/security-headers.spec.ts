// Headers, CSP, escaping, cross-origin refusals and rate limits, against the running app.
//  - Every page: a Content-Security-Policy without 'unsafe-inline' scripts, a fresh nonce per
//    response that Next's <script> tags carry; nosniff, frame denial, referrer and permissions
//    policies, HSTS (pages and API); no CSP violation in the browser on the main pages.
//  - Text people write (names, traveller names, run notes, car make) is shown as text everywhere.
//  - Mutations from another origin are refused: JSON API (403 CROSS_ORIGIN) and server actions.
//  - Limits: sign-in (the form says so), registration, booking, search — 429 with Retry-After.
import { expect, type Page } from '@playwright/test'
import { randomUUID } from 'node:crypto'
import { accessTable, entryKey, type Audience, type PageEntry, type RouteEntry } from '@/lib/auth/access-table'
import { createUser, e2eDb, signInContext } from './fixtures'
import { snapshot } from './lib/db-snapshot'
import { multipartOf, requestFrom, spareLoopbackAddress } from './lib/from-address'
import { probeFor, type HttpProbe, type PageProbe } from './lib/probes'
import { encodeActionBody, findAction, invokeAction, pageUrlOf } from './lib/server-actions'
import { worldTest } from './lib/world-test'

const test = worldTest

test.describe.configure({ mode: 'parallel' })

const STATIC_HEADERS: Record<string, RegExp> = {
  'x-content-type-options': /^nosniff$/i,
  'x-frame-options': /^DENY$/i,
  'referrer-policy': /^(no-referrer|same-origin|strict-origin|strict-origin-when-cross-origin)$/,
  'permissions-policy': /camera=\(\).*microphone=\(\)/,
  'strict-transport-security': /max-age=\d{7,}/,
}

function staticHeaderProblems(headers: Record<string, string>): string[] {
  return Object.entries(STATIC_HEADERS).filter(([name, re]) => !re.test(headers[name] ?? '')).map(([name]) => `${name}: ${headers[name] ?? '(missing)'}`)
}

function directives(csp: string): Map<string, string[]> {
  return new Map(csp.split(';').map((d) => d.trim().split(/\s+/)).filter((p) => p[0]).map(([name, ...values]) => [name!.toLowerCase(), values]))
}

/** Who may see a page (an allowed audience, signed-in ones first). */
function viewerOf(entry: PageEntry): Audience {
  return entry.allow.find((a) => a !== 'anonymous') ?? 'anonymous'
}

test('every page: a nonce-based CSP without unsafe-inline scripts, the nonce on every script, the usual headers', async ({ cast, world }) => {
  const problems: string[] = []
  for (const entry of accessTable.filter((e): e is PageEntry => e.kind === 'page')) {
    const audience = viewerOf(entry)
    const request = audience === 'anonymous' ? cast.anonymous.request : cast.users[audience].context.request
    const probe = (await probeFor(entry)({ world, cast, audience, request })) as PageProbe
    const response = await request.get(probe.url, { failOnStatusCode: false })
    const headers = response.headers()
    const where = `${entryKey(entry)} as ${audience} (${response.status()})`
    const csp = headers['content-security-policy']
    if (!csp) {
      problems.push(`${where}: no Content-Security-Policy`)
      continue
    }
    const d = directives(csp)
    const scripts = d.get('script-src') ?? d.get('default-src') ?? []
    if (scripts.includes("'unsafe-inline'")) problems.push(`${where}: script-src allows 'unsafe-inline'`)
    const nonce = scripts.find((s) => s.startsWith("'nonce-"))?.slice(7, -1)
    if (!nonce || nonce.length < 16) problems.push(`${where}: no nonce in script-src`)
    if (!(d.get('frame-ancestors') ?? []).includes("'none'") && headers['x-frame-options']?.toUpperCase() !== 'DENY') problems.push(`${where}: may be framed`)
    if (!(d.get('object-src') ?? []).includes("'none'")) problems.push(`${where}: object-src is not 'none'`)
    if (!(d.get('base-uri') ?? []).length) problems.push(`${where}: no base-uri`)
    problems.push(...staticHeaderProblems(headers).map((p) => `${where}: ${p}`))
    const html = await response.text()
    const tags = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0])
    if (tags.length === 0) problems.push(`${where}: no <script> tags at all (was the page rendered?)`)
    const unnonced = tags.filter((t) => !t.includes(`nonce="${nonce}"`))
    if (unnonced.length) problems.push(`${where}: scripts without the response's nonce: ${unnonced.slice(0, 3).join(' ')}`)
  }
  expect(problems, problems.join('\n')).toEqual([])
})

test('the nonce is fresh on every response', async ({ cast }) => {
  const nonces = new Set<string>()
  for (let i = 0; i < 5; i++) {
    const response = await cast.anonymous.request.get('/')
    const nonce = /'nonce-([^']+)'/.exec(response.headers()['content-security-policy'] ?? '')?.[1]
    expect(nonce).toBeTruthy()
    nonces.add(nonce!)
  }
  expect(nonces.size).toBe(5)
})

test('API responses carry the security headers too (ok, refused, not found, errors)', async ({ cast, world }) => {
  const problems: string[] = []
  const calls: [string, () => Promise<{ status: () => number; headers: () => Record<string, string> }>][] = [
    ['GET /api/health', () => cast.anonymous.request.get('/api/health')],
    ['GET /api/trips', () => cast.anonymous.request.get(`/api/trips?date=${world.date}`)],
    ['GET /api/bookings (401)', () => cast.anonymous.request.get('/api/bookings', { failOnStatusCode: false })],
    ['GET /api/trips/:id (404)', () => cast.anonymous.request.get(`/api/trips/${randomUUID()}`, { failOnStatusCode: false })],
    ['POST /api/trips (400)', () => cast.users.tripDriver.context.request.post('/api/trips', { data: '{', headers: { 'Content-Type': 'application/json' }, failOnStatusCode: false })],
    ['GET /api/trips/:id/manifest.csv', () => cast.users.tripDriver.context.request.get(`/api/trips/${world.tripId}/manifest.csv`)],
    ['GET /api/account/export', () => cast.users.bookingOwner.context.request.get('/api/account/export')],
  ]
  for (const [label, call] of calls) {
    const response = await call()
    problems.push(...staticHeaderProblems(response.headers()).map((p) => `${label} (${response.status()}): ${p}`))
  }
  expect(problems, problems.join('\n')).toEqual([])
})

/** Records CSP violations and console errors a page reports. */
async function watchCsp(page: Page): Promise<string[]> {
  const seen: string[] = []
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      const w = window as unknown as { __csp?: string[] }
      ;(w.__csp ??= []).push(`${e.violatedDirective} ${e.blockedURI}`)
    })
  })
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy|Refused to (execute|load|apply)/i.test(message.text())) seen.push(message.text())
  })
  return seen
}

test('the main pages run under the CSP without a single violation', async ({ cast, world }) => {
  // Fifteen pages, each also registering the service worker in a fresh context: a minute is tight
  // on a busy machine.
  test.setTimeout(150_000)
  const visits: [Audience, string][] = [
    ['anonymous', '/'],
    ['anonymous', `/trips?date=${world.date}&from=almaty`],
    ['anonymous', `/trips/${world.tripId}`],
    ['anonymous', '/sign-in'],
    ['anonymous', '/register'],
    ['bookingOwner', `/trips/${world.tripId}`],
    ['bookingOwner', '/bookings'],
    ['bookingOwner', `/bookings/${world.bookingId}/receipt`],
    ['bookingOwner', `/stay?traveller=${world.travellerId}`],
    ['bookingOwner', '/account'],
    ['tripDriver', `/my-trips/${world.tripId}`],
    ['tripDriver', '/my-trips/new'],
    ['groupCoordinator', `/dispatch/${world.groupId}/${world.date}`],
    ['groupCoordinator', `/dispatch/${world.groupId}/${world.date}/summary`],
    ['admin', '/admin/users'],
  ]
  const problems: string[] = []
  for (const [audience, url] of visits) {
    const context = audience === 'anonymous' ? cast.anonymous : cast.users[audience].context
    const page = await context.newPage()
    const logged = await watchCsp(page)
    await page.goto(url)
    await page.waitForLoadState('networkidle')
    const reported = await page.evaluate(() => (window as unknown as { __csp?: string[] }).__csp ?? [])
    // Scripts ran (React hydrated): a policy that blocked Next's own scripts would pass silently otherwise.
    const hydrated = await page.evaluate(() => Boolean((window as unknown as { next?: unknown }).next) || document.querySelectorAll('script[src]').length > 0)
    if (!hydrated) problems.push(`${audience} ${url}: no scripts ran`)
    for (const v of [...reported, ...logged]) problems.push(`${audience} ${url}: ${v}`)
    await page.close()
  }
  expect(problems, problems.join('\n')).toEqual([])
})

test('text people write is shown as text on every page that shows it', async ({ cast, world }) => {
  // Written straight into the database, past any input validation.
  const payloads = {
    driverName: `<img/src=x/onerror=alert(1)>`,
    carMake: `<script>alert(2)</script>`,
    notes: `"><svg/onload=alert(3)>'<img src=x onerror=alert(4)>`,
    travellerName: `"><script>alert(5)</script>`,
    riderName: `<b/onmouseover=alert(6)>Айгерим</b>`,
  }
  const db = e2eDb()
  await db.query(`UPDATE users SET name = $2 WHERE id = $1`, [cast.users.tripDriver.id, payloads.driverName])
  await db.query(`UPDATE users SET name = $2 WHERE id = $1`, [cast.users.bookingOwner.id, payloads.riderName])
  await db.query(`UPDATE cars SET make = $2 WHERE id = $1`, [cast.users.tripDriver.carId, payloads.carMake])
  await db.query(`UPDATE trips SET notes = $2 WHERE id = $1`, [world.tripId, payloads.notes])
  await db.query(`UPDATE travellers SET name = $2 WHERE id = $1`, [world.travellerId, payloads.travellerName])
  await db.query(`UPDATE booking_travellers SET name = $2 WHERE booking_id = $1`, [world.bookingId, payloads.travellerName])

  const visits: { who: Audience; url: string; shows: (keyof typeof payloads)[] }[] = [
    { who: 'anonymous', url: `/trips?date=${world.date}&from=almaty`, shows: ['carMake'] },
    { who: 'anonymous', url: `/trips/${world.tripId}`, shows: ['notes', 'carMake'] },
    { who: 'bookingOwner', url: `/trips/${world.tripId}`, shows: ['notes', 'travellerName'] },
    { who: 'bookingOwner', url: '/bookings', shows: [] },
    { who: 'bookingOwner', url: `/bookings/${world.bookingId}/receipt`, shows: ['travellerName'] },
    { who: 'bookingOwner', url: `/stay?traveller=${world.travellerId}`, shows: ['travellerName'] },
    { who: 'tripDriver', url: `/my-trips/${world.tripId}`, shows: ['travellerName'] },
    { who: 'tripDriver', url: `/dispatch/manifest/${world.tripId}`, shows: ['travellerName', 'carMake'] },
    { who: 'groupCoordinator', url: `/dispatch/${world.groupId}/${world.date}`, shows: ['driverName', 'travellerName'] },
    { who: 'groupCoordinator', url: `/dispatch/${world.groupId}/${world.date}/manifest`, shows: ['travellerName'] },
    { who: 'groupCoordinator', url: `/dispatch/groups/${world.groupId}`, shows: ['driverName'] },
    { who: 'admin', url: `/admin/users?q=${encodeURIComponent(cast.users.tripDriver.email)}`, shows: ['driverName'] },
  ]
  const problems: string[] = []
  for (const visit of visits) {
    const context = visit.who === 'anonymous' ? cast.anonymous : cast.users[visit.who].context
    const page = await context.newPage()
    const dialogs: string[] = []
    page.on('dialog', (d) => {
      dialogs.push(d.message())
      void d.dismiss()
    })
    await page.goto(visit.url)
    await page.waitForLoadState('networkidle')
    const text = await page.evaluate(() => document.body.innerText)
    const injected = await page.evaluate(() => document.querySelectorAll('img[src="x"], svg[onload], b[onmouseover], script:not([src]):not([nonce])').length)
    const where = `${visit.who} ${visit.url}`
    if (dialogs.length) problems.push(`${where}: a dialog fired: ${dialogs.join(', ')}`)
    if (injected) problems.push(`${where}: ${injected} element(s) made from user text`)
    for (const key of visit.shows) if (!text.includes(payloads[key])) problems.push(`${where}: ${key} is not shown literally`)
    if (!Object.values(payloads).some((p) => text.includes(p))) problems.push(`${where}: none of the texts is on the page`)
    await page.close()
  }
  expect(problems, problems.join('\n')).toEqual([])
})

test('JSON API: every mutation from another origin is refused with 403 CROSS_ORIGIN and changes nothing', async ({ cast, world }) => {
  const problems: string[] = []
  const scope = { users: Object.values(cast.users).map((u) => u.id), groups: [world.groupId, cast.otherGroupId] }
  const before = await snapshot(scope.users, scope.groups)
  for (const entry of accessTable.filter((e): e is RouteEntry => e.kind === 'route' && e.method !== 'GET' && !e.path.startsWith('/api/auth/'))) {
    const audience = entry.allow.find((a) => a !== 'anonymous') ?? 'passenger'
    const request = cast.users[audience].context.request
    const probe = (await probeFor(entry)({ world, cast, audience, request })) as HttpProbe
    for (const origin of ['https://evil.example', 'null', 'http://127.0.0.1.evil.example']) {
      const response = await request.fetch(probe.url, {
        method: probe.method,
        headers: { Origin: origin, ...(probe.json !== undefined ? { 'Content-Type': 'application/json' } : {}) },
        ...(probe.json !== undefined ? { data: JSON.stringify(probe.json) } : {}),
        failOnStatusCode: false,
      })
      const body = (await response.json().catch(() => ({}))) as { error?: { code?: string; message?: string } }
      if (response.status() !== 403 || body.error?.code !== 'CROSS_ORIGIN' || !body.error.message) problems.push(`${entryKey(entry)} from ${origin}: ${response.status()} ${JSON.stringify(body).slice(0, 200)}`)
    }
  }
  const after = await snapshot(scope.users, scope.groups)
  expect(problems, problems.join('\n')).toEqual([])
  expect(after).toEqual(before)
})

test('server actions: a call from another origin does not run (and writes nothing)', async ({ cast, world }) => {
  const problems: string[] = []
  const scope = { users: Object.values(cast.users).map((u) => u.id), groups: [world.groupId, cast.otherGroupId] }
  const before = await snapshot(scope.users, scope.groups)
  const emails: string[] = []
  for (const entry of accessTable.filter((e) => e.kind === 'action')) {
    if (entry.kind !== 'action') continue
    const audience = entry.allow.find((a) => a !== 'anonymous') ?? 'passenger'
    const request = cast.users[audience].context.request
    const probe = await probeFor(entry)({ world, cast, audience, request })
    if (probe.kind !== 'action') continue
    const ref = findAction(entry.file, entry.name)
    if (typeof probe.fields.email === 'string') emails.push(probe.fields.email)
    for (const origin of ['https://evil.example', 'null']) {
      const call = await invokeAction(request, ref, probe.fields, { params: probe.params, headers: { Origin: origin } })
      if (call.result?.ok === true || call.redirect || (call.status >= 200 && call.status < 300)) problems.push(`${entryKey(entry)} from ${origin}: ran (HTTP ${call.status}) ${call.text.slice(0, 200)}`)
    }
    // The same call from our own origin does run: the refusal above is the origin's doing.
    if (entry.name === 'markNotificationsReadAction') {
      const own = await invokeAction(request, ref, probe.fields, { params: probe.params, headers: { Origin: new URL(pageUrlOf(ref, probe.params), String(test.info().project.use.baseURL)).origin } })
      expect(own.result?.ok, 'the same call from our origin').toBe(true)
    }
  }
  const after = await snapshot(scope.users, scope.groups)
  expect(problems, problems.join('\n')).toEqual([])
  expect(after).toEqual(before)
  const registered = await e2eDb().query(`SELECT email FROM users WHERE email = ANY($1)`, [emails])
  expect(emails.length).toBeGreaterThan(0)
  expect(registered.rows, 'no account registered from another origin').toEqual([])
})

test('a cross-site form post (no JavaScript, multipart) to a page does not run an action either', async ({ cast }) => {
  const ref = findAction('app/[locale]/(app)/stay/actions.ts', 'createTravellerAction')
  const before = await e2eDb().query<{ n: number }>(`SELECT count(*)::int AS n FROM travellers WHERE account_id = $1`, [cast.users.passenger.id])
  // What a form on evil.example with action="https://poputka/stay" would send: the action's id in a
  // field, the browser's Origin header and the victim's cookies.
  const form = new FormData()
  form.append(`$ACTION_ID_${ref.id}`, '')
  form.append('name', 'Злоумышленник')
  form.append('citizenship', 'KG')
  const response = await cast.users.passenger.context.request.fetch('/stay', { method: 'POST', headers: { Origin: 'https://evil.example' }, multipart: form, failOnStatusCode: false, maxRedirects: 0 })
  expect(response.status()).toBeGreaterThanOrEqual(400)
  const after = await e2eDb().query<{ n: number }>(`SELECT count(*)::int AS n FROM travellers WHERE account_id = $1`, [cast.users.passenger.id])
  expect(after.rows[0]!.n).toBe(before.rows[0]!.n)
})

function expectLimited(reply: { status: number; headers: Record<string, string | string[] | undefined>; text: string }) {
  expect(reply.status).toBe(429)
  const retryAfter = Number(reply.headers['retry-after'])
  expect(retryAfter).toBeGreaterThan(0)
  const body = JSON.parse(reply.text) as { error: { code: string; message: string } }
  expect(body.error.code).toBe('RATE_LIMITED')
  expect(body.error.message).toMatch(/\d/)
}

test('search: the 241st search within a minute from one address is refused with 429 and Retry-After', async ({ baseURL: base }) => {
  const baseURL = base!
  // From an address of its own: the other tests' searches (127.0.0.1) are not limited by this one.
  const address = spareLoopbackAddress()
  let first: number | undefined
  let limited: Awaited<ReturnType<typeof requestFrom>> | undefined
  let count = 0
  for (; count < 260 && !limited; count++) {
    const reply = await requestFrom(address, baseURL, `/api/trips?limit=1`)
    first ??= reply.status
    if (reply.status === 429) limited = reply
    else expect(reply.status).toBe(200)
  }
  expect(first).toBe(200)
  expect(limited, 'no 429 within 260 searches').toBeTruthy()
  expect(count).toBe(241)
  expectLimited(limited!)
})

test('booking: more than 30 attempts in 10 minutes from one account get 429 with Retry-After', async ({ browser }) => {
  const user = await createUser()
  const context = await browser.newContext()
  await signInContext(context, user)
  const missingTrip = randomUUID()
  let limited: { status: number; headers: Record<string, string>; text: string } | undefined
  let attempts = 0
  for (; attempts < 40 && !limited; attempts++) {
    const response = await context.request.post(`/api/trips/${missingTrip}/bookings`, { data: { travellerIds: [randomUUID()] }, failOnStatusCode: false })
    if (response.status() === 429) limited = { status: 429, headers: response.headers(), text: await response.text() }
    else expect(response.status()).toBe(404)
  }
  expect(attempts).toBe(31)
  expectLimited(limited!)
  await context.close()
})

test('registration: the 21st attempt within an hour from one address is refused, with the wait in the message', async ({ baseURL: base, cast }) => {
  const baseURL = base!
  const address = spareLoopbackAddress()
  const ref = findAction('app/[locale]/(public)/register/actions.ts', 'registerAction')
  let result: { ok: boolean; code?: string; message?: string } | undefined
  let attempts = 0
  for (; attempts < 25; attempts++) {
    // A taken address: each attempt counts, none creates an account.
    const { body, contentType } = await multipartOf(encodeActionBody({ name: 'Лимит Проверка', email: cast.users.passenger.email, password: 'a-long-enough-password', phone: '' }))
    const reply = await requestFrom(address, baseURL, '/register', { method: 'POST', headers: { 'Next-Action': ref.id, Accept: 'text/x-component', 'Content-Type': contentType }, body })
    expect(reply.status).toBe(200)
    const row = /^1:(.*)$/m.exec(reply.text)?.[1]
    result = JSON.parse(row!) as typeof result
    if (result?.code === 'RATE_LIMITED') break
    expect(result?.code).toBe('EMAIL_TAKEN')
  }
  expect(attempts).toBe(20)
  expect(result?.code).toBe('RATE_LIMITED')
  expect(result?.message).toMatch(/\d+/)
  await e2eDb().query(`DELETE FROM rate_limits WHERE key = $1`, [`register:ip:${address}`])
})

test('sign-in: ten wrong passwords lock out the address they came from, with the wait in the form — the owner elsewhere gets in (next-auth flow)', async ({ page, baseURL: base }) => {
  const baseURL = base!
  const user = await createUser()
  // Ten wrong passwords through next-auth from the browser's own address (127.0.0.1)…
  const { csrfToken } = (await (await page.request.get('/api/auth/csrf')).json()) as { csrfToken: string }
  for (let i = 0; i < 10; i++) {
    const reply = await page.request.post('/api/auth/callback/credentials', { form: { csrfToken, email: user.email, password: `wrong-${i}-password`, json: 'true' }, failOnStatusCode: false })
    expect(reply.status()).toBeLessThan(500)
    expect(await reply.text()).toContain('CredentialsSignin')
  }
  // …then the right one in the form, in the browser, from that address: refused, and it says how long to wait.
  await page.goto('/sign-in')
  await page.getByLabel('Электронная почта').fill(user.email)
  await page.getByLabel('Пароль').fill(user.password)
  await page.getByRole('button', { name: 'Войти' }).click()
  await expect(page.getByText(/Слишком много попыток входа. Попробуйте снова через \d+/)).toBeVisible()
  await expect(page).toHaveURL(/\/sign-in/)
  expect((await page.context().cookies()).some((c) => c.name.includes('session-token'))).toBe(false)

  // The owner at another address signs in with the right password at once.
  const address = spareLoopbackAddress()
  const csrf = await requestFrom(address, baseURL, '/api/auth/csrf')
  const cookie = ([] as string[]).concat(csrf.headers['set-cookie'] ?? []).map((c) => c.split(';')[0]).join('; ')
  const body = new URLSearchParams({ csrfToken: (JSON.parse(csrf.text) as { csrfToken: string }).csrfToken, email: user.email, password: user.password, json: 'true' }).toString()
  const owner = await requestFrom(address, baseURL, '/api/auth/callback/credentials', { method: 'POST', headers: { cookie, 'Content-Type': 'application/x-www-form-urlencoded' }, body })
  expect(owner.status).toBe(200)
  expect(([] as string[]).concat(owner.headers['set-cookie'] ?? []).some((c) => c.startsWith('next-auth.session-token='))).toBe(true)
  await e2eDb().query(`DELETE FROM rate_limits WHERE key LIKE $1 OR key = 'sign-in:ip:127.0.0.1'`, [`%:${user.email}`])
})
