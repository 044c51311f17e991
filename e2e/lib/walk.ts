// Sending a probe and reading its answer the way the access table states answers: a status for
// routes, `ok` / `redirect` / the refusal code for actions, 200 / 307 / sign-in / 403 / 404 for pages.
import type { APIRequestContext, BrowserContext } from '@playwright/test'
import type { AccessEntry } from '@/lib/auth/access-table'
import { findAction, invokeAction, type ActionCall } from './server-actions'
import type { Probe } from './probes'

export type Answer = { outcome: string | number; status: number; body: string; detail: string; call?: ActionCall }

function isSignIn(location: string | undefined): boolean {
  if (!location) return false
  const pathname = new URL(location, 'http://x').pathname
  return /^(\/en)?\/sign-in$/.test(pathname)
}

/** A page in the browser: where `page.goto` ends up and with what status (any hop to sign-in means
 * "sign in first"; a page that redirects elsewhere answers its redirect status). */
export async function visitPage(context: BrowserContext, url: string): Promise<Answer> {
  const page = await context.newPage()
  // Only the page itself: its scripts, styles and map tiles are not what is being asked about.
  await page.route('**/*', (route) => (route.request().isNavigationRequest() ? route.continue() : route.abort()))
  try {
    const response = await page.goto(url, { waitUntil: 'commit' })
    if (!response) return { outcome: 'no response', status: 0, body: '', detail: url }
    let first = response.request()
    while (first.redirectedFrom()) first = first.redirectedFrom()!
    const firstStatus = (await first.response())?.status() ?? response.status()
    const finalPath = new URL(page.url()).pathname
    const body = await response.text().catch(() => '')
    const detail = `${url} → ${firstStatus}${page.url().endsWith(url) ? '' : ` … ${finalPath} → ${response.status()}`}`
    if (first !== response.request() && isSignIn(page.url())) return { outcome: 'sign-in', status: response.status(), body, detail }
    return { outcome: firstStatus >= 300 && firstStatus < 400 ? firstStatus : response.status(), status: response.status(), body, detail }
  } finally {
    await page.close()
  }
}

export async function sendProbe(request: APIRequestContext, entry: AccessEntry, probe: Probe, headers: Record<string, string> = {}): Promise<Answer> {
  if (probe.kind === 'http') {
    const response = await request.fetch(probe.url, {
      method: probe.method,
      headers: { ...(probe.json !== undefined ? { 'Content-Type': 'application/json' } : {}), ...probe.headers, ...headers },
      ...(probe.json !== undefined ? { data: JSON.stringify(probe.json) } : {}),
      ...(probe.form ? { form: probe.form } : {}),
      maxRedirects: 0,
      failOnStatusCode: false,
    })
    const body = await response.text()
    return { outcome: response.status(), status: response.status(), body, detail: `${probe.method} ${probe.url} → ${response.status()} ${body.slice(0, 300)}` }
  }
  if (probe.kind === 'action') {
    if (entry.kind !== 'action') throw new Error('an action probe for a non-action entry')
    const call = await invokeAction(request, findAction(entry.file, entry.name), probe.fields, { params: probe.params, headers })
    let outcome: string | number
    if (call.status >= 300 && call.status < 400 && isSignIn(call.headers.location)) outcome = 'sign-in'
    else if (call.redirect) outcome = 'redirect'
    else if (call.result?.ok === true) outcome = 'ok'
    else if (call.result?.ok === false) outcome = call.result.code
    else outcome = `thrown (HTTP ${call.status})`
    return { outcome, status: call.status, body: call.text, detail: `${entry.name} → HTTP ${call.status} ${call.redirect ?? ''} ${call.text.slice(0, 300)}`, call }
  }
  // Pages: follow redirects by hand; any hop to sign-in means "sign in first".
  let url = probe.url
  let first: number | undefined
  for (let hop = 0; hop < 4; hop++) {
    const response = await request.get(url, { maxRedirects: 0, failOnStatusCode: false, headers })
    first ??= response.status()
    const location = response.headers().location
    if (response.status() >= 300 && response.status() < 400 && location) {
      if (isSignIn(location)) return { outcome: 'sign-in', status: response.status(), body: '', detail: `${probe.url} → sign-in (${location})` }
      url = location
      continue
    }
    const body = await response.text()
    const outcome = first >= 300 && first < 400 ? first : response.status()
    return { outcome, status: response.status(), body, detail: `${probe.url} → ${first}${url !== probe.url ? ` … ${url} → ${response.status()}` : ''}` }
  }
  return { outcome: `redirect loop from ${probe.url}`, status: 0, body: '', detail: 'redirect loop' }
}
