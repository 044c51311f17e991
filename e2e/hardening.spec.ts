// What an outside security review found, checked against the running app over real HTTP (and, for
// the redirect after sign-in, in Chromium):
//  - sign-in with a hostile callbackUrl ends on our own origin;
//  - bodies over the limit are refused before they are read (declared or chunked; JSON API and
//    server actions alike: 413, never a wait or a 500);
//  - server actions from another origin (403) or with a body React cannot decode (400) never reach
//    Next.js's 500;
//  - a Host header that is not ours gets no page and no sign-in URL on it;
//  - guessing invitation codes is limited; an Idempotency-Key reused for another request is refused;
//    the public run JSON carries no internal ids; a crafted search cursor is a 400.
import { randomUUID } from 'node:crypto'
import { createUser, e2eDb, expect, signInContext, test } from './fixtures'
import { chunkOf, rawRequest } from './lib/raw-http'
import { findAction } from './lib/server-actions'
import { kzDate } from './lib/world'

test.describe.configure({ mode: 'parallel' })

const base = () => String(test.info().project.use.baseURL)
const host = () => new URL(base()).host

test.describe('sign-in with a hostile callbackUrl ends on our own origin', () => {
  for (const [label, callbackUrl] of [
    ['slash, tab, slash (the reported bypass)', '%2F%09%2Fevil.example'],
    ['slash, newline, slash', '%2F%0A%2Fevil.example'],
    ['slash, backslash, tab', '%2F%5C%09%2Fevil.example'],
    ['a dot segment leaving //', '%2F.%2F%2Fevil.example'],
  ] as const) {
    test(label, async ({ browser }) => {
      const user = await createUser()
      const context = await browser.newContext()
      const elsewhere: string[] = []
      // Any request to another host is recorded and never leaves the machine.
      await context.route((url) => url.host !== host(), async (route) => {
        elsewhere.push(route.request().url())
        await route.abort()
      })
      const page = await context.newPage()
      await page.goto(`/sign-in?callbackUrl=${callbackUrl}`)
      await page.getByLabel('Электронная почта').fill(user.email)
      await page.getByLabel('Пароль').fill(user.password)
      await page.getByRole('button', { name: 'Войти' }).click()
      await expect(page.getByRole('button', { name: 'Выйти' })).toBeVisible()
      await page.waitForLoadState('networkidle')
      expect(new URL(page.url()).origin).toBe(new URL(base()).origin)
      expect(elsewhere).toEqual([])
      await context.close()
    })
  }
})

