// React Query keys and fetchers of the day board. The board is polled every few seconds with the
// version it last saw (If-None-Match): the server answers 304 while nothing changed, so an idle
// board costs one small query; two coordinators see each other's changes within seconds. On a busy
// day the board comes without each run's confirmed parties (?parties=auto); an opened run loads
// them (runKey) and loads them again whenever the board's version changes.
import type { BoardRun, DayBoard } from '@/lib/dispatch/get-day-board'

export const BOARD_POLL_MS = 3_000

export const boardKey = (groupId: string, date: string) => ['dispatch-board', groupId, date] as const
/** Under boardKey: invalidating the board invalidates the opened runs too. */
export const runsKey = (groupId: string, date: string) => [...boardKey(groupId, date), 'run'] as const
export const runKey = (groupId: string, date: string, tripId: string) => [...runsKey(groupId, date), tripId] as const

export class BoardRequestError extends Error {
  constructor(readonly status: number, message: string) {
    super(message)
  }
}

export async function fetchBoard(groupId: string, date: string, locale: string, previous: DayBoard | undefined): Promise<DayBoard> {
  const headers: Record<string, string> = { Accept: 'application/json', 'Accept-Language': locale }
  if (previous) headers['If-None-Match'] = `"${previous.version}"`
  // no-store: the browser cache stays out of it; the conditional request is ours.
  const response = await fetch(`/api/dispatch/${groupId}/${date}?parties=auto`, { headers, cache: 'no-store', credentials: 'same-origin' })
  if (response.status === 304 && previous) return previous
  if (!response.ok) throw await requestError(response)
  return (await response.json()) as DayBoard
}

/** One run with all its parties. */
export async function fetchRun(groupId: string, date: string, tripId: string, locale: string): Promise<BoardRun> {
  const response = await fetch(`/api/dispatch/${groupId}/${date}/runs/${tripId}`, { headers: { Accept: 'application/json', 'Accept-Language': locale }, cache: 'no-store', credentials: 'same-origin' })
  if (!response.ok) throw await requestError(response)
  return (await response.json()) as BoardRun
}

async function requestError(response: Response): Promise<BoardRequestError> {
  const body = (await response.json().catch(() => null)) as { error?: { message?: string } } | null
  return new BoardRequestError(response.status, body?.error?.message ?? response.statusText)
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
