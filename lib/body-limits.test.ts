// readJson holds the JSON API to its limit on its own (when the app runs behind a server other than
// ours): a declared length over the limit is refused before a byte is read, a streamed body as soon
// as it passes the limit — never read to its end first.
import { describe, expect, test } from 'vitest'
import { z } from 'zod'
import { bodyLimitFor, MAX_FORM_BYTES, MAX_JSON_BYTES } from '@/lib/body-limits'
import { readBodyText, readJson } from '@/lib/route'

/** A body that never ends, counting how much of it was pulled. */
function endless(chunkSize = 16 * 1024) {
  const state = { pulled: 0 }
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      state.pulled += chunkSize
      controller.enqueue(new Uint8Array(chunkSize).fill(0x61))
    },
  })
  return { stream, state }
}

const codeOf = (promise: Promise<unknown>) => promise.then(() => 'resolved', (error: { code?: string }) => error.code ?? String(error))

describe('readJson', () => {
  test('a declared 50 MB is refused before anything is read (the body never arrives)', async () => {
    const { stream, state } = endless()
    const request = new Request('http://localhost/api/x', {
      method: 'PATCH',
      headers: { 'content-type': 'application/json', 'content-length': String(50 * 1024 * 1024) },
      body: stream,
      duplex: 'half',
    } as RequestInit)
    expect(await codeOf(readJson(request, z.unknown()))).toBe('PAYLOAD_TOO_LARGE')
    expect(state.pulled).toBeLessThanOrEqual(16 * 1024 * 2)
  })

  test('an endless body without a length is refused once it passes the limit', async () => {
    const { stream, state } = endless()
    const request = new Request('http://localhost/api/x', { method: 'POST', headers: { 'content-type': 'application/json' }, body: stream, duplex: 'half' } as RequestInit)
    expect(await codeOf(readJson(request, z.unknown()))).toBe('PAYLOAD_TOO_LARGE')
    expect(state.pulled).toBeGreaterThan(MAX_JSON_BYTES)
    expect(state.pulled).toBeLessThan(MAX_JSON_BYTES + 5 * 16 * 1024)
  })

  test('a body of exactly the limit is read; one byte more is not', async () => {
    const json = (size: number) => JSON.stringify('a'.repeat(size - 2))
    const at = new Request('http://localhost/api/x', { method: 'POST', headers: { 'content-type': 'application/json' }, body: json(MAX_JSON_BYTES) })
    expect((await readJson(at, z.string())).length).toBe(MAX_JSON_BYTES - 2)
    const over = new Request('http://localhost/api/x', { method: 'POST', headers: { 'content-type': 'application/json' }, body: json(MAX_JSON_BYTES + 1) })
    expect(await codeOf(readJson(over, z.string()))).toBe('PAYLOAD_TOO_LARGE')
  })

  test('multi-byte text is counted in bytes and decoded whole across chunk boundaries', async () => {
    const text = JSON.stringify({ notes: 'Қазақстан ё 🙂'.repeat(50) })
    const bytes = new TextEncoder().encode(text)
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < bytes.length; i += 7) controller.enqueue(bytes.slice(i, i + 7))
        controller.close()
      },
    })
    const request = new Request('http://localhost/api/x', { method: 'POST', headers: { 'content-type': 'application/json' }, body: stream, duplex: 'half' } as RequestInit)
    expect(await readBodyText(request)).toBe(text)
  })
})

test('the API is held to 64 kB, pages (server actions) to 1 MB', () => {
  expect(bodyLimitFor('/api/trips/1')).toBe(MAX_JSON_BYTES)
  expect(bodyLimitFor('/api')).toBe(MAX_JSON_BYTES)
  expect(bodyLimitFor('/stay')).toBe(MAX_FORM_BYTES)
  expect(bodyLimitFor('/apiary')).toBe(MAX_FORM_BYTES)
})

test('Next.js’s own server-action limit is the same 1 MB (next.config.js)', async () => {
  type Config = { experimental?: { serverActions?: { bodySizeLimit?: string | number } } }
  // @ts-expect-error next.config.js is plain CommonJS without types
  const loaded = (await import('@/next.config.js')) as { default?: Config } & Config
  expect((loaded.default ?? loaded).experimental?.serverActions?.bodySizeLimit).toBe(MAX_FORM_BYTES)
})
