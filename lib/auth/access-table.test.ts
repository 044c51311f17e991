// The authorization table lists everything that can be reached: this test finds every route
// handler (and the HTTP methods it exports), every server action and every page in the source tree
// and fails, naming it, when one is missing from lib/auth/access-table.ts — or when the table names
// something that no longer exists. Static: no server, no database.
import { readdirSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, test } from 'vitest'
import { AUDIENCES, PRIVATE_MARKERS, accessTable, entryKey, expectedOutcome, type AccessEntry } from '@/lib/auth/access-table'

const root = path.resolve(import.meta.dirname, '..', '..')
const HTTP_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'] as const

function walk(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name === 'generated' || name.startsWith('.')) continue
    const full = path.join(dir, name)
    if (statSync(full).isDirectory()) walk(full, out)
    else out.push(full)
  }
  return out
}

const rel = (file: string) => path.relative(root, file).split(path.sep).join('/')

/** The methods a route.ts exports: `export const GET =`, `export (async) function POST`, `export { handler as GET }`. */
export function exportedMethods(source: string): string[] {
  const found = new Set<string>()
  for (const m of source.matchAll(/export\s+(?:const|let|var)\s+([A-Z]+)\s*[=:]/g)) found.add(m[1]!)
  for (const m of source.matchAll(/export\s+(?:async\s+)?function\s+([A-Z]+)\s*\(/g)) found.add(m[1]!)
  for (const block of source.matchAll(/export\s*\{([^}]*)\}/g)) {
    for (const part of block[1]!.split(',')) {
      const name = part.trim().split(/\s+as\s+/).pop()?.trim()
      if (name) found.add(name)
    }
  }
  return [...found].filter((n) => (HTTP_METHODS as readonly string[]).includes(n)).sort()
}

/** A file whose first statement is the 'use server' directive. */
export function isServerActionFile(source: string): boolean {
  const body = source.replace(/^\s*(\/\/[^\n]*\n|\/\*[\s\S]*?\*\/\s*)*/, '')
  return /^['"]use server['"]/.test(body.trimStart())
}

/** The exported functions of a 'use server' file (each one is a server action). */
export function exportedFunctions(source: string): string[] {
  const names = new Set<string>()
  for (const m of source.matchAll(/export\s+async\s+function\s+(\w+)/g)) names.add(m[1]!)
  for (const m of source.matchAll(/export\s+(?:const|let)\s+(\w+)\s*=\s*async\b/g)) names.add(m[1]!)
  for (const block of source.matchAll(/export\s*\{([^}]*)\}/g)) {
    for (const part of block[1]!.split(',')) {
      const name = part.trim().split(/\s+as\s+/).pop()?.trim()
      if (name && !name.startsWith('type ')) names.add(name)
    }
  }
  return [...names].sort()
}

/** `app/[locale]/(app)/my-trips/[tripId]/page.tsx` → `/my-trips/[tripId]`. */
export function pagePathOf(file: string): string {
  const segments = rel(file)
    .replace(/^app\/\[locale\]\/?/, '')
    .replace(/\/?page\.tsx$/, '')
    .split('/')
    .filter((s) => s && !/^\(.*\)$/.test(s))
  return '/' + segments.join('/')
}