test.describe('bodies over the limit are refused before they are read', () => {
  test('a PATCH that declares 50 MB and sends 10 bytes gets 413 at once', async ({ signedInAs }) => {
    const { page } = await signedInAs(['PASSENGER', 'DRIVER'])
    const cookie = (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join('; ')
    const answer = await rawRequest(
      base(),
      `PATCH /api/trips/${randomUUID()} HTTP/1.1\r\nHost: ${host()}\r\nCookie: ${cookie}\r\nContent-Type: application/json\r\nContent-Length: ${50 * 1024 * 1024}\r\nAccept-Language: en\r\n\r\n`,
      { body: '{"notes":"' },
    )
    expect(answer.status).toBe(413)
    expect(JSON.parse(answer.body)).toEqual({ error: { code: 'PAYLOAD_TOO_LARGE', message: 'The request is too large.' } })
    expect(answer.bytesSent).toBe(10)
  })

  test('a chunked JSON body that never ends is refused once past 64 kB', async () => {
    const piece = Buffer.alloc(16 * 1024, 'a')
    const answer = await rawRequest(base(), `POST /api/travellers HTTP/1.1\r\nHost: ${host()}\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n`, {
      body: chunkOf(Buffer.from('{"name":"')),
      keepSending: { chunk: piece, everyMs: 5, chunked: true },
    })
    expect(answer.status).toBe(413)
    expect(JSON.parse(answer.body).error.code).toBe('PAYLOAD_TOO_LARGE')
    expect(answer.bytesSent).toBeLessThan(4 * 1024 * 1024)
  })

  test('a server action over 1 MB is 413 (it was a 500), declared or chunked; one within the limit still runs', async () => {
    const ref = findAction('app/[locale]/(public)/register/actions.ts', 'registerAction')
    const head = (length: string) =>
      `POST /register HTTP/1.1\r\nHost: ${host()}\r\nOrigin: ${base()}\r\nNext-Action: ${ref.id}\r\nAccept: text/x-component\r\nContent-Type: text/plain;charset=UTF-8\r\n${length}\r\n`
    const declared = await rawRequest(base(), head(`Content-Length: ${2 * 1024 * 1024}\r\n`), { body: '[null,"' })
    expect(declared.status).toBe(413)
    const chunked = await rawRequest(base(), head('Transfer-Encoding: chunked\r\n'), { body: chunkOf(Buffer.from('[null,"')), keepSending: { chunk: Buffer.alloc(64 * 1024, 'a'), everyMs: 5, chunked: true } })
    expect(chunked.status).toBe(413)
    const small = '[null,"not a form"]'
    const ok = await rawRequest(base(), head(`Content-Length: ${small.length}\r\nConnection: close\r\n`), { body: small })
    expect(ok.status).toBe(200)
    expect(ok.body).toContain('"code":"VALIDATION"')
  })
})

test.describe('server actions that Next.js would answer with a 500', () => {
  const call = (headers: Record<string, string>, body: string | Buffer, contentType = 'text/plain;charset=UTF-8') => {
    const ref = findAction('app/[locale]/(public)/register/actions.ts', 'registerAction')
    const all: Record<string, string> = { Host: host(), 'Next-Action': ref.id, Accept: 'text/x-component', 'Content-Type': contentType, 'Accept-Language': 'en', 'Content-Length': String(Buffer.byteLength(body)), Connection: 'close', ...headers }
    return rawRequest(base(), `POST /register HTTP/1.1\r\n${Object.entries(all).map(([k, v]) => `${k}: ${v}`).join('\r\n')}\r\n\r\n`, { body })
  }

  for (const origin of ['https://evil.example', 'null']) {
    test(`from origin ${origin}: 403 CROSS_ORIGIN, and the action does not run`, async () => {
      const email = `cross-${randomUUID().slice(0, 8)}@test.poputka.kz`
      const boundary = 'x' + randomUUID().replace(/-/g, '')
      const field = (name: string, value: string) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`
      const body = field('0', '[null,"$K1"]') + field('_1_name', 'Чужой Сайт') + field('_1_email', email) + field('_1_password', 'a-long-enough-password') + `--${boundary}--\r\n`
      const answer = await call({ Origin: origin }, body, `multipart/form-data; boundary=${boundary}`)
      expect(answer.status).toBe(403)
      expect(JSON.parse(answer.body)).toEqual({ error: { code: 'CROSS_ORIGIN', message: 'Request from another site refused.' } })
      expect((await e2eDb().query('SELECT 1 FROM users WHERE email = $1', [email])).rowCount).toBe(0)
    })
  }

  test('a form post without JavaScript from another origin: 403', async () => {
    const ref = findAction('app/[locale]/(public)/register/actions.ts', 'registerAction')
    const boundary = 'x' + randomUUID().replace(/-/g, '')
    const body = `--${boundary}\r\nContent-Disposition: form-data; name="$ACTION_ID_${ref.id}"\r\n\r\n\r\n--${boundary}--\r\n`
    const answer = await rawRequest(base(), `POST /register HTTP/1.1\r\nHost: ${host()}\r\nOrigin: https://evil.example\r\nContent-Type: multipart/form-data; boundary=${boundary}\r\nContent-Length: ${body.length}\r\nConnection: close\r\n\r\n`, { body })
    expect(answer.status).toBe(403)
  })

  for (const { label, body, type } of [
    { label: 'text that is not JSON', body: 'garbage', type: undefined },
    { label: 'an argument list that is not a list', body: '"str"', type: undefined },
    { label: 'a reference to a part that is not there', body: '[null,"$Q9"]', type: undefined },
    { label: 'multipart that does not parse', body: 'garbage', type: 'multipart/form-data; boundary=zzz' },
    { label: 'multipart without a boundary', body: 'garbage', type: 'multipart/form-data' },
  ]) {
    test(`${label}: 400 BAD_REQUEST`, async () => {
      const answer = await call({ Origin: base() }, body, type)
      expect(answer.status).toBe(400)
      expect(JSON.parse(answer.body).error.code).toBe('BAD_REQUEST')
    })
  }
})

test.describe('a Host that is not ours (no NEXTAUTH_URL, no trusted proxy)', () => {
  for (const path of ['/api/auth/providers', '/api/auth/signin', '/sign-in', '/api/health']) {
    test(`${path} with Host: evil.example → 400, nothing on evil.example`, async () => {
      const answer = await rawRequest(base(), `GET ${path} HTTP/1.1\r\nHost: evil.example\r\nAccept-Language: en\r\nConnection: close\r\n\r\n`)
      expect(answer.status).toBe(400)
      expect(JSON.parse(answer.body).error.code).toBe('UNKNOWN_HOST')
      expect(JSON.stringify(answer)).not.toContain('http://evil.example')
    })
  }

  test('our own name gets next-auth URLs on our own name', async ({ request }) => {
    const providers = (await (await request.get('/api/auth/providers')).json()) as { credentials: { signinUrl: string } }
    expect(new URL(providers.credentials.signinUrl).host).toBe(host())
  })

  test('a forwarded host from the client is not believed either', async () => {
    const answer = await rawRequest(base(), `GET /api/auth/providers HTTP/1.1\r\nHost: ${host()}\r\nX-Forwarded-Host: evil.example\r\nX-Forwarded-Proto: https\r\nConnection: close\r\n\r\n`)
    expect(answer.status).toBe(200)
    expect(answer.body).not.toContain('evil.example')
  })
})

test('POST /api/groups/join: the 11th wrong code from one account is 429 with Retry-After', async ({ browser }) => {
  const user = await createUser({ roles: ['PASSENGER', 'DRIVER'] })
  await e2eDb().query(`INSERT INTO cars (owner_id, make, model, colour, plate, seats) VALUES ($1, 'Toyota', 'Camry', 'белый', $2, 4)`, [user.id, `${Math.floor(100 + Math.random() * 899)}GJ02`])
  const context = await browser.newContext()
  await signInContext(context, user)
  const statuses: number[] = []
  let retryAfter: string | undefined
  for (let i = 0; i < 11; i++) {
    const response = await context.request.post('/api/groups/join', { data: { code: `ZZ${randomUUID().slice(0, 6).toUpperCase().replace(/[^A-Z0-9]/g, 'Q')}` }, failOnStatusCode: false })
    statuses.push(response.status())
    retryAfter ??= response.headers()['retry-after']
  }
  expect(statuses).toEqual([...Array(10).fill(404), 429])
  expect(Number(retryAfter)).toBeGreaterThan(0)
  await context.close()
  await e2eDb().query(`DELETE FROM rate_limits WHERE key LIKE 'group-join:%' AND key LIKE $1`, [`%${user.id}`])
  await e2eDb().query(`UPDATE rate_limits SET count = greatest(count - 10, 0) WHERE key = 'group-join:ip:127.0.0.1'`)
})

test('an Idempotency-Key reused for another run is 422, and the second run is not booked', async ({ browser }) => {
  const user = await createUser()
  const { rows } = await e2eDb().query<{ id: string }>(`INSERT INTO travellers (account_id, is_self, name, citizenship, updated_at) VALUES ($1, true, $2, 'RU', now()) RETURNING id`, [user.id, user.name])
  const travellerId = rows[0]!.id
  await e2eDb().query(`INSERT INTO stays (traveller_id, entry_on, exit_on, source, updated_at) VALUES ($1, $2::date, NULL, 'MANUAL', now())`, [travellerId, kzDate(-5)])
  const trips = await e2eDb().query<{ id: string }>(
    `SELECT id FROM trips WHERE status = 'SCHEDULED' AND departure_at > now() + interval '1 hour' AND seats_taken < seats_total AND approval_mode = 'INSTANT'
     ORDER BY departure_at LIMIT 2`,
  )
  const [first, second] = trips.rows.map((r) => r.id)
  const context = await browser.newContext()
  await signInContext(context, user)
  const key = `key-${randomUUID()}`
  const booked = await context.request.post(`/api/trips/${first}/bookings`, { data: { travellerIds: [travellerId] }, headers: { 'Idempotency-Key': key }, failOnStatusCode: false })
  expect(booked.status()).toBe(201)
  const reused = await context.request.post(`/api/trips/${second}/bookings`, { data: { travellerIds: [travellerId] }, headers: { 'Idempotency-Key': key }, failOnStatusCode: false })
  expect(reused.status()).toBe(422)
  expect(((await reused.json()) as { error: { code: string } }).error.code).toBe('IDEMPOTENCY_KEY_REUSED')
  expect((await e2eDb().query(`SELECT 1 FROM bookings WHERE trip_id = $1 AND rider_id = $2`, [second, user.id])).rowCount).toBe(0)
  const cancelled = await context.request.delete(`/api/bookings/${((await booked.json()) as { id: string }).id}`, { failOnStatusCode: false })
  expect(cancelled.status()).toBeLessThan(300)
  await context.close()
})

test('the public run JSON carries no group id, and the driver only as the public profile it links', async ({ request }) => {
  const { rows } = await e2eDb().query<{ id: string; driver_id: string; group_id: string | null }>(`SELECT id, driver_id, group_id FROM trips WHERE group_id IS NOT NULL AND status = 'SCHEDULED' LIMIT 1`)
  const trip = rows[0]!
  const text = await (await request.get(`/api/trips/${trip.id}`)).text()
  expect(text).toContain(trip.id)
  // Since issue 13 the driver's id is their public profile's (/users/:id): once, as driver.id.
  expect(text.split(trip.driver_id).length - 1).toBe(1)
  expect((JSON.parse(text) as { driver: { id: string } }).driver.id).toBe(trip.driver_id)
  expect(text).not.toContain(trip.group_id!)
  expect(text).not.toMatch(/"(driverId|groupId|seriesId)"/)
})

for (const { label, sort, value } of [
  { label: 'year 0', sort: 'time', value: ['0000-01-01T00:00:00.000Z', randomUUID()] },
  { label: 'the first instant JavaScript holds', sort: 'time', value: ['-271821-04-20T00:00:00.000Z', randomUUID()] },
  { label: 'a price of 2^53 − 1', sort: 'price', value: [Number.MAX_SAFE_INTEGER, new Date().toISOString(), randomUUID()] },
]) {
  test(`a search cursor holding ${label} is a 400 (it was a 500 from PostgreSQL)`, async ({ request }) => {
    const cursor = Buffer.from(JSON.stringify(value)).toString('base64url')
    const response = await request.get(`/api/trips?sort=${sort}&cursor=${cursor}`, { failOnStatusCode: false })
    expect(response.status()).toBe(400)
    expect(((await response.json()) as { error: { fields: Record<string, string[]> } }).error.fields.cursor).toBeTruthy()
  })
}

test('next-auth’s error page with an error code outside Latin-1 is not a 500 (the fuzz found it)', async ({ request }) => {
  for (const error of ['%F0%90%8E%B5%E1%93%86', '%D0%9E%D1%88%D0%B8%D0%B1%D0%BA%D0%B0', 'CredentialsSignin', '%0D%0ASet-Cookie:%20x=1']) {
    const response = await request.get(`/api/auth/error?error=${error}`, { maxRedirects: 0, failOnStatusCode: false })
    expect(response.status(), error).toBeLessThan(500)
    expect(response.headers()['set-cookie'] ?? '', error).not.toContain('x=1')
  }
})
