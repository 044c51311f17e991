// Calling server actions over plain HTTP, the way the browser does it, so that tests can walk
// every action as any user and send it crafted payloads.
//
// After `next build`, .next/server/server-reference-manifest.json maps each action id to
// { filename, exportedName, workers }. The browser (React's encodeReply for a useActionState action
// called as `action(prevState, formData)`) POSTs to the page's own path with the header
// `Next-Action: <id>` and a multipart body: the form's fields prefixed `_1_` and a field `0` holding
// the argument list `[prevState, "$K1"]` ("$K1" = the FormData with prefix `_1_`). The answer is a
// React Flight stream: `0:{"a":"$@1",…}` then `1:<the action's return value>` (or `1:E{…}` when the
// action threw). Captured from a real submission in Chromium (e2e/authorization.spec.ts keeps a test
// that compares a real browser submission with this encoding).
import { readFileSync } from 'node:fs'
import path from 'node:path'
import type { APIRequestContext, APIResponse } from '@playwright/test'

export type ActionRef = { id: string; file: string; name: string; workers: string[] }

let cached: ActionRef[] | undefined

/** Every server action of the production build the e2e server runs. */
export function loadActionManifest(): ActionRef[] {
  if (cached) return cached
  const file = path.join(process.cwd(), '.next', 'server', 'server-reference-manifest.json')
  const manifest = JSON.parse(readFileSync(file, 'utf8')) as { node: Record<string, { filename: string; exportedName: string; workers: Record<string, unknown> }> }
  cached = Object.entries(manifest.node).map(([id, v]) => ({ id, file: v.filename, name: v.exportedName, workers: Object.keys(v.workers) }))
  return cached
}

export function findAction(file: string, name: string): ActionRef {
  const ref = loadActionManifest().find((a) => a.file === file && a.name === name)
  if (!ref) throw new Error(`server action ${file}#${name} is not in the build's server-reference-manifest.json (rebuild?)`)
  return ref
}

/** The URL of the page an action belongs to: `app/[locale]/(app)/my-trips/[tripId]/page` with
 * { tripId } → `/my-trips/<id>` (Russian, the default locale, has no prefix). */
export function pageUrlOf(ref: ActionRef, params: Record<string, string> = {}): string {
  // Of the pages that use the action, one whose path parameters we have (the fewest needed).
  const needs = (w: string) => [...w.matchAll(/\[(\w+)\]/g)].map((m) => m[1]!).filter((p) => p !== 'locale')
  const pages = ref.workers.filter((w) => w.endsWith('/page')).sort((a, b) => needs(a).length - needs(b).length)
  const worker = pages.find((w) => needs(w).every((p) => p in params)) ?? pages[0] ?? ref.workers[0]!
  const segments = worker
    .replace(/^app\//, '')
    .replace(/\/page$/, '')
    .split('/')
    .filter((s) => s !== '[locale]' && !/^\(.*\)$/.test(s))
    .map((s) => {
      const m = /^\[(\w+)\]$/.exec(s)
      if (!m) return s
      const value = params[m[1]!]
      if (value === undefined) throw new Error(`page of ${ref.name} needs the path parameter ${m[1]}`)
      return value
    })
  return '/' + segments.join('/')
}

export type ActionFields = Record<string, string | string[]>

/** The multipart body React sends for `action(prevState, formData)`. `args` replaces the argument
 * list (e.g. `[null, "not a form"]`) to call an action with something other than a form. */
export function encodeActionBody(fields: ActionFields, options: { prevState?: unknown; args?: string } = {}): FormData {
  const body = new FormData()
  for (const [key, value] of Object.entries(fields)) {
    for (const v of Array.isArray(value) ? value : [value]) body.append(`_1_${key}`, v)
  }
  body.append('0', options.args ?? JSON.stringify([options.prevState ?? null, '$K1']))
  return body
}

export type ActionResultValue =
  | { ok: true; data: unknown; message?: string }
  | { ok: false; code: string; message: string; fieldErrors: Record<string, string[]>; details?: unknown }

export type ActionCall = {
  status: number
  /** The action's return value, when it returned one. */
  result?: ActionResultValue
  /** `x-action-redirect`: the action redirected (e.g. to the run it published). */
  redirect?: string
  /** The action threw (a Flight error row `1:E{…}`), or Next refused the call. */
  thrown: boolean
  text: string
  headers: Record<string, string>
}

/** Resolves Flight references in a decoded row value: "$@1"/"$1" rows, "$undefined", "$D<date>", "$$". */
function resolveFlight(value: unknown, rows: Map<string, string>, depth = 0): unknown {
  if (depth > 20) return value
  if (typeof value === 'string' && value.startsWith('$')) {
    if (value.startsWith('$$')) return value.slice(1)
    if (value === '$undefined') return undefined
    if (value.startsWith('$D')) return value.slice(2)
    if (value === '$NaN') return Number.NaN
    const ref = /^\$@?([0-9a-f]+)$/.exec(value)
    if (ref) {
      const row = rows.get(ref[1]!)
      if (row === undefined || row.startsWith('E')) return undefined
      return resolveFlight(JSON.parse(row), rows, depth + 1)
    }
    return value
  }
  if (Array.isArray(value)) return value.map((v) => resolveFlight(v, rows, depth + 1))
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {}
    for (const [k, v] of Object.entries(value)) out[k] = resolveFlight(v, rows, depth + 1)
    return out
  }
  return value
}

