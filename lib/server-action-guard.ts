// POSTs to a page are server actions (with JavaScript: a `Next-Action` header; without: a form whose
// fields name the action). Next.js answers a call from another origin, or one whose body React
// cannot decode, by throwing — a 500 that makes 5xx monitoring meaningless. proxy.ts calls this
// first and answers those with 403 / 400 in the API's error shape; Next.js never sees them.
//
// The body check knows what our pages send (React's encodeReply for `action(prevState, formData)`
// or `action(formData)`): multipart with the argument list as JSON in part "0", or that list as a
// text body. Inside it, strings starting with "$" are references; the ones our forms can produce are
// allowed (a FormData "$K1", a date "$D…", "$undefined"…) and an outlined part "$1a" must exist.
// Anything else ("$Q…" maps, "$@…" promises, "$F…" server references, streams, blobs by reference)
// would make React wait for a part that never comes, or build something no action takes.
import { localeFromHeaders, translatorFor } from '@/lib/i18n/messages'
import { isSameOrigin } from '@/lib/request-origin'

const ACTION_ID = /^[0-9a-f]{16,128}$/i
const SIMPLE_REFERENCE = /^\$(K[0-9a-f]*|D.*|undefined|NaN|Infinity|-Infinity|-0|n-?\d{1,40})$/s
const PART_REFERENCE = /^\$([0-9a-f]{1,8})$/
const MAX_DEPTH = 64

export type GuardAnswer = { status: 400 | 403; code: 'BAD_REQUEST' | 'CROSS_ORIGIN' }

function refusal(headers: Headers, answer: GuardAnswer): Response {
  const t = translatorFor(localeFromHeaders(headers))
  return Response.json({ error: { code: answer.code, message: t(`errors.${answer.code}` as never) } }, { status: answer.status, headers: { 'Cache-Control': 'no-store' } })
}

/** Every "$" string in `value` is one our forms can send; outlined parts exist and are checked too. */
function referencesAreSound(value: unknown, part: (id: string) => string | null, depth: number, seen: Set<string>): boolean {
  if (depth > MAX_DEPTH) return false
  if (typeof value === 'string') {
    if (!value.startsWith('$') || value.startsWith('$$')) return true
    if (SIMPLE_REFERENCE.test(value)) return true
    const id = PART_REFERENCE.exec(value)?.[1]
    if (id === undefined) return false
    if (seen.has(id)) return true
    seen.add(id)
    const text = part(id)
    if (text === null) return false
    try {
      return referencesAreSound(JSON.parse(text), part, depth + 1, seen)
    } catch {
      return false
    }
  }
  if (Array.isArray(value)) return value.every((v) => referencesAreSound(v, part, depth + 1, seen))
  if (value && typeof value === 'object') return Object.values(value).every((v) => referencesAreSound(v, part, depth + 1, seen))
  return true
}

function argumentsAreSound(root: string | null, part: (id: string) => string | null): boolean {
  if (root === null) return false
  let args: unknown
  try {
    args = JSON.parse(root)
  } catch {
    return false
  }
  return Array.isArray(args) && referencesAreSound(args, part, 0, new Set())
}

/** What is wrong with an action's body, or null. Reads a copy of the body (at most 1 MB: our HTTP
 * server refuses more before this runs). */
async function envelopeProblem(request: Request): Promise<GuardAnswer | null> {
  const bad: GuardAnswer = { status: 400, code: 'BAD_REQUEST' }
  if (!ACTION_ID.test(request.headers.get('next-action') ?? '')) return bad
  const type = (request.headers.get('content-type') ?? 'text/plain').toLowerCase()
  const copy = request.clone()
  if (type.startsWith('multipart/form-data')) {
    if (!/;\s*boundary=/.test(type)) return bad
    const form = await copy.formData().catch(() => null)
    if (!form) return bad
    const text = (name: string) => {
      const value = form.get(name)
      return typeof value === 'string' ? value : null
    }
    return argumentsAreSound(text('0'), (id) => text(String(parseInt(id, 16)))) ? null : bad
  }
  if (type.startsWith('text/plain')) {
    const body = await copy.text().catch(() => null)
    return argumentsAreSound(body, () => null) ? null : bad
  }
  return bad
}

/** The answer to a POST to a page that must not reach Next.js, or null to let it through. */
export async function guardPagePost(request: Request, trustProxy: boolean): Promise<Response | null> {
  if (request.method !== 'POST') return null
  const origin = request.headers.get('origin')
  // A page accepts POSTs only as server actions; from another site none may run (no JavaScript or not).
  if (origin !== null && !isSameOrigin(origin, request.headers, trustProxy)) return refusal(request.headers, { status: 403, code: 'CROSS_ORIGIN' })
  if (!request.headers.has('next-action')) return null
  const problem = await envelopeProblem(request)
  return problem ? refusal(request.headers, problem) : null
}
