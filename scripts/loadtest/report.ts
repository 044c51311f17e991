// Figures from the samples: throughput, latency percentiles, counts by status and by error code.
import type { Kind, Sample } from './load'

export const HANG_MS = 10_000

export type Latency = { p50: number; p95: number; p99: number; max: number }

export type Summary = {
  requests: number
  seconds: number
  throughput: number
  latency: Latency
  byKind: Record<Kind, { requests: number; latency: Latency }>
  byStatus: Record<string, number>
  /** "409 TRIP_FULL", "503 SERVICE_UNAVAILABLE", … */
  byCode: Record<string, number>
  /** 5xx other than 503, and network errors (the app process dropped or refused the connection). */
  serverErrors: number
  networkErrors: number
  hangs: number
  /** 503s that did not say when to come back. */
  unavailableWithoutRetryAfter: number
}

const round = (n: number) => Math.round(n * 10) / 10

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!
}

export function latencyOf(samples: Sample[]): Latency {
  const ms = samples.map((s) => s.ms).sort((a, b) => a - b)
  return { p50: round(percentile(ms, 50)), p95: round(percentile(ms, 95)), p99: round(percentile(ms, 99)), max: round(ms.at(-1) ?? 0) }
}

export function countBy<T>(items: T[], keyOf: (item: T) => string): Record<string, number> {
  const out: Record<string, number> = {}
  for (const item of items) out[keyOf(item)] = (out[keyOf(item)] ?? 0) + 1
  return Object.fromEntries(Object.entries(out).sort(([a], [b]) => a.localeCompare(b)))
}

export function summarize(samples: Sample[], seconds: number): Summary {
  const ofKind = (kind: Kind) => samples.filter((s) => s.kind === kind)
  return {
    requests: samples.length,
    seconds: round(seconds),
    throughput: round(samples.length / Math.max(seconds, 0.001)),
    latency: latencyOf(samples),
    byKind: {
      search: { requests: ofKind('search').length, latency: latencyOf(ofKind('search')) },
      book: { requests: ofKind('book').length, latency: latencyOf(ofKind('book')) },
      cancel: { requests: ofKind('cancel').length, latency: latencyOf(ofKind('cancel')) },
    },
    byStatus: countBy(samples, (s) => String(s.status)),
    byCode: countBy(samples.filter((s) => s.code), (s) => `${s.status} ${s.code}`),
    serverErrors: samples.filter((s) => typeof s.status === 'number' && s.status >= 500 && s.status !== 503).length,
    networkErrors: samples.filter((s) => typeof s.status === 'string' && s.status !== 'TIMEOUT').length,
    hangs: samples.filter((s) => s.status === 'TIMEOUT' || s.ms > HANG_MS).length,
    unavailableWithoutRetryAfter: samples.filter((s) => s.status === 503 && !s.retryAfter).length,
  }
}

export function formatCounts(counts: Record<string, number>): string {
  const entries = Object.entries(counts)
  return entries.length ? entries.map(([k, v]) => `${k}: ${v}`).join(', ') : '—'
}

export function formatLatency(l: Latency): string {
  return `${l.p50} / ${l.p95} / ${l.p99} ms (max ${l.max})`
}

/** A two-column table: label, value (values may wrap onto the following lines). */
export function printTable(title: string, rows: [string, string][]): void {
  const width = Math.max(...rows.map(([label]) => label.length))
  console.log(`\n${title}`)
  console.log('─'.repeat(Math.min(100, title.length + 40)))
  for (const [label, value] of rows) console.log(`${label.padEnd(width)}  ${value}`)
}
