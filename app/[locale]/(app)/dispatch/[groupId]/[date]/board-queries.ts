// React Query keys and fetchers of the day board. The board is polled every few seconds with the
// version it last saw (If-None-Match): the server answers 304 while nothing changed, so an idle
// board costs one small query; two coordinators see each other's changes within seconds.
import type { DayBoard } from '@/lib/dispatch/get-day-board'

export const BOARD_POLL_MS = 3_000

export const boardKey = (groupId: string, date: string) => ['dispatch-board', groupId, date] as const

export class BoardRequestError extends Error {
  constructor(readonly status: number, message: string) {
    super(message)
  }
}

export async function fetchBoard(groupId: string, date: string, locale: string, previous: DayBoard | undefined): Promise<DayBoard> {
  const headers: Record<string, string> = { Accept: 'application/json', 'Accept-Language': locale }
  if (previous) headers['If-None-Match'] = `"${previous.version}"`
  // no-store: the browser cache stays out of it; the conditional request is ours.
  const response = await fetch(`/api/dispatch/${groupId}/${date}`, { headers, cache: 'no-store', credentials: 'same-origin' })
  if (response.status === 304 && previous) return previous
  if (!response.ok) {
    const body = (await response.json().catch(() => null)) as { error?: { message?: string } } | null
    throw new BoardRequestError(response.status, body?.error?.message ?? response.statusText)
  }
  return (await response.json()) as DayBoard
}

export type SendResult<T = unknown> =
  | { ok: true; data: T }
  | { ok: false; code: string; message: string; fields: Record<string, string[]>; details?: unknown }

/** A mutation through the JSON API; a refusal comes back as a value with the server's message in
 * the reader's language. */
export async function sendJson<T = unknown>(url: string, locale: string, body?: unknown, method: 'POST' | 'DELETE' = 'POST'): Promise<SendResult<T>> {
  try {
    const response = await fetch(url, {
      method,
      credentials: 'same-origin',
      headers: { Accept: 'application/json', 'Accept-Language': locale, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    })
    const json = (await response.json().catch(() => null)) as { error?: { code: string; message: string; fields?: Record<string, string[]>; details?: unknown } } | null
    if (!response.ok) {
      return { ok: false, code: json?.error?.code ?? String(response.status), message: json?.error?.message ?? response.statusText, fields: json?.error?.fields ?? {}, details: json?.error?.details }
    }
    return { ok: true, data: json as T }
  } catch {
    return { ok: false, code: 'NETWORK', message: '', fields: {} }
  }
}