function discover() {
  const appFiles = walk(path.join(root, 'app'))
  const routes = appFiles
    .filter((f) => f.endsWith('/route.ts'))
    .flatMap((f) => {
      const p = '/' + rel(f).replace(/^app\//, '').replace(/\/route\.ts$/, '')
      return exportedMethods(readFileSync(f, 'utf8')).map((method) => `${method} ${p}`)
    })
  const actionFiles = [...appFiles, ...walk(path.join(root, 'lib'))].filter((f) => /\.tsx?$/.test(f) && !/\.test\.tsx?$/.test(f))
  const actions = actionFiles.flatMap((f) => {
    const source = readFileSync(f, 'utf8')
    return isServerActionFile(source) ? exportedFunctions(source).map((name) => `action ${rel(f)}#${name}`) : []
  })
  // Every page under app/[locale], the catch-all "not found" page aside.
  const pages = appFiles.filter((f) => f.endsWith('/page.tsx') && rel(f).startsWith('app/[locale]/') && !f.includes('[...')).map((f) => `page ${pagePathOf(f)}`)
  return { routes, actions, pages, all: [...routes, ...actions, ...pages] }
}

const found = discover()
const listed = accessTable.map(entryKey)

describe('the authorization table covers the app', () => {
  test('finds the app (a sanity check on discovery)', () => {
    expect(found.routes.length).toBeGreaterThan(30)
    expect(found.actions.length).toBeGreaterThan(20)
    expect(found.pages.length).toBeGreaterThan(15)
    expect(found.routes).toContain('POST /api/trips/[tripId]/bookings')
    expect(found.actions).toContain('action app/[locale]/(public)/trips/[tripId]/actions.ts#bookSeatsAction')
    expect(found.pages).toContain('page /my-trips/[tripId]')
  })

  test('every route handler, server action and page is in the table', () => {
    const missing = found.all.filter((key) => !listed.includes(key))
    expect(missing, `not in lib/auth/access-table.ts — add them with who may use them:\n${missing.join('\n')}`).toEqual([])
  })

  test('every table entry still exists', () => {
    const stale = listed.filter((key) => !found.all.includes(key))
    expect(stale, `in lib/auth/access-table.ts but gone from the app:\n${stale.join('\n')}`).toEqual([])
  })

  test('no entry is listed twice', () => {
    const twice = listed.filter((key, i) => listed.indexOf(key) !== i)
    expect(twice).toEqual([])
  })
})

describe('every entry says exactly what each audience gets', () => {
  test.each(accessTable.map((entry) => ({ label: entryKey(entry), entry })))('$label', ({ entry }: { entry: AccessEntry }) => {
    for (const audience of AUDIENCES) {
      const allowed = entry.allow.includes(audience)
      const denied = audience in entry.deny
      expect(allowed !== denied, `${audience} must be either allowed or denied, exactly once`).toBe(true)
      const outcome = expectedOutcome(entry, audience)
      if (allowed) continue
      if (entry.kind === 'route') {
        expect(outcome, `${audience} is refused with a 4xx`).toBeGreaterThanOrEqual(400)
        expect(outcome).toBeLessThan(500)
        if (audience === 'anonymous') expect(outcome, 'a signed-out caller of the API gets 401').toBe(401)
      } else if (entry.kind === 'page') {
        if (audience === 'anonymous') expect(outcome).toBe('sign-in')
        else expect([403, 404]).toContain(outcome)
      } else {
        expect(['ok', 'redirect']).not.toContain(outcome)
        if (audience === 'anonymous') expect(outcome).toBe('UNAUTHENTICATED')
      }
    }
  })

  test('stays and documents reach only their rider: no one else is allowed on traveller endpoints', () => {
    const travellerScoped = accessTable.filter((e) => e.kind === 'route' && /^\/api\/travellers\/\[travellerId\]/.test(e.path))
    expect(travellerScoped.length).toBeGreaterThan(5)
    for (const entry of travellerScoped) expect(entry.allow, entryKey(entry)).toEqual(['bookingOwner'])
    const stayActions = accessTable.filter((e) => e.kind === 'action' && e.file.includes('/stay/') && !/ensureSelf|createTraveller/.test(e.name))
    for (const entry of stayActions) expect(entry.allow, entryKey(entry)).toEqual(['bookingOwner'])
  })
})

describe("what shows other people's bookings hides the rider's data", () => {
  test.each([
    'GET /api/trips/[tripId]',
    'GET /api/trips/[tripId]/manifest',
    'GET /api/trips/[tripId]/manifest.csv',
    'GET /api/dispatch/[groupId]/[date]',
    'GET /api/dispatch/[groupId]/[date]/manifest.csv',
    'GET /api/dispatch/[groupId]/[date]/summary',
    'GET /api/bookings/[bookingId]/receipt',
  ])('%s: stay and document dates, check inputs, reasons, stays, documents', (key) => {
    const entry = accessTable.find((e) => entryKey(e) === key)
    expect(entry?.hides).toEqual(PRIVATE_MARKERS)
  })

  test.each(['page /trips/[tripId]', 'page /my-trips/[tripId]', 'page /dispatch/manifest/[tripId]', 'page /dispatch/[groupId]/[date]', 'page /dispatch/[groupId]/[date]/manifest'])(
    '%s: the dates and the stored check inputs',
    (key) => {
      const entry = accessTable.find((e) => entryKey(e) === key)
      expect(entry?.hides).toEqual(expect.arrayContaining(['stayDates', 'documentDates', 'checkInputs']))
    },
  )
})

describe('the OpenAPI document and the table agree', () => {
  test('every documented operation is a table entry', async () => {
    const { buildOpenApiDocument } = await import('@/lib/api/openapi')
    const doc = buildOpenApiDocument()
    const documented = Object.entries(doc.paths).flatMap(([p, methods]) =>
      Object.keys(methods).map((m) => `${m.toUpperCase()} ${p.replace(/\{(\w+)\}/g, '[$1]')}`),
    )
    const missing = documented.filter((key) => !listed.includes(key))
    expect(missing).toEqual([])
  })
})
