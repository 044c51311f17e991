// How large a request body may be. Our HTTP server (scripts/lib/request-guard.ts) refuses anything
// larger with 413 before Next.js reads a byte of it — on Content-Length at once, or while a chunked
// body streams in — and readJson (lib/route.ts) holds the JSON API to its limit as well when it runs
// behind another server. Nothing we accept is large: no uploads, no attachments.

/** A JSON body of the API (`/api/…`): the largest real one, a run with a long note, is ~2 kB. */
export const MAX_JSON_BYTES = 64 * 1024

/** Anything else: server actions' forms (Next.js's own limit, `serverActions.bodySizeLimit` in
 * next.config.js, is set to the same 1 MB) and next-auth's sign-in forms. */
export const MAX_FORM_BYTES = 1024 * 1024

/** The limit for a request to `path`. */
export function bodyLimitFor(path: string): number {
  return path === '/api' || path.startsWith('/api/') ? MAX_JSON_BYTES : MAX_FORM_BYTES
}
