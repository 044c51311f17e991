// Small statistics for latency samples (milliseconds).

export type Latency = { p50: number; p99: number; max: number; samples: number }

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))
  return sorted[index]!
}

export function summarise(samples: number[]): Latency {
  const sorted = [...samples].sort((a, b) => a - b)
  return { p50: percentile(sorted, 50), p99: percentile(sorted, 99), max: sorted.at(-1) ?? NaN, samples: sorted.length }
}

export function median(values: number[]): number {
  return percentile([...values].sort((a, b) => a - b), 50)
}

export const round = (value: number, digits = 0) => Math.round(value * 10 ** digits) / 10 ** digits