export function parseActionResponse(status: number, headers: Record<string, string>, text: string): ActionCall {
  const rows = new Map<string, string>()
  for (const line of text.split('\n')) {
    const m = /^([0-9a-f]+):(.*)$/s.exec(line)
    if (m) rows.set(m[1]!, m[2]!)
  }
  const redirect = headers['x-action-redirect']
  let result: ActionResultValue | undefined
  let thrown = false
  const head = rows.get('0')
  if (head) {
    try {
      const meta = JSON.parse(head) as { a?: string }
      const ref = typeof meta.a === 'string' ? /^\$@?([0-9a-f]+)$/.exec(meta.a) : null
      const row = ref ? rows.get(ref[1]!) : undefined
      if (row?.startsWith('E')) thrown = true
      else if (row !== undefined) result = resolveFlight(JSON.parse(row), rows) as ActionResultValue
    } catch {
      thrown = true
    }
  } else if (!redirect) thrown = true
  return { status, result, redirect, thrown, text, headers }
}

export type InvokeOptions = {
  /** The page to POST to (defaults to the action's own page; dynamic segments need `params`). */
  url?: string
  params?: Record<string, string>
  headers?: Record<string, string>
  prevState?: unknown
  args?: string
  /** A ready-made body (crafted payloads); overrides fields/args. */
  multipart?: FormData
}

/** Invokes a server action through `request` (a signed-in context's request, or an anonymous one). */
export async function invokeAction(request: APIRequestContext, ref: ActionRef, fields: ActionFields, options: InvokeOptions = {}): Promise<ActionCall> {
  const url = options.url ?? pageUrlOf(ref, options.params)
  const response: APIResponse = await request.fetch(url, {
    method: 'POST',
    headers: { 'Next-Action': ref.id, Accept: 'text/x-component', ...options.headers },
    multipart: options.multipart ?? encodeActionBody(fields, { prevState: options.prevState, args: options.args }),
    maxRedirects: 0,
    failOnStatusCode: false,
  })
  const text = await response.text()
  return parseActionResponse(response.status(), response.headers(), text)
}

/** A valid ActionResult value, as lib/action.ts returns them. */
export function isActionResult(value: unknown): value is ActionResultValue {
  if (!value || typeof value !== 'object') return false
  const v = value as Record<string, unknown>
  if (v.ok === true) return 'data' in v || v.data === undefined
  if (v.ok !== false) return false
  if (typeof v.code !== 'string' || typeof v.message !== 'string') return false
  if (!v.fieldErrors || typeof v.fieldErrors !== 'object' || Array.isArray(v.fieldErrors)) return false
  return Object.values(v.fieldErrors as Record<string, unknown>).every((list) => Array.isArray(list) && list.every((m) => typeof m === 'string'))
}
