// Where sign-in may send someone afterwards. Decided with the WHATWG URL parser — the one the
// browser will use on the same string — against our own origin, never by looking at the string's
// first characters: browsers strip tabs and newlines, read `\` as `/` and resolve dot segments, so
// "/\t/evil.example" passed a prefix check and then took Chromium to http://evil.example/.

/** An origin no real request has: paths are resolved against it when ours is not known. */
const PLACEHOLDER_ORIGIN = 'http://poputka.invalid'
const MAX_LENGTH = 1_000

function parse(value: string, origin: string): URL | null {
  try {
    return new URL(value, origin)
  } catch {
    return null
  }
}

/** `value` as an absolute URL on `origin`, or null when it would lead anywhere else. */
export function sameOriginTarget(value: unknown, origin: string): string | null {
  if (typeof value !== 'string' || value.length === 0 || value.length > MAX_LENGTH) return null
  const base = parse(origin, PLACEHOLDER_ORIGIN)
  const url = parse(value, origin)
  if (!base || !url || url.origin === 'null' || url.origin !== base.origin) return null
  // Path, query and fragment as the parser normalised them; read back once more, they must name the
  // same page of ours (a path that became "//host" after dot segments would be a network path).
  const local = url.pathname + url.search + url.hash
  if (!local.startsWith('/') || local.startsWith('//')) return null
  const again = parse(local, origin)
  if (!again || again.origin !== base.origin || again.href !== url.href) return null
  return url.href
}

/** A path of our own site to go to after sign-in ("/trips?…"), or "/" for anything else. The locale
 * prefix is dropped: the router adds the visitor's. */
export function safeCallbackPath(value: unknown, origin: string = PLACEHOLDER_ORIGIN): string {
  const target = sameOriginTarget(value, origin)
  if (!target) return '/'
  const url = new URL(target)
  const path = url.pathname.replace(/^\/(ru|en|kk)(?=\/|$)/, '') || '/'
  // Dropping the prefix must not leave a network path either ("/en//evil.example").
  if (path.startsWith('//')) return '/'
  return path + url.search + url.hash
}
